"""What the domain apps hand the accounts app, registered in their ``AppConfig.ready()``:
panels on the work page (``/mitt/``) and an organisation's page, what to do when an
organisation changes, and the demo data ``seed_demo`` adds. Registration order is the order
of use (INSTALLED_APPS order, then the order of the calls in ``ready()``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .models import Organisation, User


@dataclass(frozen=True)
class WorkPanel:
    """``context(user)``: what an app adds to the signed-in user's work page; the page's
    template places it. Under the key ``todo`` a panel lists its ``WorkTodo`` items, which
    the page gathers into its "to do" summary at the top."""

    context: Callable[[User], dict[str, Any]]


@dataclass(frozen=True)
class WorkTodo:
    """One line of the work page's "to do" summary: what waits (counted, in words) and the
    anchor of the section that lists it."""

    text: str
    anchor: str


@dataclass(frozen=True)
class OrganisationPanel:
    """``context(organisation, user)``: what an app adds to an organisation's page."""

    context: Callable[[Organisation, User], dict[str, Any]]


@dataclass(frozen=True)
class OrganisationChanged:
    """``react(organisation_id)`` runs after a transaction that changed an organisation commits."""

    react: Callable[[int], None]


@dataclass(frozen=True)
class DemoSeeder:
    """``seed(seed=, initiatives=)`` adds an app's demo data (idempotent, deterministic for a
    seed) after the demo people, and returns what it did as a phrase for the summary."""

    seed: Callable[..., str]


WORK_PANELS: list[WorkPanel] = []
ORGANISATION_PANELS: list[OrganisationPanel] = []
ORGANISATION_CHANGED: list[OrganisationChanged] = []
DEMO_SEEDERS: list[DemoSeeder] = []


def work_panels_context(user: User) -> dict[str, Any]:
    """The panels' context merged; their ``todo`` lists joined, in registration order."""
    merged: dict[str, Any] = {"todo": []}
    for panel in WORK_PANELS:
        context = dict(panel.context(user))
        merged["todo"].extend(context.pop("todo", []))
        merged.update(context)
    return merged


def organisation_panels_context(organisation: Organisation, user: User) -> dict[str, Any]:
    return {
        key: value
        for panel in ORGANISATION_PANELS
        for key, value in panel.context(organisation, user).items()
    }
