"""Rules about the yearly overview: ministries pick from their own area, editors from all.

A section is a responsible ministry's organisation id, or ``MUNICIPAL`` for municipalities and
county municipalities (and ``OTHER`` for measures in neither), which only editors pick for. A
measure may be in several sections; each section's picks are its own.
"""

from tillit.policy.roles import is_editor, ministry_ids

MUNICIPAL = "kommunesektoren"
OTHER = "andre"


def sections(user) -> set:
    """The sections whose initiatives ``user`` may pick; ``None`` stands for all of them."""
    if is_editor(user):
        return None
    return set(ministry_ids(user))


def select(user, section=None) -> bool:
    """Without a section: may the user pick for any section at all."""
    if not user.is_authenticated:
        return False
    allowed = sections(user)
    if allowed is None:
        return True
    return bool(allowed) if section is None else section in allowed
