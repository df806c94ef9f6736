"""What the follow-up shows on the measure's page, and the experience report offered when a
measure ends."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import dateformat, timezone, translation

from initiatives.models import ExperienceReport, FollowUp

from ..factories import ExperienceReportFactory, InitiativeFactory
from .followup_world import due_question, ended_measure
from .test_views import _full_form

pytestmark = pytest.mark.django_db


def _answer(question, answer, reason=""):
    question.answer, question.reason, question.answered_at = answer, reason, timezone.now()
    question.save()


def _month_nb(moment=None) -> str:
    with translation.override("nb"):
        return dateformat.format(timezone.localtime(moment), "F Y")


def test_the_measure_page_shows_the_latest_answer(client, bergen):
    six = due_question(bergen)
    page = client.get(six.initiative.get_absolute_url()).content.decode()
    assert "Etter slutt:" not in page
    _answer(six, "i_bruk")
    page = client.get(six.initiative.get_absolute_url()).content.decode()
    assert f"Fortsatt i bruk per {_month_nb()}" in page
    twelve = FollowUp.objects.create(
        initiative=six.initiative, round=12, ended_on=six.ended_on, due_on=six.due_on
    )
    _answer(twelve, "stanset", "Pengene tok slutt")
    page = client.get(six.initiative.get_absolute_url()).content.decode()
    assert f"Avsluttet per {_month_nb()} (Pengene tok slutt)" in page
    assert "Fortsatt i bruk" not in page


def test_an_answer_costs_the_measure_page_no_query(client, people, bergen):
    plain, answered = ended_measure(bergen), due_question(bergen)
    _answer(answered, "permanent")
    client.force_login(people["leder"])
    counts = []
    for measure in (plain, answered.initiative):
        client.get(measure.get_absolute_url())  # warm up
        with CaptureQueriesContext(connection) as captured:
            client.get(measure.get_absolute_url())
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_an_ended_measure_without_a_report_offers_a_draft(client, people, bergen):
    measure = ended_measure(bergen, description="Vi sluttet med ukesrapporten.")
    measure.goal_activities = "Fjernet skjemaet."
    measure.save()
    client.force_login(people["ansatt"])
    page = client.get(measure.get_absolute_url()).content.decode()
    assert "Tiltaket er avsluttet. Del det dere lærte" in page
    form = client.get(f"/tiltak/{measure.pk}/erfaringer/ny/").context["form"]
    assert form["title"].value() == measure.title
    assert form["summary"].value() == measure.summary
    assert "Vi sluttet med ukesrapporten." in form["what_was_done"].value()
    assert "Fjernet skjemaet." in form["what_was_done"].value()
    assert not ExperienceReport.objects.exists()  # nothing saved until the person saves

    ExperienceReportFactory(initiative=measure)
    page = client.get(measure.get_absolute_url()).content.decode()
    assert "Del det dere lærte" not in page
    running = InitiativeFactory(organisation=bergen, workflow_status="publisert")
    assert "Del det dere lærte" not in client.get(running.get_absolute_url()).content.decode()


def test_saving_a_measure_as_completed_offers_the_report(client, people, bergen):
    measure = InitiativeFactory(organisation=bergen, workflow_status="publisert")
    client.force_login(people["ansatt"])
    data = _full_form(
        bergen, lifecycle_status="avsluttet", end_date="30.06.2025", version=measure.version
    )
    data["action"] = "save"
    response = client.post(f"/tiltak/{measure.pk}/rediger/", data, follow=True)
    html = response.content.decode()
    assert "Tiltaket er avsluttet: skriv en erfaringsrapport" in html
    assert f"/tiltak/{measure.pk}/erfaringer/ny/" in html
    data["version"] = measure.version + 1
    again = client.post(f"/tiltak/{measure.pk}/rediger/", data, follow=True).content.decode()
    assert "Tiltaket er avsluttet: skriv en erfaringsrapport" not in again


def test_the_demo_has_an_answered_and_an_open_follow_up(settings, client, mailoutbox):
    from django.core.management import call_command

    from tillit.accounts.demo import demo_email
    from tillit.accounts.models import User

    settings.DEBUG = True
    call_command("seed_demo", "--initiatives", "40", "--seed", "3")
    answered = FollowUp.objects.get(answered_at__isnull=False)
    page = client.get(answered.initiative.get_absolute_url()).content.decode()
    assert f"Fortsatt i bruk per {_month_nb(answered.answered_at)}" in page
    open_question = FollowUp.objects.get(answered_at=None)
    client.force_login(User.objects.get(email=demo_email("leder")))
    work = client.get("/mitt/").content.decode()
    assert f"/oppfolging/{open_question.pk}/" in work
    call_command("ask_followup")
    assert [m.to for m in mailoutbox if open_question.initiative.title in m.subject] == [
        [demo_email("leder")]
    ]
    call_command("seed_demo", "--initiatives", "40", "--seed", "3")
    call_command("ask_followup")
    assert FollowUp.objects.filter(initiative=open_question.initiative).count() == 1
    assert len([m for m in mailoutbox if open_question.initiative.title in m.subject]) == 1
