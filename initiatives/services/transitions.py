"""One mechanism for every workflow: a ``Workflow`` declares how its rows are locked and whose
history records a move, and a table of ``Transition``s (from-states, to-state, the policy action
that allows it, the history and audit code, the fields it sets, the note the form supplies and
what is queued or told). ``Workflow.move`` applies one transition; services call it.

Why not django-fsm-2: its transitions are model methods that change the field in memory and
leave locking, saving, history and audit to the caller, check permissions through Django's
permission strings or a callable without our policy's 404/403 and "decided already" handling,
and carry side effects in signals (which our house style keeps free of business rules). We would
keep all of this module's work around it and gain only the decorator, so we keep this table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction

from initiatives.models import ChangeAction, Initiative
from tillit.policy import Action, can, require

from .history import record_change, snapshot


class DecisionTooLate(PermissionDenied):
    """A decision on a row that another person decided on meanwhile; ``initiative`` is the
    row as it is now."""

    def __init__(self, current: models.Model):
        super().__init__(f"{current.pk} is {current.workflow_status} already")
        self.initiative = current


@dataclass(frozen=True)
class Move:
    """What a field value set by a transition may depend on: the locked row, who, the note,
    and any other values the form supplied (``data``)."""

    obj: models.Model
    by: Any
    note: str
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Note:
    """A note the person must give in the form; ``field`` names the form field (and the key of
    the error when it is blank), ``missing`` the error message."""

    field: str
    missing: str


@dataclass(frozen=True)
class Transition:
    """From any of ``sources`` to ``target``, for whom ``permission`` allows it. ``sets`` maps
    field names to values or to functions of the ``Move``; ``checks`` may refuse the move
    (raise ``ValidationError``), ``validates`` too once the fields are set (given values
    checked against the row); ``queue`` runs inside the transaction (what it queues happens
    only if the move commits); ``tell`` runs after commit (e-mails). ``change`` is the history
    or audit code."""

    sources: frozenset[str]
    target: str
    permission: Action
    change: ChangeAction | str
    sets: Mapping[str, Any] = field(default_factory=dict)
    note: Note | None = None
    checks: tuple[Callable[[models.Model], None], ...] = ()
    validates: tuple[Callable[[Move], None], ...] = ()
    queue: tuple[Callable[[models.Model], None], ...] = ()
    tell: tuple[Callable[[models.Model], None], ...] = ()
    decision: bool = False  # a second decision on a row that moved meanwhile is too late


def _no_follow_up(obj: models.Model) -> None:
    return None


def _given_note(obj: models.Model, note: str) -> str:
    return note


@dataclass(frozen=True)
class Workflow:
    """One kind of row that moves through ``workflow_status``: how it is locked, whose
    history records its moves (``history_of``) with which note, what follows each save, and
    whether a move counts as a new version (the export's optimistic lock). A row that is no
    initiative's gives ``record`` instead of ``history_of``: it writes the move's history and
    audit (``record(step, transition)``)."""

    lock: Callable[[models.Model], models.Model]
    transitions: Mapping[str, Transition]
    history_of: Callable[[models.Model], Initiative] | None = None
    history_note: Callable[[models.Model, str], str] = _given_note
    after_save: Callable[[models.Model], None] = _no_follow_up
    versioned: bool = False
    record: Callable[[Move, Transition], None] | None = None

    def move(
        self, name: str, obj: models.Model, *, by, note: str = "", data: Mapping | None = None
    ) -> models.Model:
        """Apply transition ``name`` to ``obj`` for ``by``: lock the row, check its state and
        the policy, set the fields (from ``note`` and ``data``), record history and audit,
        queue and tell."""
        transition = self.transitions[name]
        note = note.strip()
        if transition.note and not note:
            raise ValidationError({transition.note.field: transition.note.missing})
        with transaction.atomic():
            current = self.lock(obj)
            moved = current.workflow_status != obj.workflow_status
            if transition.decision and moved and can(by, transition.permission, obj):
                raise DecisionTooLate(current)
            if current.workflow_status not in transition.sources:
                raise PermissionDenied(f"{transition.permission} refused")
            require(by, transition.permission, current)
            for check in transition.checks:
                check(current)
            initiative = self.history_of(current) if self.record is None else None
            before = snapshot(initiative) if initiative is not None else {}
            current.workflow_status = transition.target
            step = Move(obj=current, by=by, note=note, data=data or {})
            for attribute, value in transition.sets.items():
                setattr(current, attribute, value(step) if callable(value) else value)
            for validate in transition.validates:
                validate(step)
            if self.versioned:
                current.version += 1
            current.save()
            self.after_save(current)
            if self.record is not None:
                self.record(step, transition)
            else:
                record_change(
                    initiative=initiative,
                    by=by,
                    action=transition.change,
                    before=before,
                    note=self.history_note(current, note),
                )
            for effect in transition.queue:
                effect(current)
            for tell in transition.tell:
                transaction.on_commit(lambda tell=tell: tell(current))
        return current


def note_given(step: Move) -> str:
    """A field value: the note the person gave."""
    return step.note


def given(name: str) -> Callable[[Move], Any]:
    """A field value: the form's value ``name`` (from the move's ``data``)."""
    return lambda step: step.data.get(name)
