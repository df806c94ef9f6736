"""An experience report's first draft, filled in from its measure when the measure ended: the
form starts from it, and nothing is saved until the person saves."""

from __future__ import annotations

from initiatives.models import ExperienceReport, Initiative

# the measure's results chain, as far as it tells what was done and what came of it
DONE_FROM = ("goal_resources", "goal_activities")
OUTCOMES_FROM = ("goal_outputs", "goal_user_effects", "goal_societal_effects")


def _limit(name: str) -> int:
    return ExperienceReport._meta.get_field(name).max_length


def _joined(initiative: Initiative, head: str, names: tuple[str, ...]) -> str:
    parts = [head] if head else []
    for name in names:
        text = getattr(initiative, name)
        if text:
            label = str(Initiative._meta.get_field(name).verbose_name).capitalize()
            parts.append(f"{label}: {text}")
    return "\n\n".join(parts)


def report_draft_from(initiative: Initiative) -> dict:
    """The report form's initial values taken from ``initiative``."""
    draft = {
        "title": initiative.title,
        "summary": initiative.summary,
        "what_was_done": _joined(initiative, initiative.description, DONE_FROM),
        "outcomes": _joined(initiative, "", OUTCOMES_FROM),
        "contact_name": initiative.contact_name,
        "contact_email": initiative.contact_email,
    }
    return {name: value[: _limit(name)] for name, value in draft.items() if value}
