"""Sending the portal's e-mails. Called after commit: a failing mail server is logged, and
the change the e-mail reports on is kept."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.template import Context, engines
from django.utils import translation

logger = logging.getLogger(__name__)


SITE_NAME = "Tillitsportalen"


@dataclass(frozen=True)
class PortalSite:
    """What allauth's e-mails call the site ("Hei fra Tillitsportalen!"), in place of the
    Sites framework or the request's host."""

    name: str
    domain: str


def portal_site() -> PortalSite:
    return PortalSite(name=SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc)


def absolute_url(path: str) -> str:
    """The one way to an absolute link: ``SITE_URL`` and the path (any host in it dropped)."""
    parts = urlsplit(path)
    local = parts.path + (f"?{parts.query}" if parts.query else "")
    return f"{settings.SITE_URL}{local}" + (f"#{parts.fragment}" if parts.fragment else "")


def render_plain_text(template: str, context: dict) -> str:
    """Render a plain-text template with autoescaping off: a subject or text body is never
    HTML, so ``"``, ``'``, ``&`` and ``<`` in a title reach the reader as typed."""
    engine = engines["django"].engine
    return engine.get_template(template).render(Context(context, autoescape=False))


def send_templated(
    *, template: str, recipients: list[str], context: dict, headers: dict | None = None
) -> bool:
    """Render ``<template>_subject.txt`` and ``<template>_body.txt`` in bokmål and send.
    Returns whether the mail server took the message."""
    recipients = sorted(set(recipients))
    if not recipients:
        return True
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_plain_text(f"{template}_subject.txt", context).split())
        body = render_plain_text(f"{template}_body.txt", context)
    try:
        EmailMessage(subject, body, None, recipients, headers=headers).send()
    except Exception:  # the save stands; the failure is logged for the operators
        logger.exception("Could not send the e-mail %s to %d recipients", template, len(recipients))
        return False
    return True
