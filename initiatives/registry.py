"""What apps above this one add to a measure's page, registered in their ``AppConfig.ready()``
(this app may not import them). Registration order is the order on the page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class MeasurePanel:
    """``context(initiative, user)`` returns what ``template`` shows as ``panel``, or None
    when it has nothing for this user."""

    template: str
    context: Callable[[Any, Any], dict | None]


MEASURE_PANELS: list[MeasurePanel] = []


def measure_panels(initiative, user) -> list[tuple[str, dict]]:
    panels = []
    for panel in MEASURE_PANELS:
        context = panel.context(initiative, user)
        if context is not None:
            panels.append((panel.template, context))
    return panels
