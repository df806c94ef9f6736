"""Text helpers shared by every app."""

from urllib.parse import unquote, urlsplit

from django.utils.text import slugify

# Letters that Unicode does not decompose into a base letter, so slugify would drop them.
TRANSLITERATIONS = str.maketrans(
    {"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "å": "a", "Å": "A", "ß": "ss", "œ": "oe"}
)


def make_slug(text: str) -> str:
    """A web-address slug that keeps Norwegian letters readable: "Høyt fravær" → "hoyt-fravaer"."""
    return slugify(str(text).translate(TRANSLITERATIONS))


def readable_url(url: str) -> str:
    """A web address as people read it: host and path, without scheme, "www." or a closing
    slash ("https://www.ks.no/fagomrader/" → "ks.no/fagomrader")."""
    parts = urlsplit(url)
    if not parts.netloc:
        return url
    host = parts.hostname or parts.netloc
    host = host.removeprefix("www.")
    path = unquote(parts.path).rstrip("/")
    return f"{host}{path}"
