"""The trial scheme's pages: bad input comes back at its fields in Norwegian with the typed
input kept and nothing saved; lists keep their query budgets; the measure's page and the work
page show what waits."""

from datetime import timedelta
from uuid import uuid4

import pytest
from django.core import mail
from django.core.files.storage import default_storage
from django.utils import timezone

from trials.models import LegalAct, TrialApplication, TrialRound, TrialStatus
from trials.models.applications import DeadlineReminder
from trials.tasks import send_deadline_reminders

from ..factories import InitiativeFactory
from .world import application_in, pdf

pytestmark = pytest.mark.django_db
S = TrialStatus


def _form(world, **extra):
    data = {
        "round": world["round"].pk,
        "title": "Felles legevakt",
        "purpose": "Fire kommuner deler legevakt.",
        "period_years": "3",
        "applicants": [world["lierne"].pk],
        "exemption-TOTAL_FORMS": "1",
        "exemption-INITIAL_FORMS": "0",
        "exemption-MIN_NUM_FORMS": "1",
        "exemption-MAX_NUM_FORMS": "1000",
        "exemption-0-legal_act": LegalAct.objects.get(short_name="barnehageloven").pk,
        "exemption-0-other_act": "",
        "exemption-0-section": "§ 24",
        "exemption-0-obstacle": "Bemanningsnormen.",
        "exemption-0-alternative": "Felles bemanning.",
        "exemption-0-evaluation": "Følgeforskning.",
    }
    data.update(extra)
    return data


def test_an_application_is_written_from_the_measure(client, world):
    client.force_login(world["grong_leader"])
    page = client.get(world["measure"].get_absolute_url())
    assert f"/forsok/ny/{world['measure'].pk}/" in page.content.decode()
    response = client.post(f"/forsok/ny/{world['measure'].pk}/", _form(world))
    app = TrialApplication.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/forsok/{app.pk}/"
    assert {o.pk for o in app.applicants.all()} == {world["grong"].pk, world["lierne"].pk}
    assert app.exemptions.get().legal_act.short_name == "barnehageloven"


def test_no_legal_reference_is_an_error_at_the_field_with_input_kept(client, world):
    client.force_login(world["grong_leader"])
    response = client.post(
        f"/forsok/ny/{world['measure'].pk}/",
        _form(world, **{"exemption-0-legal_act": "", "exemption-0-section": "§ 99"}),
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Velg loven eller forskriften, eller skriv navnet" in body
    assert 'id="id_exemption-0-legal_act_error"' in body
    assert 'value="§ 99"' in body
    assert not TrialApplication.objects.exists()


def test_a_period_beyond_the_limit_is_an_error_at_the_field(client, world):
    client.force_login(world["grong_leader"])
    response = client.post(f"/forsok/ny/{world['measure'].pk}/", _form(world, period_years="9"))
    body = response.content.decode()
    assert "Runden tillater forsøk på høyst 4 år." in body
    assert 'id="id_period_years_error"' in body
    assert 'value="Felles legevakt"' in body
    assert not TrialApplication.objects.exists()


def test_a_passed_deadline_is_told(client, world):
    app = application_in(world, S.DRAFT)
    world["round"].preliminary_deadline = timezone.localdate() - timedelta(days=2)
    world["round"].save()
    client.force_login(world["grong_leader"])
    response = client.post(f"/forsok/{app.pk}/send-forhandssoknad/", {})
    assert response.status_code == 200
    assert "har gått ut" in response.content.decode()
    assert TrialApplication.objects.get(pk=app.pk).workflow_status == S.DRAFT


def test_a_decision_without_reasons_is_an_error_at_the_field(client, world):
    app = application_in(world, S.UNDER_ASSESSMENT)
    client.force_login(world["kdd_user"])
    response = client.post(f"/forsok/{app.pk}/utvelging/", {"decision": "select", "reasons": ""})
    body = response.content.decode()
    assert "Begrunn vedtaket." in body and 'id="id_reasons_error"' in body
    assert TrialApplication.objects.get(pk=app.pk).workflow_status == S.UNDER_ASSESSMENT


def test_the_final_application_keeps_the_typed_input_on_a_missing_document(client, world):
    app = application_in(world, S.SELECTED)
    client.force_login(world["grong_leader"])
    data = {"council_body": "Grong kommunestyre", "council_date": "2026-11-20"}
    response = client.post(f"/forsok/{app.pk}/soknad/", data)
    body = response.content.decode()
    assert 'value="Grong kommunestyre"' in body
    assert "Oppgi saksnummeret" in body and "Legg ved kommunestyrets vedtak." in body
    response = client.post(
        f"/forsok/{app.pk}/soknad/", {**data, "council_case_number": "26/1", "document": pdf()}
    )
    assert response.status_code == 302
    assert TrialApplication.objects.get(pk=app.pk).workflow_status == S.FINAL_SENT


def test_the_list_shows_the_public_what_is_decided(client, world):
    approved = application_in(world, S.APPROVED)
    draft = application_in(world, S.DRAFT)
    draft.title = "Hemmelig utkast"
    draft.save()
    body = client.get("/forsok/").content.decode()
    assert approved.get_absolute_url() in body and "Hemmelig utkast" not in body
    client.force_login(world["lierne_leader"])
    assert "Hemmelig utkast" in client.get("/forsok/").content.decode()


def test_the_assessments_stay_among_those_concerned(client, world):
    app = application_in(world, S.APPROVED)
    app.assessments.create(ministry=world["kd"], verdict="anbefalt", reasons="Intern vurdering.")
    assert "Intern vurdering." not in client.get(app.get_absolute_url()).content.decode()
    client.force_login(world["hod_user"])
    assert "Intern vurdering." in client.get(app.get_absolute_url()).content.decode()


@pytest.mark.parametrize("role", ["anonymous", "kdd_user", "grong_leader"])
def test_query_budgets_of_the_lists(client, world, django_assert_max_num_queries, role):
    for state in S:
        application_in(world, state)
    if role != "anonymous":
        client.force_login(world[role])
    for url in ("/forsok/", "/forsok/statistikk/", "/mitt/"):
        if url == "/mitt/" and role == "anonymous":
            continue
        with django_assert_max_num_queries(18):
            assert client.get(url).status_code == 200
    if role == "kdd_user":
        with django_assert_max_num_queries(12):
            assert client.get("/forsok/runder/").status_code == 200


def test_the_statistics_count_asked_and_granted(client, world):
    application_in(world, S.APPROVED)
    application_in(world, S.REFUSED)
    application_in(world, S.DRAFT)
    body = client.get("/forsok/statistikk/").content.decode()
    assert "helse- og omsorgstjenesteloven" in body
    assert '<td class="number">2</td><td class="number">1</td>' in body


def test_the_statistics_show_no_undecided_application_to_those_who_may_not_see_it(client, world):
    """An application under assessment is seen only by those concerned; its rules, typed
    as free text, were counted and printed on the public page."""
    app = application_in(world, S.UNDER_ASSESSMENT)
    app.exemptions.update(legal_act=None, other_act="Lov om hemmelige forsøk")
    assert "Lov om hemmelige forsøk" not in client.get("/forsok/statistikk/").content.decode()
    client.force_login(world["kdd_user"])
    assert "Lov om hemmelige forsøk" in client.get("/forsok/statistikk/").content.decode()


def test_the_work_page_lists_what_waits_with_the_deadline(client, world):
    application_in(world, S.DRAFT)
    client.force_login(world["lierne_leader"])
    body = client.get("/mitt/").content.decode()
    assert "Forsøkssøknader som venter på deg" in body and "Frist" in body
    client.force_login(world["jd_user"])
    assert "Forsøkssøknader som venter på deg" not in client.get("/mitt/").content.decode()


def test_a_responsible_ministry_finds_the_application_to_assess_in_its_to_do(client, world):
    app = application_in(world, S.UNDER_ASSESSMENT)
    client.force_login(world["hod_user"])
    body = client.get("/mitt/").content.decode()
    todo = body.split('id="todo-heading"')[1].split("</section>")[0]
    assert "1 forsøkssøknad venter på deg" in todo and 'href="#trials-heading"' in todo
    assert app.title in body.split('id="trials-heading"')[1]
    client.force_login(world["jd_user"])
    body = client.get("/mitt/").content.decode()
    assert "forsøkssøknad venter på deg" not in body and app.title not in body


def test_a_reminder_goes_a_week_before_the_deadline_once(world):
    app = application_in(world, S.DRAFT)
    world["round"].preliminary_deadline = timezone.localdate() + timedelta(days=6)
    world["round"].save()
    assert send_deadline_reminders() == 1
    assert sorted(mail.outbox[0].to) == sorted(
        [world["grong_leader"].email, world["lierne_leader"].email]
    )
    assert send_deadline_reminders() == 0
    assert DeadlineReminder.objects.filter(application=app).count() == 1
    assert len(mail.outbox) == 1


def test_no_reminder_while_the_deadline_is_far(world):
    application_in(world, S.DRAFT)  # the deadline is a month away
    assert send_deadline_reminders() == 0


def test_a_too_long_evaluation_link_is_an_error_at_the_field_and_nothing_is_stored(client, world):
    app = application_in(world, S.RUNNING)
    client.force_login(world["grong_leader"])
    link = "https://example.no/" + "r" * 250
    stored_before = _stored_documents()
    response = client.post(
        f"/forsok/{app.pk}/evaluering/", {"evaluation_url": link, "document": pdf("rapport.pdf")}
    )
    assert response.status_code == 200
    assert 'id="id_evaluation_url_error"' in response.content.decode()
    assert TrialApplication.objects.get(pk=app.pk).workflow_status == S.RUNNING
    assert not app.documents.exists()
    assert _stored_documents() == stored_before


def _stored_documents() -> set[str]:
    try:
        return set(default_storage.listdir("trials")[1])
    except FileNotFoundError:
        return set()


def test_a_decided_trial_does_not_show_the_title_of_a_measure_the_reader_may_not_see(client, world):
    hidden = InitiativeFactory(
        organisation=world["grong"], title="Upublisert tiltak om legevakt", workflow_status="utkast"
    )
    app = application_in(world, S.APPROVED, measure=hidden)
    body = client.get(app.get_absolute_url()).content.decode()
    assert app.title in body
    assert "Upublisert tiltak om legevakt" not in body and hidden.get_absolute_url() not in body
    client.force_login(world["grong_staff"])
    assert "Upublisert tiltak om legevakt" in client.get(app.get_absolute_url()).content.decode()


def test_a_round_longer_than_any_trial_is_an_error_at_the_field(client, world):
    client.force_login(world["kdd_user"])
    data = {"title": "Runde uten ende", "text": "", "max_years": "9000"}
    response = client.post("/forsok/runder/ny/", data)
    assert response.status_code == 200
    assert 'id="id_max_years_error"' in response.content.decode()
    assert not TrialRound.objects.filter(title="Runde uten ende").exists()


def test_posting_the_same_application_form_twice_makes_one_application(client, world):
    client.force_login(world["grong_leader"])
    page = client.get(f"/forsok/ny/{world['measure'].pk}/").content.decode()
    data = _form(world, form_token=str(uuid4()))  # a double click sends the form twice
    first = client.post(f"/forsok/ny/{world['measure'].pk}/", data)
    second = client.post(f"/forsok/ny/{world['measure'].pk}/", data)
    assert TrialApplication.objects.count() == 1
    assert (
        first["Location"] == second["Location"] == TrialApplication.objects.get().get_absolute_url()
    )
    assert 'type="hidden" name="form_token"' in page
