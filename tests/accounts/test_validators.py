import pytest
from django.core.exceptions import ValidationError

from tillit.accounts.validators import organisation_number_is_valid, validate_organisation_number


@pytest.mark.parametrize("number", ["974760673", "971526920", "889640782"])
def test_real_organisation_numbers_pass_the_mod11_check(number):
    assert organisation_number_is_valid(number)


@pytest.mark.parametrize(
    "number", ["974760674", "12345678", "1234567890", "97476067a", "９７４７６０６７３", ""]
)
def test_wrong_check_digit_length_or_characters_fail(number):
    assert not organisation_number_is_valid(number)


def test_validator_gives_a_norwegian_message():
    from django.utils import translation

    with translation.override("nb"), pytest.raises(ValidationError) as error:
        validate_organisation_number("974760674")
    assert "organisasjonsnummer" in error.value.messages[0]
