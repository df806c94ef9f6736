"""Reads about measures, always through ``visible_to(user)``."""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from initiatives.followup.selectors import latest_answer_annotations
from initiatives.rules.initiatives import SENT_FOR_APPROVAL, assessable_filter
from tillit.accounts.models import Organisation, Role
from tillit.policy import Action, can
from tillit.policy.roles import memberships_of

from .models import (
    ChangeAction,
    CreationToken,
    ExperienceReport,
    FocusArea,
    Initiative,
    InitiativeChange,
    UnionAssessment,
    WorkflowStatus,
)
from .models.focus_areas import localized_name


def initiative_for_detail(*, pk: int, user) -> Initiative:
    """Raises ``Initiative.DoesNotExist`` for measures outside the user's scope."""
    return (
        Initiative.objects.visible_to(user)
        .for_detail()
        .annotate(**latest_answer_annotations())
        .get(pk=pk)
    )


RELATION_LABELS = {
    "focus_areas": _("focus areas"),
    "partners": _("partner organisations"),
    "responsible_ministries": _("responsible ministries"),
    "participating_organisations": _("participating organisations"),
    "attachments": _("attachments"),
    "indicators": _("indicators"),
    "reporting_removed": _("reporting requirements removed"),
}
ACTION_LABELS = {
    ChangeAction.CREATED: _("registered the measure"),
    ChangeAction.EDITED: _("changed the measure"),
    ChangeAction.SUBMITTED: _("sent it for approval"),
    ChangeAction.PUBLISHED: _("published it"),
    ChangeAction.RETURNED: _("sent it back for changes"),
    ChangeAction.ARCHIVED: _("archived it"),
    ChangeAction.UNPUBLISHED: _("unpublished it"),
    ChangeAction.ASSESSED: _("assessed employee involvement"),
    ChangeAction.ASSESSMENT_RESET: _(
        "reset employee involvement to unknown: it was assessed by a party"
    ),
    ChangeAction.EXPERIENCE_WRITTEN: _("wrote an experience report"),
    ChangeAction.EXPERIENCE_EDITED: _("changed an experience report"),
    ChangeAction.EXPERIENCE_SUBMITTED: _("sent an experience report for approval"),
    ChangeAction.EXPERIENCE_PUBLISHED: _("published an experience report"),
    ChangeAction.EXPERIENCE_UNPUBLISHED: _("took an experience report back to draft"),
}


def _readable(name: str, value) -> str:
    if value in (None, "", []):
        return "–"
    try:
        field = Initiative._meta.get_field(name)
    except FieldDoesNotExist:
        field = None
    choices = dict(getattr(field, "choices", None) or [])
    if field is not None and hasattr(field, "base_field"):
        choices = dict(field.base_field.choices or [])
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, list):
        return ", ".join(str(choices.get(v, v)) for v in value)
    return str(choices.get(value, value))


def _label(name: str) -> str:
    if name in RELATION_LABELS:
        return str(RELATION_LABELS[name])
    return str(Initiative._meta.get_field(name).verbose_name)


def initiative_history(initiative: Initiative, *, limit: int = 50) -> list[dict]:
    """The recorded changes, newest first, with field names and values made readable."""
    entries = []
    for change in initiative.changes.all()[:limit]:
        rows = [
            (_label(name), _readable(name, old), _readable(name, new))
            for name, (old, new) in change.fields.items()
            if change.action == ChangeAction.EDITED or name.startswith("union_")
        ]
        entries.append(
            {
                "change": change,
                "label": ACTION_LABELS.get(change.action, change.action),
                "rows": rows,
            }
        )
    return entries


def form_token_used(token) -> bool:
    """Whether a measure form with this token was already saved (its post came again)."""
    return token is not None and CreationToken.objects.filter(token=token).exists()


def writable_organisations(user) -> QuerySet[Organisation]:
    """Organisations the user registers measures for (as staff or leader)."""
    ids = [
        m.organisation_id for m in memberships_of(user) if {Role.ANSATT, Role.LEDER} & set(m.roles)
    ]
    return Organisation.objects.filter(pk__in=ids).order_by("name")


def _org_ids(user, role: str) -> list[int]:
    return [m.organisation_id for m in memberships_of(user) if role in m.roles]


def my_drafts(user) -> list[Initiative]:
    """The user's drafts, each with ``may_delete`` (one statement however many)."""
    writable = _org_ids(user, Role.ANSATT) + _org_ids(user, Role.LEDER)
    sent = InitiativeChange.objects.filter(initiative=OuterRef("pk"), action__in=SENT_FOR_APPROVAL)
    drafts = list(
        Initiative.objects.filter(workflow_status=WorkflowStatus.UTKAST)
        .filter(Q(created_by=user) | Q(organisation_id__in=writable))
        .annotate(was_sent=Exists(sent))
        .select_related("organisation")
        .order_by("-updated_at")[:50]
    )
    for draft in drafts:
        draft.may_delete = can(user, Action.INITIATIVE_DELETE, draft)
    return drafts


def awaiting_my_approval(user) -> QuerySet[Initiative]:
    return (
        Initiative.objects.filter(
            workflow_status=WorkflowStatus.TIL_GODKJENNING,
            organisation_id__in=_org_ids(user, Role.LEDER),
        )
        .select_related("organisation")
        .order_by("updated_at")[:50]
    )


def awaiting_my_assessment(user) -> QuerySet[Initiative]:
    """Unassessed measures the user may assess (the policy's rule, as a filter)."""
    return (
        Initiative.objects.filter(
            assessable_filter(user),
            workflow_status__in=[WorkflowStatus.TIL_GODKJENNING, WorkflowStatus.PUBLISERT],
            union_assessment=UnionAssessment.UKJENT,
        )
        .select_related("organisation")
        .order_by("updated_at")[:50]
    )


def experience_reports_of(initiative: Initiative, *, user) -> list[ExperienceReport]:
    """The measure's experience reports the user may see, newest first."""
    return list(
        ExperienceReport.objects.visible_to(user)
        .filter(initiative=initiative)
        .select_related("initiative__organisation")
        .order_by("-published_at", "-pk")
    )


def with_focus_names(initiatives, names: dict[int, str] | None = None):
    """Give each measure ``focus_names`` (primary first) for the result cards, from the
    numbers stored on the measure: no query per measure, and none at all given ``names``."""
    if names is None:
        names = {
            number: localized_name(slug, name)
            for number, slug, name in FocusArea.objects.values_list("number", "slug", "name")
        }
    for initiative in initiatives:
        initiative.focus_names = [names[n] for n in initiative.focus_area_numbers if n in names]
    return initiatives


def organisation_initiatives(organisation: Organisation, *, user, limit: int = 25):
    """The measures the user may see that the organisation owns, takes part in or (a
    ministry) is responsible for, newest first; ``taking_part`` and ``as_ministry`` mark
    those it does not own."""
    links = Initiative.participating_organisations.through.objects.filter(
        organisation=organisation, initiative=OuterRef("pk")
    )
    ministries = Initiative.responsible_ministries.through.objects.filter(
        organisation=organisation, initiative=OuterRef("pk")
    )
    return with_focus_names(
        list(
            Initiative.objects.visible_to(user)
            .annotate(taking_part=Exists(links), as_ministry=Exists(ministries))
            .filter(Q(organisation=organisation) | Q(taking_part=True) | Q(as_ministry=True))
            .exclude(workflow_status=WorkflowStatus.ARKIVERT)
            .select_related("organisation")
            .order_by("-published_at", "-updated_at")[:limit]
        )
    )
