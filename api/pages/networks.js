// The triage list: networks by score, a page of them at a time, each row linking to the network's page.
(function () {
  "use strict";
  var C = window.Crosslink;
  var el = C.el;
  var PAGE = 50;
  var QUERY = [
    "query Triage($first: Int!, $after: String) {",
    "  networks(orderBy: SCORE, first: $first, after: $after) {",
    "    totalCount",
    "    pageInfo { hasNextPage endCursor }",
    "    edges { node {",
    "      id score scoreContent scoreShape scoreBenign advertCount accountCount platforms countries",
    "      smugglingAdverts benignAdverts scoreExplanation",
    "    } }",
    "  }",
    "}",
  ].join("\n");
  var cursor = null;
  var shown = 0;

  function row(network) {
    var link = el("a", { href: "/networks/" + encodeURIComponent(network.id), textContent: network.id });
    return el("tr", { dataset: { network: network.id } }, [
      el("td", {}, [link]),
      el("td", { className: "num strong", textContent: C.number(network.score) }),
      el("td", { className: "num", textContent: C.number(network.scoreContent) }),
      el("td", { className: "num", textContent: C.number(network.scoreShape) }),
      el("td", { className: "num", textContent: network.scoreBenign ? "−" + C.number(network.scoreBenign) : "0" }),
      el("td", { className: "num", textContent: String(network.advertCount) }),
      el("td", { className: "num", textContent: String(network.accountCount) }),
      el("td", { textContent: network.platforms.join(", ") }),
      el("td", { textContent: network.countries.join(", ") }),
      el("td", { className: "num", textContent: network.smugglingAdverts + " / " + network.benignAdverts }),
      el("td", { className: "explanation", textContent: network.scoreExplanation || "" }),
    ]);
  }

  function load() {
    C.status("Reading networks…");
    C.graphql(QUERY, { first: PAGE, after: cursor })
      .then(function (data) {
        var page = data.networks;
        var body = document.querySelector("#networks tbody");
        page.edges.forEach(function (edge) { body.appendChild(row(edge.node)); });
        shown += page.edges.length;
        cursor = page.pageInfo.endCursor;
        document.getElementById("networks").hidden = false;
        document.getElementById("more").hidden = !page.pageInfo.hasNextPage;
        C.status(shown + " of " + page.totalCount + " networks");
      })
      .catch(function (error) { C.status(error.message, true); });
  }

  document.getElementById("more").addEventListener("click", load);
  C.withKey(load);
})();
