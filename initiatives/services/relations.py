"""Adopting a measure and connecting measures. Staff and leaders of another organisation
adopt a published measure as a draft of their own; those who may edit a measure connect it to
measures they can see, and either side's editors remove a connection."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from initiatives.models import (
    GOAL_FIELDS,
    Initiative,
    InitiativeRelation,
    RelationKind,
    WorkflowStatus,
)
from initiatives.notifications import emails
from initiatives.overview.cache import bump_data_version
from initiatives.rules.relations import adopting_organisation_ids
from tillit.accounts.models import Organisation
from tillit.core.audit import audit_record
from tillit.policy import Action, can, require

from .records import InitiativeInput, initiative_create

# What an adopted draft takes from its source; never contacts, attachments, participants,
# partners, comments or the description (the new owner writes its own).
ADOPTED_FIELDS = ("title", "summary", "kind", "sector", "other_focus_area", *GOAL_FIELDS)


def initiative_adopt(*, source: Initiative, organisation: Organisation, by) -> Initiative:
    """Staff and leaders of another organisation start a draft of their own that builds on a
    published measure, pre-filled with its title, summary, focus areas, kind, sector and goals."""
    require(by, Action.INITIATIVE_ADOPT, source)
    if organisation.pk not in adopting_organisation_ids(by, source):
        raise PermissionDenied("initiative.adopt refused for this organisation")
    links = list(source.focus_area_links.select_related("focus_area"))
    primary = next((link.focus_area for link in links if link.is_primary), None)
    data = InitiativeInput(
        values={name: getattr(source, name) for name in ADOPTED_FIELDS},
        focus_areas=[link.focus_area for link in links],
        primary_focus_area=primary,
    )
    with transaction.atomic():
        Initiative.objects.select_for_update().filter(pk=source.pk).exists()  # one at a time
        earlier = _adopted_draft(source, organisation, by)
        if earlier is not None:  # the button pressed twice: the draft it already made
            return earlier
        initiative = initiative_create(organisation=organisation, by=by, data=data)
        InitiativeRelation.objects.create(
            initiative=initiative, other=source, kind=RelationKind.BYGGER_PA, created_by=by
        )
        audit_record(
            actor=by,
            action="initiative.adopted",
            obj=initiative,
            organisation_id=organisation.pk,
            details={"source": source.pk},
        )
    return initiative


def _adopted_draft(source: Initiative, organisation: Organisation, by) -> Initiative | None:
    """The person's unsent draft for ``organisation`` that already builds on ``source``."""
    return Initiative.objects.filter(
        organisation=organisation,
        created_by=by,
        workflow_status=WorkflowStatus.UTKAST,
        relations_from__other=source,
        relations_from__kind=RelationKind.BYGGER_PA,
    ).first()


def _already_connected(initiative: Initiative, other: Initiative, kind: str) -> bool:
    pair = Q(initiative=initiative, other=other)
    if kind == RelationKind.SAMME_NETTVERK:
        pair |= Q(initiative=other, other=initiative)
    return InitiativeRelation.objects.filter(pair, kind=kind).exists()


def relation_create(
    *, initiative: Initiative, other: Initiative, kind: str, network_name: str = "", by
) -> InitiativeRelation:
    """Those who may edit ``initiative`` say it builds on, or shares a network with, a measure
    they can see. The other's leaders are told once a measure building on theirs is public."""
    require(by, Action.INITIATIVE_RELATE, initiative)
    if other.pk == initiative.pk:
        raise ValidationError({"other": _("A measure cannot be connected to itself.")})
    if not can(by, Action.INITIATIVE_VIEW, other):
        raise ValidationError({"other": _("No measure you can see has that address or number.")})
    with transaction.atomic():
        both = Initiative.objects.select_for_update().filter(pk__in=[initiative.pk, other.pk])
        list(both.order_by("pk").values_list("pk", flat=True))  # one connection at a time
        if _already_connected(initiative, other, kind):
            raise ValidationError({"other": _("The measures are already connected this way.")})
        relation = InitiativeRelation(
            initiative=initiative,
            other=other,
            kind=kind,
            network_name=network_name.strip() if kind == RelationKind.SAMME_NETTVERK else "",
            created_by=by,
        )
        relation.full_clean()
        relation.save()
        audit_record(
            actor=by,
            action="initiative.related",
            obj=initiative,
            organisation_id=initiative.organisation_id,
            details={"other": other.pk, "kind": kind},
        )
        transaction.on_commit(bump_data_version)
        published = initiative.workflow_status == WorkflowStatus.PUBLISERT
        if kind == RelationKind.BYGGER_PA and published:
            transaction.on_commit(lambda: emails.builds_on_published(initiative))
    return relation


def relation_delete(*, relation: InitiativeRelation, by) -> None:
    """The editors of either measure remove a connection; the audit trail keeps which."""
    with transaction.atomic():
        current = (
            InitiativeRelation.objects.select_for_update(of=("self",))
            .select_related("initiative__organisation", "other__organisation")
            .get(pk=relation.pk)
        )
        require(by, Action.RELATION_DELETE, current)
        audit_record(
            actor=by,
            action="initiative.unrelated",
            obj=current.initiative,
            organisation_id=current.initiative.organisation_id,
            details={"other": current.other_id, "kind": current.kind},
        )
        current.delete()
        transaction.on_commit(bump_data_version)
