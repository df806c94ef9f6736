from django.core.exceptions import ValidationError
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
