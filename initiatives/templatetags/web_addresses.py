"""Web addresses shown as readable text."""

from django import template

from tillit.core.text import readable_url as _readable_url

register = template.Library()


@register.filter
def readable_url(url: str) -> str:
    """Host and path of ``url``, for a link's text; the template escapes it."""
    return _readable_url(url)
