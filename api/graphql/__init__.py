"""The analysts' GraphQL API: schema, types, loaders, errors and limits (served by `api.app`)."""
