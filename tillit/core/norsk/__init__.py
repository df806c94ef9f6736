"""Norwegian language tools: bokmål and nynorsk, analysed and translated with Apertium."""
