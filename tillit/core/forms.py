"""How every form is drawn: Designsystemet markup, an error summary at the top, and each
field's messages tied to its input with ``aria-describedby``."""

from django.forms import BoundField
from django.forms.renderers import TemplatesSetting


class PortalBoundField(BoundField):
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
