import re
from functools import cached_property
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

ORGANISATION_NUMBER_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def normalise_organisation_number(value: str) -> str:
    """The nine digits without the spaces the register shows them with (``971 278 374``)."""
    return "".join(value.split())


def organisation_number_is_valid(value: str) -> bool:
    """True when ``value`` is nine digits whose last digit is the mod-11 check digit."""
    if len(value) != 9 or not value.isascii() or not value.isdigit():
        return False
    total = sum(
        int(digit) * weight
        for digit, weight in zip(value[:8], ORGANISATION_NUMBER_WEIGHTS, strict=True)
    )
    remainder = total % 11
    check = 0 if remainder == 0 else 11 - remainder
    return check != 10 and check == int(value[8])


def validate_organisation_number(value: str) -> None:
    if value and not organisation_number_is_valid(value):
        raise ValidationError(
            _("Enter a valid organisation number: nine digits with a correct check digit."),
            code="invalid_organisation_number",
        )


_EDGES = re.compile(r"^[\W\d_]+|[\W\d_]+$")
_SEPARATORS = re.compile(r"[\s._-]+")
_LOOKALIKES = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "@": "a", "$": "s"})


def _forms(password: str) -> set[str]:
    """The password lower-cased, without digits and symbols at its ends and separators in it,
    and with look-alike digits read as letters (p4ssord → passord)."""
    text = _SEPARATORS.sub("", password.strip().lower())
    core = _EDGES.sub("", text)
    return {text, core, core.translate(_LOOKALIKES)}


class NorwegianCommonPasswordValidator:
    """Refuses passwords common in Norway and the site's own name (``tillit/data/
    vanlige-passord.txt``), also with digits or symbols added before or after them."""

    def __init__(self, password_list_path=None):
        self.path = Path(
            password_list_path or settings.BASE_DIR / "tillit/data/vanlige-passord.txt"
        )

    @cached_property
    def words(self) -> set[str]:
        lines = self.path.read_text(encoding="utf-8").splitlines()
        return {
            _SEPARATORS.sub("", line.strip().lower())
            for line in lines
            if line.strip() and not line.startswith("#")
        }

    def validate(self, password, user=None):
        if _forms(password) & self.words:
            raise ValidationError(
                gettext("This password is too common, or too close to the name of this site."),
                code="password_too_common",
            )

    def get_help_text(self):
        return gettext(
            "Your password can’t be a common Norwegian password or the name of this site."
        )
