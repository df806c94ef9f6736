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


def _signup(client, password, language="nb"):
    client.cookies["django_language"] = language
    response = client.post(
        "/konto/signup/",
        {
            "email": "ny@example.no",
            "name": "Ny Person",
            "password1": password,
            "password2": password,
        },
    )
    return response, (
        response.context["form"].errors.get("password1", []) if response.status_code == 200 else []
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", "Passordet er for kort. Det må bestå av minst 10 tegn."),
        ("nn", "Passordet er for kort. Det må innehalde minst 10 teikn."),
    ],
)
def test_a_short_password_is_refused_in_norwegian(client, language, expected):
    response, errors = _signup(client, "kort", language)
    assert response.status_code == 200 and errors == [expected]
    assert expected in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "password",
    [
        "passord123",
        "tillitsportalen",
        "Tillitsportalen2026!",
        "tillit-12345",
        "sommer2024!!",
        "qwertyuiopå",
        "P4ssord-2025",
        "Tillits portalen.no",
    ],
)
def test_common_norwegian_passwords_and_the_sites_name_are_refused(client, password):
    response, errors = _signup(client, password)
    assert response.status_code == 200
    assert errors == ["Dette passordet er for vanlig, eller for likt navnet på dette nettstedet."]


@pytest.mark.django_db
def test_a_password_that_merely_contains_a_common_word_is_accepted(client):
    response, errors = _signup(client, "mitt-lange-passord-om-tillit-til-folk")
    assert errors == [] and response.status_code == 302


def test_the_validator_says_what_it_checks_in_norwegian():
    from django.contrib.auth.password_validation import password_validators_help_texts
    from django.utils import translation

    with translation.override("nn"):
        texts = password_validators_help_texts()
    assert (
        "Passordet ditt kan ikkje vere eit vanleg norsk passord eller namnet på denne nettstaden."
        in texts
    )
