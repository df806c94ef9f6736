"""The policy registry: the platform names the actions, the apps declare one rule for each."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from initiatives.rules.actions import RULES
from tillit.policy import Action, can, register
from tillit.policy import rules as registry


def test_every_action_has_one_rule_once_the_apps_are_loaded():
    assert registry.unruled() == []
    assert registry.check_every_action_has_a_rule() == []
    assert all(registry.rule_for(action) is RULES[action] for action in RULES)


@pytest.mark.django_db
def test_a_second_rule_for_an_action_is_refused_and_the_first_still_answers(people):
    with pytest.raises(ImproperlyConfigured, match=r"audit\.read already has a rule"):
        register({Action.AUDIT_READ: lambda user, obj=None: True})
    assert can(people["redaktor"], Action.AUDIT_READ)
    assert not can(people["leder"], Action.AUDIT_READ)


def test_only_actions_the_platform_names_can_be_registered():
    with pytest.raises(ImproperlyConfigured, match="not a policy Action"):
        register({"initiative.fly": lambda user, obj=None: True})
    assert not can(None, "initiative.fly")


@pytest.mark.django_db
def test_an_action_without_a_rule_is_refused_and_fails_the_system_check(people, monkeypatch):
    assert can(people["redaktor"], Action.AUDIT_READ)
    monkeypatch.delitem(registry._rules, Action.AUDIT_READ)
    assert not can(people["redaktor"], Action.AUDIT_READ)
    errors = registry.check_every_action_has_a_rule()
    assert [error.id for error in errors] == ["tillit.policy.E001"]
    assert "audit.read" in errors[0].msg
