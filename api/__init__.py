"""The faces of Crosslink: the `crosslink` command line (later the GraphQL API), thin layers over `graph`."""
