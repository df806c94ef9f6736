"""The workflow's e-mails about an initiative, sent after commit (see ``tillit.core.mail``)."""

from __future__ import annotations

from initiatives.models import Initiative
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
