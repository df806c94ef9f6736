"""Every database constraint speaks Norwegian to the person who breaks it, at the field it is
about, and never shows its name. Constraints are found in the models, so a new one without a
message, or one nobody has tried through its form, fails here."""

from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db.models import BaseConstraint
from django.utils import translation

from initiatives.models import Initiative
from tillit.accounts.models import Organisation, User
from trials.models import TrialRound

from ..factories import UserFactory

pytestmark = pytest.mark.django_db

# The project's own apps: those whose code lives in this repository, not in a package.
PROJECT_APPS = [
    config
    for config in apps.get_app_configs()
    if Path(config.path).is_relative_to(settings.BASE_DIR)
    and not Path(config.path).is_relative_to(Path(settings.BASE_DIR) / ".venv")
]
CONSTRAINTS = {
    constraint.name: (model, constraint)
    for config in PROJECT_APPS
    for model in config.get_models()
    for constraint in model._meta.constraints
}


def _end_before_start(client, people, bergen):
    client.force_login(people["ansatt"])
    return client.post(
        "/tiltak/ny/",
        {
            "organisation": bergen.pk,
            "title": "Kortere møter",
            "start_date": "2025-05-01",
            "end_date": "2024-01-01",
            "action": "save",
        },
    )


def _organisation_form(**data):
    def post(client, people, bergen):
        client.force_login(people["redaktor"])
        return client.post("/organisasjoner/ny/", {"name": "Nytt organ", **data})

    return post


def _second_portal_operator(client, people, bergen):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    data = {"name": "Ny operatør", "kind": "annet", "is_portal_operator": "on"}
    return client.post("/admin/accounts/organisation/add/", data)


def _email_in_other_case(client, people, bergen):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    other = people["ansatt"]
    data = {"email": people["leder"].email.upper(), "name": other.name, "is_active": "on"}
    data["date_joined_0"], data["date_joined_1"] = "2025-01-01", "12:00:00"
    return client.post(f"/admin/accounts/user/{other.pk}/change/", data)


def _exemption_without_a_law(client, people, bergen):
    measure = Initiative.objects.create(organisation=bergen, title="Felles opptak")
    trial_round = TrialRound.objects.create(title="Forsøksrunde", max_years=4)
    client.force_login(people["leder"])
    exemption = {"section": "§ 1", "obstacle": "a", "alternative": "b", "evaluation": "c"}
    return client.post(
        f"/forsok/ny/{measure.pk}/",
        {
            "round": trial_round.pk,
            "title": "Felles opptak",
            "purpose": "Et forsøk.",
            "period_years": "2",
            "exemption-TOTAL_FORMS": "1",
            "exemption-INITIAL_FORMS": "0",
            **{f"exemption-0-{name}": value for name, value in exemption.items()},
        },
    )


# constraint → (how to break it through a form, the field its message belongs to or None)
THROUGH_FORMS = {
    "initiative_end_after_start": (_end_before_start, "end_date"),
    "organisation_number_unique": (
        _organisation_form(kind="statlig", organisation_number="964 338 531"),
        "organisation_number",
    ),
    "one_organisation_per_municipality": (
        _organisation_form(kind="kommune", municipality="4601"),
        "municipality",
    ),
    "one_portal_operator": (_second_portal_operator, "is_portal_operator"),
    "user_email_ci_unique": (_email_in_other_case, "email"),
    "exemption_names_its_law": (_exemption_without_a_law, "exemption-0-legal_act"),
}
# Constraints no form can reach: the services write these rows themselves.
NOT_BEHIND_A_FORM = {
    "initiative_focus_area_unique": "the service writes each chosen area once",
    "initiative_one_primary_focus_area": "the service marks one primary area",
    "follow_exactly_one_target": "each follow page has one target",
    "follow_once": "following again updates the follow (update_or_create)",
    "notify_once": "notifications are written by the services",
    "one_flag_per_member": "the flag service answers with the same message",
    "yearbook_pick_once": "the yearbook service replaces a year's picks",
    "yearbook_pick_section_once": "the yearbook service replaces a part's picks",
    "one_membership_per_org": "members cannot ask or be invited to join again (policy)",
    "one_pending_request_per_org": "the policy refuses a second request",
    "one_assessment_per_ministry": "assessing again updates the ministry's (update_or_create)",
    "one_reminder_per_deadline": "the reminder task skips a deadline reminded already",
    "translation_of_one_text": "the translation task writes these rows",
    "translation_once_per_measure_version": "the translation task reuses a version's row",
    "translation_once_per_report_version": "the translation task reuses a version's row",
    "relation_not_to_itself": "the connection form and service refuse the measure itself",
    "relation_once_per_direction": "the connection service refuses a connection made already",
    "network_pair_once": "the connection service refuses a network pair either way round",
    "reporting_removal_hours_bounded": "the form's own limit on hours a year refuses first",
    "followup_once_per_round": "the daily follow-up job makes each round's question once",
    "followup_answer_with_time": "the follow-up service writes an answer with its time",
}


def test_every_constraint_is_tried_through_its_form_or_explained():
    assert {config.label for config in PROJECT_APPS} >= {"accounts", "initiatives"}
    assert set(THROUGH_FORMS) | set(NOT_BEHIND_A_FORM) == set(CONSTRAINTS)


@pytest.mark.parametrize("name", sorted(CONSTRAINTS))
def test_every_constraint_has_its_own_message_in_norwegian(name):
    _model, constraint = CONSTRAINTS[name]
    message = constraint.violation_error_message
    assert message != BaseConstraint.default_violation_error_message
    with translation.override("en"):
        english = str(message)
    with translation.override("nb"):
        assert str(message) != english, "no bokmål translation"


@pytest.mark.parametrize("name", sorted(THROUGH_FORMS))
def test_a_broken_constraint_shows_its_message_at_its_field(name, client, people, bergen):
    Organisation.objects.filter(pk=bergen.pk).update(organisation_number="964338531")
    if name == "one_portal_operator":
        assert Organisation.objects.filter(is_portal_operator=True).exists()
    break_it, field = THROUGH_FORMS[name]
    _model, constraint = CONSTRAINTS[name]
    with translation.override("nb"):
        response = break_it(client, people, bergen)
        message = str(constraint.violation_error_message)
    assert response.status_code == 200
    html = response.content.decode()
    assert name not in html
    assert message.replace("'", "&#x27;") in html
    errors = f'id="id_{field}_error"'
    assert errors in html
    assert User.objects.filter(email__iexact=people["leder"].email).count() == 1
