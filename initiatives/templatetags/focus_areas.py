"""Focus-area names in templates: the ``lang`` of a name that may be translated."""

from django import template

from initiatives.models.focus_areas import written_lang as _written_lang

register = template.Library()


@register.filter
def written_lang(name) -> str:
    """``lang`` for a focus-area name: the page's language when translated, else bokmål."""
    return _written_lang(name)
