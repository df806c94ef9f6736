"""The registry that maps each action to the one rule answering it; apps fill it in ready()."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from .actions import Action

Rule = Callable[[Any, Any], bool]

_rules: dict[Action, Rule] = {}


def register(rules: Mapping[Action, Rule]) -> None:
    """Declare who may do each action in ``rules``; an action has one rule, declared once."""
    for action in rules:
        if not isinstance(action, Action):
            raise ImproperlyConfigured(f"{action!r} is not a policy Action")
        if action in _rules:
            raise ImproperlyConfigured(f"{action} already has a rule: {_rules[action]!r}")
    _rules.update(rules)


def rule_for(action: Action) -> Rule | None:
    """The rule that answers ``action``, or None while no app has declared one."""
    return _rules.get(action)


def unruled() -> list[Action]:
    """The actions no app has declared a rule for; empty once every app is loaded."""
    return [action for action in Action if action not in _rules]


@checks.register()
def check_every_action_has_a_rule(app_configs=None, **kwargs) -> list[checks.Error]:
    """A system check: an action without a rule would be refused to everyone."""
    return [
        checks.Error(
            f"No rule is registered for the policy action {action}.",
            hint="Register one with tillit.policy.register() in an AppConfig.ready().",
            id="tillit.policy.E001",
        )
        for action in unruled()
    ]
