// Starts GraphiQL against this server's /graphql. The API key goes in the Headers tab; it is not saved
// in the browser (shouldPersistHeaders: false), so a shared machine does not keep it.
(function () {
  "use strict";
  var fetcher = GraphiQL.createFetcher({ url: new URL("/graphql", window.location.href).href });
  var headers = JSON.stringify({ Authorization: "Bearer <paste your API key here>" }, null, 2);
  var query = [
    "# Paste your API key in the Headers tab below, then run this query (Ctrl-Enter).",
    "# Cross-border, cross-platform networks, highest score first:",
    "{",
    "  networks(filter: {minPlatforms: 2, minCountries: 2}, first: 10) {",
    "    totalCount",
    "    edges { node { id score platforms countries advertCount scoreExplanation } }",
    "  }",
    "}",
    "",
  ].join("\n");
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: query,
      defaultHeaders: headers,
      headerEditorEnabled: true,
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: "headers",
    })
  );
})();
