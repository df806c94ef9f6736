"""The national overview of measures at /tiltak/: parameters, filters, search and facets."""
