"""Fixtures for «Mitt arbeid» per role, in Bergen (the people's organisation) and in
Trondheim or another ministry's area (never shown to them); ``extra`` adds more of each."""

from datetime import date, timedelta

from django.utils import timezone

from initiatives import services
from initiatives.services.comments import comment_create
from tillit.accounts.models import Invitation, Organisation, OrganisationKind, Role, User

from ..factories import (
    ExperienceReportFactory,
    InitiativeFactory,
    JoinRequestFactory,
    OrganisationFactory,
    UserFactory,
)

LONG_AGO = date(2024, 6, 30)


def published(organisation, **fields):
    return InitiativeFactory(
        organisation=organisation,
        workflow_status="publisert",
        published_at=fields.pop("published_at", timezone.now()),
        **fields,
    )


def leader_world(bergen, trondheim, people, extra=0):
    for organisation, tag in ((bergen, "Bergen"), (trondheim, "Trondheim")):
        for index in range(1 + extra):
            InitiativeFactory(
                organisation=organisation,
                workflow_status="til_godkjenning",
                title=f"Venter {tag} {index}",
            )
            published(organisation, title=f"Over tiden {tag} {index}", end_date=LONG_AGO)
            JoinRequestFactory(organisation=organisation, user=UserFactory(name=f"Søker {tag}"))
            Invitation.objects.create(
                organisation=organisation, email=f"ny{index}@{tag.lower()}.no", roles=[Role.ANSATT]
            )
    published(bergen, title="Ferdig i tide", end_date=LONG_AGO, lifecycle_status="avsluttet")


def union_world(bergen, trondheim, people, extra=0):
    rep = people["tillitsvalgt"]
    for index in range(1 + extra):
        mine = published(bergen, title=f"Nylig Bergen {index}")
        published(trondheim, title=f"Nylig Trondheim {index}")
        comment = comment_create(by=rep, body="Hvem var med?", target=mine)
        comment_create(by=people["leder"], body="Fagforbundet var med.", parent=comment)
        theirs = comment_create(by=people["ansatt"], body="Fint tiltak.", target=mine)
        comment_create(by=people["leder"], body="Takk skal du ha.", parent=theirs)
    published(bergen, title="Gammel Bergen", published_at=timezone.now() - timedelta(days=45))
    for assessment in ("bekreftet", "bekreftet", "ikke_involvert"):
        published(bergen, union_assessment=assessment, union_assessed_by=rep)


def ministry_world(ministry, people, extra=0):
    agency = OrganisationFactory(name="Direktoratet for tillit", parent_ministry=ministry)
    other_ministry = Organisation.objects.filter(kind=OrganisationKind.DEPARTEMENT).exclude(
        pk=ministry.pk
    )[0]
    foreign_agency = OrganisationFactory(name="Fremmed direktorat", parent_ministry=other_ministry)
    user = people["departement"]
    User.objects.filter(pk=user.pk).update(work_page_seen_at=timezone.now() - timedelta(days=3))
    for index in range(1 + extra):
        published(agency, title=f"Nytt i etaten {index}", start_date=date.today())
        published(foreign_agency, title=f"Nytt hos andre {index}")
        InitiativeFactory(
            organisation=agency, workflow_status="til_godkjenning", title=f"Etaten venter {index}"
        )
    published(agency, title="Gammelt i etaten", published_at=timezone.now() - timedelta(days=10))
    return user


def staff_world(bergen, trondheim, people, extra=0):
    staff = people["ansatt"]
    for index in range(1 + extra):
        returned = InitiativeFactory(
            organisation=bergen, created_by=staff, title=f"Tilbake {index}"
        )
        services.initiative_submit(initiative=returned, by=staff)
        services.initiative_return(initiative=returned, by=people["leder"], note="Mer om målene")
        published(bergen, title=f"Avsluttet uten rapport {index}", end_date=LONG_AGO)
        published(trondheim, title=f"Avsluttet i Trondheim {index}", end_date=LONG_AGO)
    reported = published(bergen, title="Avsluttet med rapport", end_date=LONG_AGO)
    ExperienceReportFactory(initiative=reported)
    published(bergen, title="Pågår fortsatt")
