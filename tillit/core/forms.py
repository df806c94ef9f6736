"""How every form is drawn: Designsystemet markup, an error summary at the top, and each
field's messages tied to its input with ``aria-describedby``; and the forms every app uses."""

from django import forms
from django.forms import BoundField, Textarea
from django.forms.renderers import TemplatesSetting
from django.utils.formats import number_format
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


def textarea(rows: int = 3) -> Textarea:
    """A text box ``rows`` lines high."""
    return Textarea(attrs={"rows": rows})


class PortalBoundField(BoundField):
    def __init__(self, form, field, name):
        super().__init__(form, field, name)
        limit = getattr(field, "max_length", None)
        if limit and isinstance(field.widget, Textarea):  # a text box states its limit
            hint = format_lazy(
                _("At most {count} characters."), count=number_format(limit, force_grouping=True)
            )
            self.help_text = format_lazy("{} {}", self.help_text, hint) if self.help_text else hint

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        if getattr(widget, "input_type", None) != "hidden":
            classes = attrs.get("class", "")
            attrs["class"] = f"{classes} ds-input".strip()
        if self.errors and not self.use_fieldset:
            described = attrs.get("aria-describedby", "")
            attrs["aria-describedby"] = f"{described} {self.error_id}".strip()
        return attrs

    @property
    def error_id(self) -> str:
        return f"{self.auto_id}_error"

    @property
    def help_id(self) -> str:
        return f"{self.auto_id}_helptext"


class PortalFormRenderer(TemplatesSetting):
    form_template_name = "includes/form.html"
    field_template_name = "includes/field.html"
    bound_field_class = PortalBoundField


class ConfirmForm(forms.Form):
    """A form with nothing to fill in: the button is the confirmation."""
