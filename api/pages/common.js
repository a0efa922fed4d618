// What both network pages share: the API key (asked once, kept in this tab's sessionStorage, sent only
// in the Authorization header, never in an address), GraphQL requests, downloads and DOM building.
// Every text that comes from the graph is hostile (adverts are written by anyone): it is put in the page
// with textContent only, never as HTML.
(function () {
  "use strict";
  var STORE = "crosslink.apiKey";

  function key() {
    return window.sessionStorage.getItem(STORE);
  }

  function forgetKey() {
    window.sessionStorage.removeItem(STORE);
  }

  // An element with properties set as properties (textContent, className, hidden...) and children
  // appended: strings become text nodes.
  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (name) {
      if (name === "dataset") {
        Object.keys(props.dataset).forEach(function (d) { node.dataset[d] = props.dataset[d]; });
      } else {
        node[name] = props[name];
      }
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function status(message, isError) {
    var line = document.getElementById("status");
    line.textContent = message || "";
    line.classList.toggle("error", Boolean(isError));
  }

  // Calls start() once a key is known: at once when this tab holds one, else after the form is sent.
  function withKey(start) {
    var form = document.getElementById("key-form");
    var forget = document.getElementById("forget-key");
    forget.addEventListener("click", function () {
      forgetKey();
      window.location.reload();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var input = document.getElementById("key-input");
      var value = input.value.trim();
      input.value = "";
      if (!value) return;
      window.sessionStorage.setItem(STORE, value);
      form.hidden = true;
      forget.hidden = false;
      start();
    });
    if (key()) {
      forget.hidden = false;
      start();
    } else {
      askKey("Enter your API key to read the graph.");
    }
  }

  function askKey(message) {
    document.getElementById("key-form").hidden = false;
    document.getElementById("forget-key").hidden = true;
    status(message, false);
    document.getElementById("key-input").focus();
  }

  // A refused key is forgotten and asked again; other errors are shown as the API words them.
  function refused(response, body) {
    if (response.status === 401) {
      forgetKey();
      askKey("The API refused the key (wrong or revoked): enter a valid one.");
      return new Error("the API refused the key");
    }
    var errors = (body && body.errors) || [];
    var message = errors.length ? errors.map(function (e) { return e.message; }).join("; ") : "";
    return new Error(message || "the API answered " + response.status);
  }

  function graphql(query, variables) {
    return fetch("/graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: "Bearer " + key() },
      body: JSON.stringify({ query: query, variables: variables || {} }),
      credentials: "omit",
      cache: "no-store",
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (body) {
        if (!response.ok || !body || (body.errors && body.errors.length)) throw refused(response, body);
        return body.data;
      });
    });
  }

  // Fetches `url` with the key and saves the answer under the name its Content-Disposition gives;
  // resolves to that name and whether the export was cut at its node limit.
  function download(url, fallbackName) {
    return fetch(url, {
      headers: { Authorization: "Bearer " + key() },
      credentials: "omit",
      cache: "no-store",
    }).then(function (response) {
      if (!response.ok) {
        return response.json().catch(function () { return null; }).then(function (body) {
          throw refused(response, body);
        });
      }
      var name = attachmentName(response.headers.get("Content-Disposition")) || fallbackName;
      return response.blob().then(function (blob) {
        var href = URL.createObjectURL(blob);
        var link = el("a", { href: href, download: name, hidden: true });
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(href); }, 10000);
        return { name: name, truncated: response.headers.get("X-Crosslink-Truncated") === "true" };
      });
    });
  }

  // The file name of a Content-Disposition header, reduced to characters safe in a file name.
  function attachmentName(header) {
    var match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header || "");
    if (!match) return null;
    var name;
    try {
      name = decodeURIComponent(match[1]);
    } catch (error) {
      name = match[1];
    }
    return name.replace(/[^A-Za-z0-9._-]+/g, "_") || null;
  }

  function number(value, digits) {
    return typeof value === "number" ? value.toFixed(digits === undefined ? 1 : digits) : "";
  }

  window.Crosslink = {
    el: el,
    status: status,
    withKey: withKey,
    graphql: graphql,
    download: download,
    number: number,
  };
})();
