"""Text fields have limits the form states, and the longest accepted text still fits the search
document (PostgreSQL's tsvector holds 1 MB; 2 MB of distinct words used to overflow it)."""

import itertools

import pytest
from django.utils import translation

from initiatives import services
from initiatives.models import ExperienceReport, Initiative
from initiatives.models.experience import NOTE_LENGTH, PART_LENGTH, SHORT_PART_LENGTH
from initiatives.models.initiatives import DESCRIPTION_LENGTH, GOAL_LENGTH
from initiatives.overview.search import exact_condition

from ..factories import InitiativeFactory

pytestmark = pytest.mark.django_db

# Short distinct words with two-byte letters: the most search-document bytes per character.
LETTERS = "abdefghijklmnoprstuvyæøå"


def distinct_words(length: int, size: int = 3) -> str:
    """Distinct words of ``size`` letters, separated by spaces, exactly ``length`` long."""
    words = ("".join(w) for w in itertools.product(LETTERS, repeat=size))
    text = " ".join(itertools.islice(words, length // (size + 1) + 1))
    return text[:length].strip() + "x" * (length - len(text[:length].strip()))


def _form(bergen, **values):
    return {"organisation": bergen.pk, "title": "Tiltak", "action": "save", **values}


def test_two_megabytes_of_distinct_words_are_refused_at_the_field(client, people, bergen):
    client.force_login(people["ansatt"])
    description = distinct_words(2_000_000, size=5)
    with translation.override("nb"):
        response = client.post("/tiltak/ny/", _form(bergen, description=description))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_description_error"' in html
    assert "har 20000 eller færre tegn" in html  # Django's own Norwegian message
    assert description[:200] in html  # what was typed is kept
    assert not Initiative.objects.exists()


def test_the_form_states_the_limits(client, people):
    client.force_login(people["ansatt"])
    with translation.override("nb"):
        html = client.get("/tiltak/ny/").content.decode()
    assert f'maxlength="{DESCRIPTION_LENGTH}"' in html
    assert "Høyst 20\xa0000 tegn." in html and "Høyst 2\xa0000 tegn." in html
    assert "Høyst 300 tegn." in html  # the summary


def test_the_comment_form_states_its_limit(client, people, bergen):
    measure = InitiativeFactory(organisation=bergen, workflow_status="publisert")
    client.force_login(people["tillitsvalgt"])
    with translation.override("nb"):
        html = client.get(measure.get_absolute_url()).content.decode()
    assert 'maxlength="4000"' in html and "Høyst 4\xa0000 tegn." in html


def test_the_longest_accepted_measure_saves_and_is_found(client, people, bergen):
    client.force_login(people["ansatt"])
    values = {
        "title": distinct_words(200),
        "summary": distinct_words(300),
        "description": distinct_words(DESCRIPTION_LENGTH),
        **{
            f"goal_{name}": distinct_words(GOAL_LENGTH)
            for name in ("resources", "activities", "outputs", "user_effects", "societal_effects")
        },
    }
    response = client.post("/tiltak/ny/", _form(bergen, **values))
    assert response.status_code == 302
    initiative = Initiative.objects.get()
    assert initiative.description == values["description"]
    last_word = values["description"].split()[-2]
    found = Initiative.objects.filter(exact_condition(last_word))
    assert list(found) == [initiative]


def test_the_longest_accepted_experience_report_saves_and_is_found(people, bergen):
    measure = InitiativeFactory(organisation=bergen, workflow_status="publisert")
    data = {
        "title": distinct_words(200),
        "summary": distinct_words(300),
        "what_was_done": distinct_words(PART_LENGTH),
        "what_worked": distinct_words(PART_LENGTH),
        "challenges": distinct_words(PART_LENGTH),
        "success_conditions": distinct_words(SHORT_PART_LENGTH),
        "advice": distinct_words(SHORT_PART_LENGTH),
        "outcomes": distinct_words(SHORT_PART_LENGTH),
        "transferability": "delvis",
        "transferability_note": distinct_words(NOTE_LENGTH),
    }
    report = services.experience_create(initiative=measure, by=people["ansatt"], data=data)
    last_word = data["outcomes"].split()[-2]
    found = ExperienceReport.objects.filter(exact_condition(last_word))
    assert list(found) == [report]


def test_two_megabytes_in_an_experience_report_are_refused(client, people, bergen):
    measure = InitiativeFactory(organisation=bergen, workflow_status="publisert")
    client.force_login(people["ansatt"])
    report = {
        "title": "Hva vi lærte",
        "summary": "Kort.",
        "what_was_done": distinct_words(2_000_000, size=5),
        "what_worked": "Mye.",
        "challenges": "Lite.",
        "transferability": "delvis",
    }
    with translation.override("nb"):
        response = client.post(f"/tiltak/{measure.pk}/erfaringer/ny/", report)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_what_was_done_error"' in html and "har 10000 eller færre tegn" in html
    assert not ExperienceReport.objects.exists()
