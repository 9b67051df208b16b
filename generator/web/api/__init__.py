"""The JSON API for e-office systems (/api/v1, OpenAPI at /api/docs): token-authenticated, errors as JSON."""
