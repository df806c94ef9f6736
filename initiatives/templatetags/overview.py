"""The overview's facet options, built in Python: a facet such as the municipalities has
hundreds of options, and a template loop over them was most of the page's render time.
Every value and label is escaped here; the joined result is then safe."""

from html import escape

from django import template
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from tillit.core.text import make_slug

register = template.Library()


@register.simple_tag
def facet_checkboxes(facet):
    """One labelled checkbox per option, with the count it would give."""
    name = escape(facet.name)
    rows = []
    for option in facet.options:
        element_id = escape(f"f-{facet.name}-{make_slug(option.value)}")
        rows.append(
            f'<div class="ds-field"><input class="ds-input" type="checkbox" name="{name}"'
            f' value="{escape(option.value)}" id="{element_id}"'
            f"{' checked' if option.selected else ''}>"
            f'<label class="ds-label" data-weight="regular" for="{element_id}">'
            f"{escape(capfirst(option.label))}"
            f' <span class="facet__count">({int(option.count)})</span></label></div>'
        )
    return mark_safe("\n".join(rows))  # noqa: S308 (escaped above)


@register.simple_tag
def facet_select_options(facet):
    """The ``<option>`` elements of a long facet shown as a multiple select."""
    return mark_safe(  # noqa: S308 (escaped here)
        "".join(
            f'<option value="{escape(option.value)}"{" selected" if option.selected else ""}>'
            f"{escape(option.label)} ({int(option.count)})</option>"
            for option in facet.options
        )
    )
