"""Creating and editing initiatives. Staff and leaders of the owning organisation write;
published initiatives change at once, are recorded, and the leaders are told."""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from initiatives import tasks
from initiatives.attachments import clean_file_name
from initiatives.dates import DatePrecision, ends_before, truncate
from initiatives.models import (
    Attachment,
    ChangeAction,
    CreationToken,
    FocusArea,
    Initiative,
    InitiativeFocusArea,
    WorkflowStatus,
)
from initiatives.models.initiatives import REFORM_START
from initiatives.notifications import emails
from initiatives.overview.cache import bump_data_version
from initiatives.search.indexing import index_initiative
from tillit.accounts.models import Organisation, OrganisationKind
from tillit.core.audit import audit_record
from tillit.policy import Action, require

from .completeness import completeness_errors
from .effects import indicators_replace, reporting_removed_replace
from .history import record_change, snapshot
from .workflow import initiative_submit

PARTIAL_DATES = [("start_date", "start_precision"), ("end_date", "end_precision")]


class ConcurrentEditError(ValidationError):
    """Someone else saved the initiative after this user opened it."""


@dataclass
class InitiativeInput:
    """What a form hands to the services: plain field values plus the relations."""

    values: dict
    focus_areas: list[FocusArea] = field(default_factory=list)
    primary_focus_area: FocusArea | None = None
    partners: list[Organisation] = field(default_factory=list)
    # None leaves the relation as it is (a new state agency's measure: its owning ministry)
    responsible_ministries: list[Organisation] | None = None
    participating_organisations: list[Organisation] | None = None
    new_attachments: list = field(default_factory=list)  # (upload, proven content type)
    removed_attachments: list[int] = field(default_factory=list)
    # the rows under "Results and effect"; None leaves the saved rows as they are
    indicators: list[dict] | None = None
    reporting_removed: list[dict] | None = None


def _apply(initiative: Initiative, data: InitiativeInput, by) -> None:
    is_new = initiative.pk is None
    for name, value in data.values.items():
        setattr(initiative, name, value)
    for date_field, precision_field in PARTIAL_DATES:
        if date_field in data.values and precision_field not in data.values:
            setattr(initiative, precision_field, DatePrecision.DAY)  # a caller with whole dates
        value = getattr(initiative, date_field)
        if value:
            setattr(initiative, date_field, truncate(value, getattr(initiative, precision_field)))
    if initiative.start_date:
        # "2021" may be after the reform began (autumn 2021): only a whole period before counts
        initiative.started_before_reform = ends_before(
            initiative.start_date, initiative.start_precision, REFORM_START
        )
    initiative.full_clean(exclude=["organisation", "created_by"])
    _check_ministries(data.responsible_ministries)
    initiative.save()
    if data.primary_focus_area and data.primary_focus_area not in data.focus_areas:
        data.focus_areas = [data.primary_focus_area, *data.focus_areas]
    initiative.focus_area_links.all().delete()
    InitiativeFocusArea.objects.bulk_create(
        [
            InitiativeFocusArea(
                initiative=initiative,
                focus_area=area,
                is_primary=area == data.primary_focus_area,
            )
            for area in data.focus_areas
        ]
    )
    initiative.partners.set([p for p in data.partners if p.pk != initiative.organisation_id])
    _apply_ministries_and_participants(initiative, data, is_new=is_new)
    index_initiative(initiative)  # after the relations: their names are searched too
    if data.removed_attachments:
        for attachment in initiative.attachments.filter(pk__in=data.removed_attachments):
            attachment.file.delete(save=False)
            attachment.delete()
    if data.indicators is not None:
        indicators_replace(initiative=initiative, rows=data.indicators)
    if data.reporting_removed is not None:
        reporting_removed_replace(initiative=initiative, rows=data.reporting_removed)
    for upload, content_type in data.new_attachments:
        Attachment.objects.create(
            initiative=initiative,
            file=upload,
            original_name=clean_file_name(upload.name, content_type)[-200:],
            content_type=content_type,
            size=upload.size,
            uploaded_by=by,
        )


def _check_ministries(ministries: list[Organisation] | None) -> None:
    if any(m.kind != OrganisationKind.DEPARTEMENT for m in ministries or []):
        raise ValidationError(
            {"responsible_ministries": _("Only ministries can be responsible ministries.")},
            code="not_a_ministry",
        )


def _apply_ministries_and_participants(
    initiative: Initiative, data: InitiativeInput, *, is_new: bool
) -> None:
    """The chosen responsible ministries (a new state agency's measure without a choice gets
    its owning ministry) and the participants other than the owner."""
    ministries = data.responsible_ministries
    if ministries is None and is_new and initiative.organisation.parent_ministry_id:
        ministries = [initiative.organisation.parent_ministry]
    if ministries is not None:
        initiative.responsible_ministries.set(ministries)
    if data.participating_organisations is not None:
        initiative.participating_organisations.set(
            [o for o in data.participating_organisations if o.pk != initiative.organisation_id]
        )


def initiative_create(
    *,
    organisation: Organisation,
    by,
    data: InitiativeInput,
    submit: bool = False,
    permission: Action = Action.INITIATIVE_CREATE,
    token: UUID | None = None,
) -> Initiative:
    """Staff and leaders register a draft for their organisation (a title is enough).
    The import passes ``permission=INITIATIVE_IMPORT``: editors import into any organisation.
    A form's ``token`` makes creation idempotent: its second post returns the first's initiative."""
    require(by, permission, organisation)
    with transaction.atomic():
        if token is not None:
            claim, claimed = CreationToken.objects.get_or_create(token=token)
            if not claimed:  # a concurrent post waited on the row above until the first committed
                return _created_with(claim, by)
        initiative = Initiative(organisation=organisation, created_by=by)
        _apply(initiative, data, by)
        record_change(initiative=initiative, by=by, action=ChangeAction.CREATED, before={})
        if submit:
            initiative_submit(initiative=initiative, by=by)
        if token is not None:
            claim.initiative = initiative
            claim.save(update_fields=["initiative"])
    return initiative


def _created_with(claim: CreationToken, by) -> Initiative:
    """The initiative an earlier post of the same form made, if it was this user's."""
    initiative = claim.initiative
    if initiative is None or initiative.created_by_id != by.pk:
        raise ValidationError(
            _("This form was already sent. Open the form again to register another measure."),
            code="token_used",
        )
    return initiative


def initiative_update(
    *, initiative: Initiative, by, data: InitiativeInput, expected_version: int, submit=False
) -> Initiative:
    """Staff and leaders edit; a stale version is refused, never silently overwritten."""
    with transaction.atomic():
        current = Initiative.objects.select_for_update().get(pk=initiative.pk)
        require(by, Action.INITIATIVE_EDIT, current)
        if current.version != expected_version:
            raise ConcurrentEditError(
                _(
                    "Someone else saved this measure while you were editing it. Your text is "
                    "kept below: copy what you need, reload the page and make your changes again."
                ),
                code="concurrent_edit",
            )
        before = snapshot(current)
        current.version += 1
        _apply(current, data, by)
        if current.workflow_status == WorkflowStatus.PUBLISERT:
            errors = completeness_errors(current)
            if errors:
                raise ValidationError(errors)
        change = record_change(initiative=current, by=by, action=ChangeAction.EDITED, before=before)
        if change is None and not submit:
            # Nothing changed, so the version stays: a file exported before still matches.
            current.version = expected_version
            Initiative.objects.filter(pk=current.pk).update(version=expected_version)
        if submit:
            initiative_submit(initiative=current, by=by)
        elif change and current.workflow_status == WorkflowStatus.PUBLISERT:
            transaction.on_commit(lambda: emails.published_initiative_edited(current, by))
            tasks.text_changed(current)
    return current


def initiative_delete(*, initiative: Initiative, by) -> None:
    """The author or a leader of the owner deletes a draft never sent for approval, with its
    attachments; the audit trail keeps who deleted which title."""
    with transaction.atomic():
        current = Initiative.objects.select_for_update().get(pk=initiative.pk)
        require(by, Action.INITIATIVE_DELETE, current)
        files = [(a.file.storage, a.file.name) for a in current.attachments.all()]
        audit_record(
            actor=by,
            action="initiative.deleted",
            obj=current,
            organisation_id=current.organisation_id,
            details={"title": current.title},
        )
        current.delete()
        transaction.on_commit(bump_data_version)
        transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])
