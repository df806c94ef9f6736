"""Norwegian words for search: lemmas of bokmål and nynorsk, compound parts and stop words."""
