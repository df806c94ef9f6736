"""Norwegian search of measures and experience reports: the stored vectors (``vector``), the
queries (``query``), the marked snippets (``highlight``) and keeping vectors fresh
(``indexing``). The words themselves come from ``tillit.core.norsk``."""
