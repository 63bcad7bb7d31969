"""Using a built graph: SPARQL queries (query), stores and endpoints (store),
network tools such as Gephi (gephi), and a page to browse it (view)."""
