"""The header's sections: which one the current page belongs to, by its first path segment
(the public URL contract), so the menu can mark it with ``aria-current``."""

SECTIONS = {
    "tiltak": "tiltak",
    "fokusomrader": "tiltak",
    "erfaringer": "erfaringer",
    "forsok": "forsok",
    "statistikk": "statistikk",
    "oversikt": "statistikk",
    "organisasjoner": "organisasjoner",
    "mitt": "mitt",
}


def section_of(path: str) -> str:
    """The section of ``path`` ("" for the front page and pages outside the menu)."""
    return SECTIONS.get(path.strip("/").split("/", 1)[0], "")
