"""Signed one-click unsubscribe tokens for the e-mails (no sign-in needed: the token is the
proof). ``initiatives.services.following.unsubscribe`` carries one out."""

from __future__ import annotations

from django.core import signing

from initiatives.models import Follow

UNSUBSCRIBE_SALT = "tillit.unsubscribe"
PREFERENCES = ("comments_on_own", "overdue_reminders")


def unsubscribe_token(user, *, follow: Follow | None = None, preference: str = "") -> str:
    """A token that stops one follow, one kind of e-mail (``preference``) or, with neither,
    every weekly summary of ``user``."""
    payload = {"u": user.pk}
    if follow is not None:
        payload["f"] = follow.pk
    elif preference:
        payload["p"] = PREFERENCES.index(preference)
    return signing.dumps(payload, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> dict | None:
    """The token's payload, or None when it is not one of ours."""
    try:
        payload = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("u"), int):
        return None
    return payload
