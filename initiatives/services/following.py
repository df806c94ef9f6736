"""Following initiatives, focus areas and counties, e-mail preferences, and carrying out a
one-click unsubscription (the signed tokens: ``initiatives.notifications.unsubscribe``)."""

from __future__ import annotations

from django.db import transaction

from initiatives.models import Follow, Frequency, MailPreferences
from initiatives.notifications.unsubscribe import PREFERENCES
from tillit.policy import Action, require


def follow_set(*, by, target, frequency: str = Frequency.WEEKLY) -> Follow:
    """Follow an initiative, focus area or county, or change how often its e-mails come."""
    require(by, Action.FOLLOW, target)
    follow, _created = Follow.objects.update_or_create(
        user=by, **{Follow.field_for(target): target}, defaults={"frequency": Frequency(frequency)}
    )
    return follow


def follow_end(*, follow: Follow, by) -> None:
    require(by, Action.FOLLOW_MANAGE, follow)
    follow.delete()


def preferences_of(user) -> MailPreferences:
    preferences, _created = MailPreferences.objects.get_or_create(user=user)
    return preferences


def preferences_save(*, by, comments_on_own: bool, overdue_reminders: bool) -> MailPreferences:
    preferences = preferences_of(by)
    preferences.comments_on_own = comments_on_own
    preferences.overdue_reminders = overdue_reminders
    preferences.save()
    return preferences


def unsubscribe(payload: dict) -> str:
    """Carry out a token's unsubscription; returns what was stopped: ``follow``,
    ``preference`` or ``weekly``. Running it twice does no harm."""
    user_id = payload["u"]
    with transaction.atomic():
        if "f" in payload:
            Follow.objects.filter(pk=payload["f"], user_id=user_id).delete()
            return "follow"
        if "p" in payload:
            name = PREFERENCES[int(payload["p"]) % len(PREFERENCES)]
            preferences, _created = MailPreferences.objects.get_or_create(user_id=user_id)
            setattr(preferences, name, False)
            preferences.save(update_fields=[name])
            return "preference"
        Follow.objects.filter(user_id=user_id, frequency=Frequency.WEEKLY).delete()
        return "weekly"
