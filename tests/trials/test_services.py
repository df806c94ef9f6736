"""The trial scheme from draft to the trial's end, through the services: each step checks the
policy, writes the audit trail, tells whoever acts next, and refuses bad input whole."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tillit.core.models import AuditEvent
from trials import services
from trials.models import LegalAct, TrialApplication, TrialStatus
from trials.services import ApplicationInput

from .world import application_in, pdf

pytestmark = pytest.mark.django_db
S = TrialStatus


def _exemption(**extra):
    return {
        "legal_act": LegalAct.objects.get(short_name="helse- og omsorgstjenesteloven"),
        "section": "§ 3-5",
        "obstacle": "Hver kommune må ha egen legevakt.",
        "alternative": "Felles legevakt.",
        "evaluation": "Følgeforskning.",
        **extra,
    }


def _input(world, **extra):
    values = {
        "round": world["round"],
        "title": "Felles legevakt",
        "purpose": "Fire kommuner deler legevakt.",
        "period_years": 3,
        "applicants": [world["lierne"]],
        "exemptions": [_exemption()],
        **extra,
    }
    return ApplicationInput(**values)


def _send(capture, call):
    with capture(execute=True):
        return call()


def test_two_municipalities_go_all_the_way(world, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    app = services.application_create(
        initiative=world["measure"], by=world["grong_leader"], data=_input(world)
    )
    assert set(app.applicants.all()) == {world["grong"], world["lierne"]}
    assert app.workflow_status == S.DRAFT

    # The partner's leader sends it; the coordinating ministry is told.
    app = _send(
        capture,
        lambda: services.application_submit_preliminary(application=app, by=world["lierne_leader"]),
    )
    assert app.workflow_status == S.PRELIMINARY_SENT and app.preliminary_sent_at
    assert mail.outbox[-1].to == [world["kdd_user"].email]

    app = _send(
        capture,
        lambda: services.application_start_assessment(application=app, by=world["kdd_user"]),
    )
    assert sorted(mail.outbox[-1].to) == sorted([world["kd_user"].email, world["hod_user"].email])

    for user, ministry, verdict in [
        (world["kd_user"], world["kd"], "anbefalt"),
        (world["hod_user"], world["hod"], "avklaring"),
    ]:
        services.application_assess(
            application=app, by=user, ministry=ministry, verdict=verdict, reasons="Vurdert."
        )
    assert app.assessments.count() == 2

    app = _send(
        capture,
        lambda: services.application_select(
            application=app, by=world["kdd_user"], reasons="Godt forankret."
        ),
    )
    assert app.workflow_status == S.SELECTED and app.selection_reasons == "Godt forankret."
    assert sorted(mail.outbox[-1].to) == sorted(
        [world["grong_leader"].email, world["lierne_leader"].email]
    )

    council = {
        "council_body": "Grong kommunestyre",
        "council_date": date(2026, 11, 20),
        "council_case_number": "26/123",
        "document": pdf(),
    }
    app = services.application_submit_final(
        application=app, by=world["grong_leader"], council=council
    )
    assert app.workflow_status == S.FINAL_SENT
    assert app.documents.get().kind == "vedtak"

    app = services.application_approve(
        application=app,
        by=world["kdd_user"],
        approval={
            "approving_ministry": world["hod"],
            "regulation_title": "Forskrift om forsøk med felles legevakt",
            "regulation_date": date(2026, 12, 1),
            "trial_start": date(2027, 1, 1),
            "trial_end": date(2030, 12, 31),
            "conditions": "Årlig rapport.",
        },
    )
    assert app.workflow_status == S.APPROVED
    assert world["hod"] in app.initiative.responsible_ministries.all()

    app = services.application_start(application=app, by=world["lierne_leader"])
    app = services.application_evaluate(
        application=app,
        by=world["grong_leader"],
        evaluation={"evaluation_url": "https://example.no/rapport", "evaluation_summary": "Bra."},
    )
    app = services.application_end(
        application=app, by=world["hod_user"], outcome="varig", note="Lovendring vedtatt."
    )
    assert app.workflow_status == S.ENDED and app.outcome == "varig" and app.ended_at
    codes = list(
        AuditEvent.objects.filter(object_type="trials.trialapplication", object_id=str(app.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert codes == [
        "trial.created",
        "trial.preliminary_sent",
        "trial.assessment_started",
        "trial.assessed",
        "trial.assessed",
        "trial.selected",
        "trial.final_sent",
        "trial.approved",
        "trial.started",
        "trial.evaluated",
        "trial.ended",
    ]


def test_an_exemption_without_a_law_is_refused_and_nothing_is_saved(world):
    data = _input(world, exemptions=[_exemption(legal_act=None, other_act="")])
    with pytest.raises(ValidationError) as refused:
        services.application_create(
            initiative=world["measure"], by=world["grong_leader"], data=data
        )
    assert "exemption-0-legal_act" in refused.value.message_dict
    assert not TrialApplication.objects.exists()


def test_a_law_in_free_text_is_enough(world):
    data = _input(world, exemptions=[_exemption(legal_act=None, other_act="vegtrafikkloven")])
    app = services.application_create(
        initiative=world["measure"], by=world["grong_leader"], data=data
    )
    assert app.exemptions.get().act_name == "vegtrafikkloven"


def test_a_period_beyond_the_rounds_limit_is_refused(world):
    with pytest.raises(ValidationError) as refused:
        services.application_create(
            initiative=world["measure"],
            by=world["grong_leader"],
            data=_input(world, period_years=9),
        )
    assert "4" in refused.value.message_dict["period_years"][0]


def test_no_exemption_is_refused(world):
    with pytest.raises(ValidationError) as refused:
        services.application_create(
            initiative=world["measure"], by=world["grong_leader"], data=_input(world, exemptions=[])
        )
    assert "exemptions" in refused.value.message_dict


def test_only_leaders_of_the_measures_municipality_apply(world):
    for user in (world["grong_staff"], world["lierne_leader"], world["kdd_user"]):
        with pytest.raises(PermissionDenied):
            services.application_create(initiative=world["measure"], by=user, data=_input(world))


def test_a_passed_deadline_refuses_unless_the_round_takes_late_applications(world):
    app = application_in(world, S.DRAFT)
    trial_round = world["round"]
    trial_round.preliminary_deadline = timezone.localdate() - timedelta(days=1)
    trial_round.save()
    with pytest.raises(ValidationError) as refused:
        services.application_submit_preliminary(application=app, by=world["grong_leader"])
    assert "round" in refused.value.message_dict
    assert TrialApplication.objects.get(pk=app.pk).workflow_status == S.DRAFT
    trial_round.accepts_outside = True
    trial_round.save()
    app = services.application_submit_preliminary(application=app, by=world["grong_leader"])
    assert app.workflow_status == S.PRELIMINARY_SENT


def test_a_decision_without_reasons_is_refused(world):
    app = application_in(world, S.UNDER_ASSESSMENT)
    with pytest.raises(ValidationError) as refused:
        services.application_not_select(application=app, by=world["kdd_user"], reasons="  ")
    assert "reasons" in refused.value.message_dict
    final = application_in(world, S.FINAL_SENT)
    with pytest.raises(ValidationError):
        services.application_refuse(application=final, by=world["kdd_user"], reasons="")


def test_only_a_responsible_ministry_assesses(world):
    app = application_in(world, S.UNDER_ASSESSMENT)
    with pytest.raises(PermissionDenied):
        services.application_assess(
            application=app,
            by=world["jd_user"],
            ministry=world["jd"],
            verdict="anbefalt",
            reasons="Ja.",
        )
    with pytest.raises(ValidationError):
        services.application_assess(
            application=app,
            by=world["kd_user"],
            ministry=world["hod"],
            verdict="anbefalt",
            reasons="Ja.",
        )


def test_only_the_coordinating_ministry_selects(world):
    app = application_in(world, S.UNDER_ASSESSMENT)
    for user in (world["kd_user"], world["grong_leader"]):
        with pytest.raises(PermissionDenied):
            services.application_select(application=app, by=user, reasons="Ja.")


def test_the_final_application_needs_the_councils_decision(world):
    app = application_in(world, S.SELECTED)
    with pytest.raises(ValidationError) as refused:
        services.application_submit_final(
            application=app, by=world["grong_leader"], council={"council_body": "Kommunestyret"}
        )
    assert {"council_date", "council_case_number", "document"} <= set(refused.value.message_dict)
    assert TrialApplication.objects.get(pk=app.pk).workflow_status == S.SELECTED
    assert not app.documents.exists()


def test_an_approved_period_beyond_the_limit_is_refused(world):
    app = application_in(world, S.FINAL_SENT)
    with pytest.raises(ValidationError) as refused:
        services.application_approve(
            application=app,
            by=world["kdd_user"],
            approval={
                "approving_ministry": world["hod"],
                "regulation_title": "Forskrift",
                "regulation_date": date(2026, 12, 1),
                "trial_start": date(2027, 1, 1),
                "trial_end": date(2032, 1, 1),
                "conditions": "",
            },
        )
    assert "trial_end" in refused.value.message_dict
    assert world["hod"] in world["measure"].responsible_ministries.all()  # set in the world
    assert TrialApplication.objects.get(pk=app.pk).workflow_status == S.FINAL_SENT


def test_a_trial_starting_on_29_february_is_measured_in_whole_years(world):
    """The period's limit from a leap day falls on 28 February (it raised a ValueError: a 500)."""
    app = application_in(world, S.FINAL_SENT)
    app.round.max_years = 3
    app.round.save()
    approval = {
        "approving_ministry": world["kdd"],
        "regulation_title": "Forskrift",
        "regulation_date": date(2026, 12, 1),
        "trial_start": date(2028, 2, 29),
        "conditions": "",
    }
    with pytest.raises(ValidationError) as refused:
        services.application_approve(
            application=app,
            by=world["kdd_user"],
            approval={**approval, "trial_end": date(2031, 3, 1)},
        )
    assert "trial_end" in refused.value.message_dict
    app = services.application_approve(
        application=app, by=world["kdd_user"], approval={**approval, "trial_end": date(2031, 2, 28)}
    )
    assert app.workflow_status == S.APPROVED


def test_the_approving_ministry_becomes_responsible(world):
    app = application_in(world, S.FINAL_SENT)
    services.application_approve(
        application=app,
        by=world["kdd_user"],
        approval={
            "approving_ministry": world["kdd"],
            "regulation_title": "Forskrift",
            "regulation_date": date(2026, 12, 1),
            "trial_start": date(2027, 1, 1),
            "trial_end": date(2029, 1, 1),
            "conditions": "",
        },
    )
    assert world["kdd"] in world["measure"].responsible_ministries.all()


def test_the_evaluation_needs_a_link_or_a_report(world):
    app = application_in(world, S.RUNNING)
    with pytest.raises(ValidationError) as refused:
        services.application_evaluate(application=app, by=world["grong_leader"], evaluation={})
    assert "evaluation_url" in refused.value.message_dict
    app = services.application_evaluate(
        application=app, by=world["grong_leader"], evaluation={"document": pdf("rapport.pdf")}
    )
    assert app.documents.get().kind == "evaluering"
