"""Rules about the audit trail."""

from .roles import is_editor


def read(user, obj=None) -> bool:
    """Editors read (and download) the whole audit trail; no one else sees any of it."""
    return is_editor(user)
