"""Measures like a given one ("Andre som har prøvd noe lignende"): the words they are compared
by (``terms``), the ranking in SQL (``ranking``), the rows a page shows, cached per measure and
data version (``selectors``), and likely duplicates in the same organisation (``duplicates``)."""
