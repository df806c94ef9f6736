"""The user's privacy rights: the export of their data (``export``, from the sections every app
registers in ``registry``), deleting their account (``deletion``), and the pages at
``/konto/mine-data/`` (``views``). Retention is in ``tillit.core.retention``."""
