"""The one workflow mechanism (``initiatives/services/transitions.py``): its tables agree with
the policy, and a new workflow is a declaration (several from-states, a note, side effects)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from initiatives.models import ChangeAction, Initiative, WorkflowStatus
from initiatives.services.experience import EXPERIENCE_WORKFLOW
from initiatives.services.transitions import Note, Transition, Workflow, note_given
from initiatives.services.workflow import INITIATIVE_WORKFLOW
from tillit.core.models import AuditEvent
from tillit.policy import Action, can

from ..factories import ExperienceReportFactory, InitiativeFactory

pytestmark = pytest.mark.django_db


def _in_state(workflow, state, bergen):
    if workflow is INITIATIVE_WORKFLOW:
        return InitiativeFactory(organisation=bergen, workflow_status=state)
    initiative = InitiativeFactory(organisation=bergen, workflow_status=WorkflowStatus.PUBLISERT)
    return ExperienceReportFactory(initiative=initiative, workflow_status=state)


@pytest.mark.parametrize("workflow", [INITIATIVE_WORKFLOW, EXPERIENCE_WORKFLOW])
def test_the_tables_from_states_are_where_the_policy_lets_someone_act(workflow, people, bergen):
    for name, transition in workflow.transitions.items():
        for state in WorkflowStatus:
            obj = _in_state(workflow, state, bergen)
            someone = any(can(p, transition.permission, obj) for p in people.values() if p)
            assert someone == (state in transition.sources), (name, state)


def _locked(initiative):
    return Initiative.objects.select_for_update().get(pk=initiative.pk)


def test_a_new_workflow_is_a_declaration(people, bergen, django_capture_on_commit_callbacks):
    queued, told = [], []
    shelve = Transition(
        sources=frozenset({WorkflowStatus.UTKAST, WorkflowStatus.TIL_GODKJENNING}),
        target=WorkflowStatus.ARKIVERT,
        permission=Action.INITIATIVE_ARCHIVE,
        change=ChangeAction.ARCHIVED,
        note=Note("why", "Say why."),
        sets={"review_note": note_given},
        queue=(queued.append,),
        tell=(told.append,),
    )
    trial = Workflow(lock=_locked, history_of=lambda i: i, transitions={"shelve": shelve})
    draft = InitiativeFactory(organisation=bergen)
    with pytest.raises(ValidationError) as blank:
        trial.move("shelve", draft, by=people["leder"], note="  ")
    assert blank.value.message_dict == {"why": ["Say why."]}

    with django_capture_on_commit_callbacks(execute=True):
        shelved = trial.move("shelve", draft, by=people["leder"], note=" Paused. ")
        assert queued == [shelved] and told == []
    assert told == [shelved]
    draft.refresh_from_db()
    assert (draft.workflow_status, draft.review_note) == (WorkflowStatus.ARKIVERT, "Paused.")
    change = draft.changes.get()
    assert (change.action, change.note) == ("archived", "Paused.")
    assert change.fields["workflow_status"] == ["utkast", "arkivert"]
    assert AuditEvent.objects.filter(action="initiative.archived", object_id=str(draft.pk)).exists()

    published = InitiativeFactory(organisation=bergen, workflow_status=WorkflowStatus.PUBLISERT)
    assert can(people["leder"], Action.INITIATIVE_ARCHIVE, published)  # the policy would allow
    with pytest.raises(PermissionDenied):  # but the table has no such from-state
        trial.move("shelve", published, by=people["leder"], note="Paused.")
    published.refresh_from_db()
    assert published.workflow_status == WorkflowStatus.PUBLISERT
    assert not published.changes.exists()
