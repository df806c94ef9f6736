"""Choropleth maps of Norway's counties and municipalities, drawn on the server as SVG: the
committed outline (``geometry``) and the shading of areas by a count (``choropleth``)."""
