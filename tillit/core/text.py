"""Text helpers shared by every app."""

from django.utils.text import slugify

# Letters that Unicode does not decompose into a base letter, so slugify would drop them.
TRANSLITERATIONS = str.maketrans(
    {"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "å": "a", "Å": "A", "ß": "ss", "œ": "oe"}
)


def make_slug(text: str) -> str:
    """A web-address slug that keeps Norwegian letters readable: "Høyt fravær" → "hoyt-fravaer"."""
    return slugify(str(text).translate(TRANSLITERATIONS))
