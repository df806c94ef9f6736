"""The workflow's e-mails about an initiative, sent after commit (see ``tillit.core.mail``)."""

from __future__ import annotations

from django.utils import timezone

from initiatives.models import Initiative, InitiativeRelation, RelationKind
from tillit.accounts.notifications import leader_emails
from tillit.core.mail import absolute_url, send_templated


def _send(template: str, initiative: Initiative, recipients: list[str], **extra) -> None:
    send_templated(
        template=f"initiatives/email/{template}",
        recipients=recipients,
        context={
            "initiative": initiative,
            "url": absolute_url(initiative.get_absolute_url()),
            **extra,
        },
    )


def _author(initiative: Initiative) -> list[str]:
    author = initiative.created_by
    return [author.email] if author and author.is_active else []


def submitted(initiative: Initiative) -> None:
    _send("submitted", initiative, leader_emails(initiative.organisation_id))


def published(initiative: Initiative) -> None:
    _send("published", initiative, _author(initiative))


def returned(initiative: Initiative) -> None:
    _send("returned", initiative, _author(initiative))


def unpublished(initiative: Initiative) -> None:
    _send(
        "unpublished", initiative, _author(initiative) + leader_emails(initiative.organisation_id)
    )


def published_initiative_edited(initiative: Initiative, by) -> None:
    recipients = [e for e in leader_emails(initiative.organisation_id) if e != by.email]
    _send("edited", initiative, recipients, editor=by)


def builds_on_published(initiative: Initiative) -> None:
    """The leaders of each measure that a now published measure of another organisation
    builds on, once per connection (a draft is private: only its publication is news)."""
    if not initiative.is_published:
        return
    relations = (
        InitiativeRelation.objects.filter(
            initiative=initiative, kind=RelationKind.BYGGER_PA, told_at=None
        )
        .exclude(other__organisation_id=initiative.organisation_id)
        .select_related("other", "initiative__organisation")
    )
    for relation in relations:
        claimed = InitiativeRelation.objects.filter(pk=relation.pk, told_at=None).update(
            told_at=timezone.now()
        )
        if claimed:
            _send(
                "built_upon",
                relation.other,
                leader_emails(relation.other.organisation_id),
                adopter=relation.initiative,
                adopter_url=absolute_url(relation.initiative.get_absolute_url()),
            )
