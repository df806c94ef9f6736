"""The trial scheme's workflow, one ``Workflow`` table: draft → preliminary application sent →
under assessment → selected or not → final application sent (with the council's decision) →
approved or refused → running → evaluated → ended. Each step has its policy action, audit
entry, and e-mail to whoever acts next."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from initiatives.attachments import validate_attachment
from initiatives.search.indexing import index_initiative
from initiatives.services.transitions import Move, Note, Transition, Workflow, given, note_given
from tillit.accounts.models import Organisation, OrganisationKind
from tillit.policy import Action

from .. import notifications as tell
from ..models import DocumentKind, Outcome, TrialApplication, TrialStatus
from .applications import period_errors
from .common import record, store_document

S = TrialStatus


def _locked(application: TrialApplication) -> TrialApplication:
    return (
        TrialApplication.objects.select_for_update(of=("self",))
        .select_related("round", "initiative__organisation")
        .get(pk=application.pk)
    )


def _record(step: Move, transition: Transition) -> None:
    record(step.obj, by=step.by, code=str(transition.change), details={"note": step.note})


def _now(step: Move):
    return timezone.now()


def years_after(day: date, years: int) -> date:
    """The same day ``years`` later; from 29 February, 28 February of a common year; the
    last date there is when that is beyond the calendar."""
    if day.year + years > date.max.year:
        return date.max
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _deadline_check(deadline_of):
    def check(application: TrialApplication) -> None:
        deadline = deadline_of(application.round)
        if not application.round.is_open(deadline):
            raise ValidationError(
                {
                    "round": _(
                        "The deadline %(date)s has passed, and the round takes no late "
                        "applications."
                    )
                    % {"date": deadline.strftime("%d.%m.%Y")}
                }
            )

    return check


def _has_exemptions(application: TrialApplication) -> None:
    if not application.exemptions.exists():
        raise ValidationError({"exemptions": _("Name at least one rule you ask exemption from.")})


def _council_decision(step: Move) -> None:
    """The final application carries the council's decision: body, date, case number and
    the decision itself as a document."""
    app, errors = step.obj, {}
    if not app.council_body:
        errors["council_body"] = _("Name the council that adopted the application.")
    if not app.council_date:
        errors["council_date"] = _("Give the date of the council's decision.")
    elif app.council_date > timezone.localdate():
        errors["council_date"] = _("The council's decision cannot be in the future.")
    if not app.council_case_number:
        errors["council_case_number"] = _("Give the case number of the decision.")
    upload, content_type = step.data.get("document"), None
    if upload is None:
        errors["document"] = _("Attach the council's decision.")
    else:
        try:
            content_type = validate_attachment(upload)
        except ValidationError as error:
            errors["document"] = error.messages
    if errors:
        raise ValidationError(errors)
    store_document(
        app,
        kind=DocumentKind.COUNCIL_DECISION,
        upload=upload,
        content_type=content_type,
        by=step.by,
    )


def _approval(step: Move) -> None:
    app, errors = step.obj, {}
    ministry = app.approving_ministry
    if ministry is None or ministry.kind != OrganisationKind.DEPARTEMENT:
        errors["approving_ministry"] = _("Choose the ministry that approves the trial.")
    if not app.regulation_title:
        errors["regulation_title"] = _("Give the title of the regulation.")
    if not app.regulation_date:
        errors["regulation_date"] = _("Give the date of the regulation.")
    if not app.trial_start:
        errors["trial_start"] = _("Give the date the trial starts.")
    if not app.trial_end:
        errors["trial_end"] = _("Give the date the trial ends.")
    elif app.trial_start and app.trial_end <= app.trial_start:
        errors["trial_end"] = _("The trial must end after it starts.")
    elif app.trial_start and app.trial_end > years_after(app.trial_start, app.round.max_years):
        errors["trial_end"] = period_errors(app.round, app.round.max_years + 1)["period_years"]
    if errors:
        raise ValidationError(errors)


def _add_approving_ministry(app: TrialApplication) -> None:
    """An approved trial adds the approving ministry to the measure's responsible ones."""
    app.initiative.responsible_ministries.add(app.approving_ministry)
    index_initiative(app.initiative)  # the ministry's name now finds the measure


def _evaluation(step: Move) -> None:
    app = step.obj
    upload = step.data.get("document")
    if not app.evaluation_url and upload is None:
        raise ValidationError(
            {"evaluation_url": _("Give a link to the evaluation report, or attach it.")}
        )
    if upload is not None:
        try:
            content_type = validate_attachment(upload)
        except ValidationError as error:
            raise ValidationError({"document": error.messages}) from None
        store_document(
            app, kind=DocumentKind.EVALUATION, upload=upload, content_type=content_type, by=step.by
        )


def _outcome(step: Move) -> None:
    if step.obj.outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Choose how the trial ended.")})


REASONS = Note("reasons", gettext_lazy("Give the reasons for the decision."))

TRIAL_WORKFLOW = Workflow(
    lock=_locked,
    record=_record,
    transitions={
        "submit_preliminary": Transition(
            sources=frozenset({S.DRAFT}),
            target=S.PRELIMINARY_SENT,
            permission=Action.TRIAL_SUBMIT_PRELIMINARY,
            change="preliminary_sent",
            checks=(_deadline_check(lambda r: r.preliminary_deadline), _has_exemptions),
            sets={"preliminary_sent_at": _now},
            tell=(tell.to_coordinating,),
        ),
        "start_assessment": Transition(
            sources=frozenset({S.PRELIMINARY_SENT}),
            target=S.UNDER_ASSESSMENT,
            permission=Action.TRIAL_START_ASSESSMENT,
            change="assessment_started",
            sets={"assessment_started_at": _now},
            tell=(tell.to_responsible,),
        ),
        "select": Transition(
            sources=frozenset({S.UNDER_ASSESSMENT}),
            target=S.SELECTED,
            permission=Action.TRIAL_SELECT,
            change="selected",
            decision=True,
            note=REASONS,
            sets={"selection_reasons": note_given, "selection_decided_at": _now},
            tell=(tell.to_applicants,),
        ),
        "not_select": Transition(
            sources=frozenset({S.UNDER_ASSESSMENT}),
            target=S.NOT_SELECTED,
            permission=Action.TRIAL_SELECT,
            change="not_selected",
            decision=True,
            note=REASONS,
            sets={"selection_reasons": note_given, "selection_decided_at": _now},
            tell=(tell.to_applicants,),
        ),
        "submit_final": Transition(
            sources=frozenset({S.SELECTED}),
            target=S.FINAL_SENT,
            permission=Action.TRIAL_SUBMIT_FINAL,
            change="final_sent",
            checks=(_deadline_check(lambda r: r.final_deadline),),
            sets={
                "council_body": given("council_body"),
                "council_date": given("council_date"),
                "council_case_number": given("council_case_number"),
                "final_sent_at": _now,
            },
            validates=(_council_decision,),
            tell=(tell.to_coordinating, tell.to_responsible),
        ),
        "approve": Transition(
            sources=frozenset({S.FINAL_SENT}),
            target=S.APPROVED,
            permission=Action.TRIAL_DECIDE,
            change="approved",
            decision=True,
            sets={
                "approving_ministry": given("approving_ministry"),
                "regulation_title": given("regulation_title"),
                "regulation_date": given("regulation_date"),
                "trial_start": given("trial_start"),
                "trial_end": given("trial_end"),
                "conditions": given("conditions"),
                "decided_at": _now,
            },
            validates=(_approval,),
            queue=(_add_approving_ministry,),
            tell=(tell.to_applicants,),
        ),
        "refuse": Transition(
            sources=frozenset({S.FINAL_SENT}),
            target=S.REFUSED,
            permission=Action.TRIAL_DECIDE,
            change="refused",
            decision=True,
            note=REASONS,
            sets={"refusal_reasons": note_given, "decided_at": _now},
            tell=(tell.to_applicants,),
        ),
        "start": Transition(
            sources=frozenset({S.APPROVED}),
            target=S.RUNNING,
            permission=Action.TRIAL_START,
            change="started",
            sets={"started_at": _now},
            tell=(tell.to_responsible,),
        ),
        "evaluate": Transition(
            sources=frozenset({S.RUNNING}),
            target=S.EVALUATED,
            permission=Action.TRIAL_EVALUATE,
            change="evaluated",
            sets={
                "evaluation_url": lambda step: step.data.get("evaluation_url") or "",
                "evaluation_summary": lambda step: step.data.get("evaluation_summary") or "",
                "evaluated_at": _now,
            },
            validates=(_evaluation,),
            tell=(tell.to_coordinating, tell.to_responsible),
        ),
        "end": Transition(
            sources=frozenset({S.RUNNING, S.EVALUATED}),
            target=S.ENDED,
            permission=Action.TRIAL_END,
            change="ended",
            sets={
                "outcome": given("outcome"),
                "outcome_note": lambda step: step.data.get("outcome_note") or "",
                "ended_at": _now,
            },
            validates=(_outcome,),
            tell=(tell.to_applicants,),
        ),
    },
)


def application_submit_preliminary(*, application: TrialApplication, by) -> TrialApplication:
    """A leader of an applicant sends the preliminary application before the deadline."""
    return TRIAL_WORKFLOW.move("submit_preliminary", application, by=by)


def application_start_assessment(*, application: TrialApplication, by) -> TrialApplication:
    """The coordinating ministry sends a preliminary application to the ministries."""
    return TRIAL_WORKFLOW.move("start_assessment", application, by=by)


def application_select(*, application: TrialApplication, by, reasons: str) -> TrialApplication:
    """The coordinating ministry selects an application to go on, with reasons."""
    return TRIAL_WORKFLOW.move("select", application, by=by, note=reasons)


def application_not_select(*, application: TrialApplication, by, reasons: str):
    """The coordinating ministry does not select an application, with reasons."""
    return TRIAL_WORKFLOW.move("not_select", application, by=by, note=reasons)


def application_submit_final(*, application: TrialApplication, by, council: dict):
    """A leader of an applicant sends the final application with the council's decision
    (``council_body``, ``council_date``, ``council_case_number``, ``document``)."""
    return TRIAL_WORKFLOW.move("submit_final", application, by=by, data=dict(council))


def application_approve(*, application: TrialApplication, by, approval: dict):
    """The coordinating or a responsible ministry approves: the regulation, the period and
    the conditions; the approving ministry becomes responsible for the measure."""
    ministry = approval.get("approving_ministry")
    if ministry is not None and not isinstance(ministry, Organisation):
        raise ValidationError({"approving_ministry": _("Choose the ministry.")})
    return TRIAL_WORKFLOW.move("approve", application, by=by, data=approval)


def application_refuse(*, application: TrialApplication, by, reasons: str):
    """The coordinating or a responsible ministry refuses, with reasons."""
    return TRIAL_WORKFLOW.move("refuse", application, by=by, note=reasons)


def application_start(*, application: TrialApplication, by) -> TrialApplication:
    """A leader of an applicant records that the approved trial has started."""
    return TRIAL_WORKFLOW.move("start", application, by=by)


def application_evaluate(*, application: TrialApplication, by, evaluation: dict):
    """A leader of an applicant records the evaluation: a link or the report attached."""
    return TRIAL_WORKFLOW.move("evaluate", application, by=by, data=dict(evaluation))


def application_end(*, application: TrialApplication, by, outcome: str, note: str = ""):
    """The coordinating or a responsible ministry ends the trial: made permanent by a change
    of law, extended, or stopped."""
    return TRIAL_WORKFLOW.move(
        "end", application, by=by, data={"outcome": outcome, "outcome_note": note}
    )
