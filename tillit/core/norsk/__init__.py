"""Norwegian language tools: bokmål and nynorsk words for search (lemmas, compound parts,
stop words) and translation between the two written standards, with Apertium."""
