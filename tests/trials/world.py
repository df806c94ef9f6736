"""The people and objects of the trial scheme's tests: Grong and Lierne apply together from
Grong's measure; KD and HOD are its responsible ministries, KDD coordinates, JD is a ministry
not concerned. ``application_in(state)`` builds an application as it would be in that state."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tillit.accounts.models import Organisation, Role
from trials.models import Exemption, LegalAct, TrialApplication, TrialRound, TrialStatus

from ..factories import InitiativeFactory, MembershipFactory

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def pdf(name="vedtak.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def member(organisation, role, name=""):
    membership = MembershipFactory(organisation=organisation, roles=[role])
    if name:
        membership.user.name = name
        membership.user.save()
    return membership.user


def ministry(short_name):
    return Organisation.objects.get(short_name=short_name)


def municipality(number):
    return Organisation.objects.get(municipality_id=number)


def make_world() -> dict:
    grong, lierne, namsskogan = municipality("5045"), municipality("5042"), municipality("5044")
    kd, hod, kdd, jd = ministry("KD"), ministry("HOD"), ministry("KDD"), ministry("JD")
    measure = InitiativeFactory(
        organisation=grong, title="Felles legevakt i Indre Namdal", workflow_status="publisert"
    )
    measure.responsible_ministries.set([kd, hod])
    measure.participating_organisations.set([lierne])
    today = timezone.localdate()
    trial_round = TrialRound.objects.create(
        title="Forsøksrunde 2027",
        text="Kommuner kan søke om forsøk etter forsøksloven.",
        preliminary_deadline=today + timedelta(days=30),
        final_deadline=today + timedelta(days=120),
        max_years=4,
    )
    return {
        "grong": grong,
        "lierne": lierne,
        "namsskogan": namsskogan,
        "kd": kd,
        "hod": hod,
        "kdd": kdd,
        "jd": jd,
        "measure": measure,
        "round": trial_round,
        "grong_leader": member(grong, Role.LEDER, "Gro Leder"),
        "lierne_leader": member(lierne, Role.LEDER, "Lars Leder"),
        "grong_staff": member(grong, Role.ANSATT),
        "namsskogan_leader": member(namsskogan, Role.LEDER),
        "kd_user": member(kd, Role.DEPARTEMENT, "Kari KD"),
        "hod_user": member(hod, Role.DEPARTEMENT, "Hans HOD"),
        "kdd_user": member(kdd, Role.DEPARTEMENT, "Kåre KDD"),
        "jd_user": member(jd, Role.DEPARTEMENT),
    }


def application_in(world: dict, state: str, *, applicants=None, measure=None) -> TrialApplication:
    """An application of Grong and Lierne with what the steps up to ``state`` have filled."""
    S = TrialStatus
    order = [s.value for s in S]
    reached = order.index(state)
    now = timezone.now()
    application = TrialApplication.objects.create(
        initiative=measure or world["measure"],
        round=world["round"],
        title="Felles legevakt med færre vaktkrav",
        purpose="Vi prøver en felles vaktordning for fire kommuner.",
        period_years=3,
        workflow_status=state,
        created_by=world["grong_leader"],
    )
    application.applicants.set(applicants or [world["grong"], world["lierne"]])
    Exemption.objects.create(
        application=application,
        legal_act=LegalAct.objects.get(short_name="helse- og omsorgstjenesteloven"),
        section="§ 3-5",
        obstacle="Kravet om egen legevakt i hver kommune.",
        alternative="Én felles legevakt med avtalt responstid.",
        evaluation="Følgeforskning fra Nord universitet.",
    )

    def past(name):
        return reached >= order.index(name)

    if state == S.NOT_SELECTED or past(S.SELECTED):
        application.selection_reasons = "Godt begrunnet og overførbart."
    if past(S.FINAL_SENT) and state != S.NOT_SELECTED:
        application.council_body = "Grong kommunestyre"
        application.council_date = date(2026, 11, 20)
        application.council_case_number = "26/123"
    if state == S.REFUSED:
        application.refusal_reasons = "Hensynet til pasientsikkerhet veier tyngre."
    if past(S.APPROVED) and state not in (S.REFUSED, S.NOT_SELECTED):
        application.approving_ministry = world["hod"]
        application.regulation_title = "Forskrift om forsøk med felles legevakt i Indre Namdal"
        application.regulation_date = date(2026, 12, 1)
        application.trial_start = date(2027, 1, 1)
        application.trial_end = date(2030, 12, 31)
        application.conditions = "Årlig rapport til departementet."
        application.decided_at = now
    if state == S.EVALUATED or state == S.ENDED:
        application.evaluation_url = "https://example.no/evaluering.pdf"
    if state == S.ENDED:
        application.outcome = "varig"
    application.save()
    return application
