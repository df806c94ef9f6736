"""A small, safe Markdown for comments: paragraphs, line breaks, lists, emphasis and links to
http(s) addresses. markdown-it renders it with raw HTML off; nh3 then keeps only the tags
and attributes below, so whatever slips through the renderer is still inert."""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "em", "strong", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
ALLOWED_SCHEMES = {"http", "https"}

_renderer = MarkdownIt("zero", {"breaks": True, "linkify": False}).enable(
    ["emphasis", "list", "link", "autolink", "newline", "escape", "entity"]
)
# Links go only to absolute http(s) addresses; anything else stays as plain text.
_renderer.validateLink = lambda url: url.strip().lower().startswith(("http://", "https://"))


def _only_allowed(tag: str, attribute: str, value: str) -> str | None:
    """nh3 keeps a few attributes (``title``, ``lang``) on every tag; we keep only ours."""
    allowed = attribute in ALLOWED_ATTRIBUTES.get(tag, ()) or (tag, attribute) == ("a", "rel")
    return value if allowed else None


def render_comment(text: str) -> str:
    """HTML for a comment's text, safe to mark as safe in a template."""
    html = _renderer.render(text)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_only_allowed,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="nofollow ugc noopener noreferrer",
    )
