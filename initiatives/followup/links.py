"""The one-click answer links in a follow-up e-mail: signed (their own salt), expiring and
naming one question, its nonce, one answer and the leader it was mailed to. A link only
answers that question, once; it signs nobody in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.core import signing

from initiatives.models import FollowUp, FollowUpAnswer

FOLLOWUP_SALT = "tillit.followup.answer"
LINK_LIFETIME = timedelta(days=60)


class LinkExpired(Exception):
    """The link was genuine, but is older than ``LINK_LIFETIME``."""


class LinkInvalid(Exception):
    """The link was forged, altered or cut short."""


@dataclass(frozen=True)
class AnswerLink:
    followup_id: int
    nonce: str
    answer: str
    user_id: int


def answer_token(followup: FollowUp, answer: str, user) -> str:
    payload = {"q": followup.pk, "n": followup.nonce, "a": answer, "u": user.pk}
    return signing.dumps(payload, salt=FOLLOWUP_SALT)


def read_answer_token(token: str) -> AnswerLink:
    """The link's content; ``LinkExpired`` or ``LinkInvalid`` when it is not to be used."""
    try:
        payload = signing.loads(token, salt=FOLLOWUP_SALT, max_age=LINK_LIFETIME)
    except signing.SignatureExpired:
        raise LinkExpired from None
    except signing.BadSignature:
        raise LinkInvalid from None
    try:
        link = AnswerLink(
            followup_id=int(payload["q"]),
            nonce=str(payload["n"]),
            answer=str(payload["a"]),
            user_id=int(payload["u"]),
        )
    except (KeyError, TypeError, ValueError):
        raise LinkInvalid from None
    if link.answer not in FollowUpAnswer.values:
        raise LinkInvalid
    return link
