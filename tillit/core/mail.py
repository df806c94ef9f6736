"""Sending the portal's e-mails. Called after commit: a failing mail server is logged, and
the change the e-mail reports on is kept."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def send_templated(*, template: str, recipients: list[str], context: dict) -> None:
    """Render ``<template>_subject.txt`` and ``<template>_body.txt`` in bokmål and send."""
    recipients = sorted(set(recipients))
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}_body.txt", context)
    try:
        send_mail(subject, body, None, recipients)
    except Exception:  # the save stands; the failure is logged for the operators
        logger.exception("Could not send the e-mail %s to %d recipients", template, len(recipients))
