"""The open data API at /api/v1/: published content only, read-only."""
