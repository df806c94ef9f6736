"""Web addresses typed by people: one rule (http and https only) for the measure form's
links and the import's links column."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

__all__ = ["LinksField", "WebAddressField", "validate_web_address"]

# The one rule for a link anyone may add to a measure.
validate_web_address = URLValidator(schemes=["http", "https"])


class WebAddressField(forms.URLField):
    """One web address; only http and https (an address without a scheme gets https)."""

    default_validators = [validate_web_address]
    default_error_messages = {
        "invalid": _("Enter a web address that starts with http:// or https://."),
    }

    def __init__(self, **kwargs):
        super().__init__(max_length=500, assume_scheme="https", **kwargs)


class LinksField(forms.Field):
    """Web addresses, one per line. Blank lines are ignored; errors name the line."""

    MAX_LINKS = 20

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list | tuple) else value

    def to_python(self, value) -> list[str]:
        if isinstance(value, list | tuple):
            value = "\n".join(value)
        address, links, errors = WebAddressField(), [], []
        for number, line in enumerate(str(value or "").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                links.append(address.clean(line))
            except ValidationError as error:
                errors += [
                    ValidationError(
                        _("Line %(number)s: %(error)s"),
                        code="invalid_link",
                        params={"number": number, "error": message},
                    )
                    for message in error.messages
                ]
        if len(links) > self.MAX_LINKS:
            errors.append(
                ValidationError(
                    _("Give at most %(max)s links."),
                    code="too_many_links",
                    params={"max": self.MAX_LINKS},
                )
            )
        if errors:
            raise ValidationError(errors)
        return links
