// One network drawn with Cytoscape.js: nodes shaped and coloured by kind, accounts and adverts coloured
// by platform, hub identifiers with a dashed border; a link's evidence (the advert text with the span
// marked) and a node's properties on click; a timeline of its adverts; its score; its exports.
(function () {
  "use strict";
  var C = window.Crosslink;
  var el = C.el;
  var LIMIT = 2000;
  // The most nodes one download may hold (api/exports.py MAX_NODES): an export takes all of a network
  // the server allows, and says so when even that cut it.
  var EXPORT_LIMIT = 20000;
  // Above this many nodes fCoSE's force-directed refinement makes the analyst wait too long: its spectral
  // draft is drawn alone (bench/page_layout.py measures both).
  var DRAFT_ABOVE = 300;
  var QUERY = [
    "query NetworkPage($id: ID!, $limit: Int!) {",
    "  network(id: $id) {",
    "    id score scoreContent scoreShape scoreBenign advertCount accountCount platforms countries",
    "    smugglingAdverts benignAdverts scoreExplanation",
    "    graph(limit: $limit) {",
    "      truncated",
    "      nodes { id kind label platform country countries hub hubReason postedAt text properties }",
    "      edges { id source target type similarity evidence { advert start end value } }",
    "    }",
    "  }",
    "}",
  ].join("\n");

  // Shape and colour of each kind; accounts and adverts take their platform's colour instead.
  var KINDS = {
    Advert: { shape: "round-rectangle", color: "#9aa5b1", name: "advert" },
    Account: { shape: "ellipse", color: "#7b8794", name: "account" },
    Phone: { shape: "diamond", color: "#e12d39", name: "phone" },
    PaymentTag: { shape: "hexagon", color: "#f0b429", name: "payment tag" },
    Email: { shape: "triangle", color: "#8719e0", name: "email" },
    Link: { shape: "vee", color: "#3ebd93", name: "link" },
    Domain: { shape: "rhomboid", color: "#147d64", name: "domain" },
    Country: { shape: "star", color: "#243b53", name: "country" },
  };
  var OTHER_KIND = { shape: "octagon", color: "#bcccdc", name: "other" };
  var PLATFORMS = {
    facebook: "#1877f2",
    instagram: "#c13584",
    telegram: "#229ed9",
    tiktok: "#ff0050",
    x: "#14171a",
    twitter: "#14171a",
    whatsapp: "#25d366",
    youtube: "#ff0000",
    vk: "#4c75a3",
  };
  var OTHER_PLATFORM = "#52606d";
  var EDGES = {
    POSTED: { color: "#52606d", style: "solid", name: "posted" },
    MENTIONS: { color: "#9fb3c8", style: "solid", name: "mentions (click: evidence)" },
    IN_COUNTRY: { color: "#d9e2ec", style: "dotted", name: "in country" },
    ON_DOMAIN: { color: "#8eedc7", style: "solid", name: "on domain" },
    SAME_TEMPLATE: { color: "#f7c948", style: "dashed", name: "same template" },
  };

  function networkId() {
    var parts = window.location.pathname.split("/");
    return decodeURIComponent(parts[parts.length - 1] || "");
  }

  function kindOf(node) {
    return KINDS[node.kind] || OTHER_KIND;
  }

  function colourOf(node) {
    if ((node.kind === "Account" || node.kind === "Advert") && node.platform) {
      return PLATFORMS[node.platform] || OTHER_PLATFORM;
    }
    return kindOf(node).color;
  }

  function elements(graph) {
    var nodes = graph.nodes.map(function (node) {
      var label = node.label;
      if (node.country && node.kind !== "Country") label += " · " + node.country;
      return {
        group: "nodes",
        data: {
          id: node.id,
          caption: label,
          shape: kindOf(node).shape,
          colour: colourOf(node),
          hub: node.hub ? "yes" : "no",
          record: node,
        },
      };
    });
    var edges = graph.edges.map(function (edge) {
      var look = EDGES[edge.type] || EDGES.MENTIONS;
      return {
        group: "edges",
        data: {
          id: edge.id,
          source: edge.source,
          target: edge.target,
          colour: look.color,
          line: look.style,
          record: edge,
        },
      };
    });
    return nodes.concat(edges);
  }

  var STYLE = [
    {
      selector: "node",
      style: {
        shape: "data(shape)",
        "background-color": "data(colour)",
        label: "data(caption)",
        "font-size": 9,
        color: "#102a43",
        "text-valign": "bottom",
        "text-margin-y": 3,
        "text-max-width": 120,
        "text-wrap": "ellipsis",
        width: 22,
        height: 22,
        "border-width": 1,
        "border-color": "#ffffff",
      },
    },
    { selector: "node[hub = 'yes']", style: { "border-width": 3, "border-style": "dashed", "border-color": "#d64545" } },
    {
      selector: "edge",
      style: {
        width: 2,
        "line-color": "data(colour)",
        "line-style": "data(line)",
        "curve-style": "bezier",
        "target-arrow-shape": "triangle",
        "target-arrow-color": "data(colour)",
        "arrow-scale": 0.6,
      },
    },
    { selector: "node:selected", style: { "border-width": 4, "border-color": "#ffb700", "border-style": "solid" } },
    { selector: "edge:selected", style: { width: 4, "line-color": "#ffb700", "target-arrow-color": "#ffb700" } },
  ];

  // Each advert's text by id, taken from its node: an evidence span does not bring the text again, so
  // that a long text mentioning one value many times comes once, not once per mention.
  var texts = {};

  // The advert's text with the span [start, end) marked. Offsets count code points (as Python does),
  // so the text is cut by code point, not by UTF-16 unit.
  function markedText(evidence) {
    var chars = Array.from(texts[evidence.advert] || "");
    return el("p", { className: "advert-text" }, [
      chars.slice(0, evidence.start).join(""),
      el("mark", { textContent: chars.slice(evidence.start, evidence.end).join("") }),
      chars.slice(evidence.end).join(""),
    ]);
  }

  function showEdge(edge) {
    var record = edge.data("record");
    var details = document.getElementById("details");
    details.replaceChildren();
    details.dataset.edge = record.id;
    delete details.dataset.node;
    document.getElementById("details-title").textContent = record.type.toLowerCase().replace("_", " ");
    // Each end isolated (bdi): a right-to-left caption must not reorder the arrow and the other end.
    details.appendChild(el("p", { className: "ends" }, [
      el("bdi", { textContent: edge.source().data("caption") }),
      el("span", { className: "arrow", textContent: "↓ " + record.type.toLowerCase().replace("_", " ") }),
      el("bdi", { textContent: edge.target().data("caption") }),
    ]));
    if (record.similarity !== null && record.similarity !== undefined) {
      details.appendChild(el("p", { textContent: "similarity " + C.number(record.similarity, 2) }));
    }
    if (!record.evidence.length) {
      details.appendChild(el("p", { className: "muted", textContent: "No text evidence for this kind of link." }));
    }
    record.evidence.forEach(function (evidence) {
      details.appendChild(el("div", { className: "evidence" }, [
        el("p", { className: "muted" }, [evidence.advert + ": written as ", el("code", { textContent: evidence.value })]),
        markedText(evidence),
      ]));
    });
  }

  function showNode(node) {
    var record = node.data("record");
    var details = document.getElementById("details");
    details.replaceChildren();
    details.dataset.node = record.id;
    delete details.dataset.edge;
    document.getElementById("details-title").textContent = record.kind + (record.hub ? " (hub)" : "");
    var properties = {};
    try {
      properties = JSON.parse(record.properties || "{}");
    } catch (error) {
      properties = {};
    }
    var rows = [["id", record.id]];
    Object.keys(properties).sort().forEach(function (name) {
      if (name === "text") return;
      var value = properties[name];
      if (value === null || value === undefined || value === "") return;
      rows.push([name, Array.isArray(value) ? value.join(", ") : String(value)]);
    });
    details.appendChild(el("table", { className: "properties" }, [
      el("tbody", {}, rows.map(function (pair) {
        return el("tr", {}, [el("th", { textContent: pair[0] }), el("td", { textContent: pair[1] })]);
      })),
    ]));
    if (record.text) details.appendChild(el("p", { className: "advert-text", textContent: record.text }));
  }

  function legendItem(swatchClass, colour, text) {
    var swatch = el("span", { className: "swatch " + swatchClass });
    swatch.style.backgroundColor = colour;
    return el("span", { className: "legend-item" }, [swatch, text]);
  }

  function legend(graph) {
    var box = document.getElementById("legend");
    box.replaceChildren();
    var kinds = {};
    var platforms = {};
    var hubs = false;
    graph.nodes.forEach(function (node) {
      kinds[node.kind] = true;
      if (node.platform && (node.kind === "Account" || node.kind === "Advert")) platforms[node.platform] = true;
      if (node.hub) hubs = true;
    });
    Object.keys(kinds).sort().forEach(function (kind) {
      var look = KINDS[kind] || OTHER_KIND;
      box.appendChild(legendItem("shape-" + look.shape, look.color, look.name));
    });
    Object.keys(platforms).sort().forEach(function (platform) {
      box.appendChild(legendItem("shape-ellipse", PLATFORMS[platform] || OTHER_PLATFORM, platform));
    });
    if (hubs) {
      box.appendChild(el("span", { className: "legend-item" }, [
        el("span", { className: "swatch hub" }),
        "hub identifier (ties unrelated adverts; joins no network)",
      ]));
    }
    var types = {};
    graph.edges.forEach(function (edge) { types[edge.type] = true; });
    Object.keys(types).sort().forEach(function (type) {
      var look = EDGES[type] || EDGES.MENTIONS;
      var line = el("span", { className: "line line-" + look.style });
      line.style.borderTopColor = look.color;
      box.appendChild(el("span", { className: "legend-item" }, [line, look.name]));
    });
  }

  // A strip of the network's adverts along time, one mark per advert at its posting time; a click on a
  // mark selects the advert in the drawing.
  function timeline(graph) {
    var box = document.getElementById("timeline");
    box.replaceChildren();
    var adverts = graph.nodes.filter(function (node) { return node.kind === "Advert" && node.postedAt; });
    adverts.forEach(function (node) { node.time = Date.parse(node.postedAt); });
    adverts = adverts.filter(function (node) { return !isNaN(node.time); });
    box.dataset.adverts = String(adverts.length);
    if (!adverts.length) {
      box.appendChild(el("p", { className: "muted", textContent: "No posting times." }));
      return;
    }
    var times = adverts.map(function (node) { return node.time; });
    var first = Math.min.apply(null, times);
    var last = Math.max.apply(null, times);
    var width = 1000;
    var svgNs = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(svgNs, "svg");
    svg.setAttribute("viewBox", "0 0 " + width + " 40");
    svg.setAttribute("preserveAspectRatio", "none");
    svg.setAttribute("class", "strip");
    var axis = document.createElementNS(svgNs, "line");
    [["x1", 10], ["x2", width - 10], ["y1", 20], ["y2", 20]].forEach(function (a) { axis.setAttribute(a[0], a[1]); });
    axis.setAttribute("class", "axis");
    svg.appendChild(axis);
    adverts.forEach(function (node) {
      var x = last === first ? width / 2 : 10 + ((node.time - first) / (last - first)) * (width - 20);
      var mark = document.createElementNS(svgNs, "rect");
      [["x", x - 2], ["y", 8], ["width", 4], ["height", 24]].forEach(function (a) { mark.setAttribute(a[0], a[1]); });
      mark.setAttribute("fill", colourOf(node));
      mark.setAttribute("class", "mark");
      var title = document.createElementNS(svgNs, "title");
      title.textContent = node.postedAt + " " + node.label;
      mark.appendChild(title);
      mark.addEventListener("click", function () {
        var cy = window.crosslinkGraph;
        if (!cy) return;
        var drawn = cy.getElementById(node.id);
        cy.elements().unselect();
        drawn.select();
        showNode(drawn);
      });
      svg.appendChild(mark);
    });
    box.appendChild(el("div", { className: "timeline-head" }, [
      el("span", { textContent: new Date(first).toISOString().slice(0, 10) }),
      el("span", { className: "muted", textContent: adverts.length + " adverts over time" }),
      el("span", { textContent: new Date(last).toISOString().slice(0, 10) }),
    ]));
    box.appendChild(svg);
  }

  function score(network) {
    document.title = "Crosslink: network " + network.id;
    document.getElementById("title").textContent = "Network " + network.id;
    document.getElementById("score").textContent = "score " + C.number(network.score);
    document.getElementById("shape").textContent =
      network.advertCount + " adverts, " + network.accountCount + " accounts · " +
      network.platforms.join(", ") + " · " + network.countries.join(", ");
    document.getElementById("parts").textContent =
      "content " + C.number(network.scoreContent) + " + shape " + C.number(network.scoreShape) +
      " − benign " + C.number(network.scoreBenign) + " · smuggling adverts " + network.smugglingAdverts +
      ", benign adverts " + network.benignAdverts;
    document.getElementById("explanation").textContent = network.scoreExplanation || "";
  }

  function draw(graph) {
    var container = document.getElementById("graph");
    var cy = cytoscape({
      container: container,
      elements: elements(graph),
      style: STYLE,
      layout: { name: "preset" },
    });
    window.crosslinkGraph = cy; // for the browser test and for analysts poking at it in the console
    container.dataset.nodes = String(cy.nodes().length);
    container.dataset.edges = String(cy.edges().length);
    cy.on("tap", "edge", function (event) { showEdge(event.target); });
    cy.on("tap", "node", function (event) { showNode(event.target); });
    var layout = cy.layout({
      name: "fcose",
      quality: cy.nodes().length > DRAFT_ABOVE ? "draft" : "default",
      animate: false,
      randomize: true,
      nodeRepulsion: 9000,
      nodeDimensionsIncludeLabels: true,
      idealEdgeLength: 70,
      padding: 20,
    });
    layout.one("layoutstop", function () {
      cy.fit(undefined, 20);
      container.dataset.state = "ready";
    });
    layout.run();
    return cy;
  }

  function exports(id) {
    document.querySelectorAll("#export-buttons button").forEach(function (button) {
      button.addEventListener("click", function () {
        var format = button.dataset.format;
        var url = "/export/networks/" + encodeURIComponent(id) + "?format=" + encodeURIComponent(format) +
          "&limit=" + EXPORT_LIMIT;
        C.status("Exporting " + format + "…");
        C.download(url, "network-" + id.replace(/[^A-Za-z0-9._-]+/g, "_") + "." + format)
          .then(function (saved) {
            C.status(saved.truncated
              ? "Saved " + saved.name + ", cut at " + EXPORT_LIMIT + " nodes (the most one export holds): " +
                "crosslink export --limit takes more"
              : "Saved " + saved.name);
          })
          .catch(function (error) { C.status(error.message, true); });
      });
    });
  }

  function start() {
    var id = networkId();
    C.status("Reading network " + id + "…");
    C.graphql(QUERY, { id: id, limit: LIMIT })
      .then(function (data) {
        var network = data.network;
        texts = {};
        network.graph.nodes.forEach(function (node) {
          if (node.kind === "Advert") texts[node.id] = node.text || "";
        });
        score(network);
        C.status(
          network.graph.truncated
            ? "Only the first " + network.graph.nodes.length + " nodes are drawn: export the network for all of it."
            : ""
        );
        legend(network.graph);
        timeline(network.graph); // before drawing, so that the drawing is fitted to its final size
        draw(network.graph);
      })
      .catch(function (error) { C.status(error.message, true); });
  }

  var bound = false;
  C.withKey(function () {
    if (!bound) {
      exports(networkId());
      bound = true;
    }
    start();
  });
})();
