"""An uploaded import waiting for its owner's confirmation, kept on the server between the
preview and the save so that nothing the browser sends back is trusted."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tillit.accounts.models import Organisation


class ImportBatchQuerySet(models.QuerySet):
    def owned_by(self, user, organisation):
        """Only the person who uploaded a file sees its preview and may save it."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(created_by=user, organisation=organisation)


class ImportBatch(models.Model):
    """The rows of one uploaded file (cell texts by column), validated again on every use."""

    class Mode(models.TextChoices):
        VALID_ONLY = "valid", _("Save the valid rows and skip the rows with errors")
        ALL_OR_NONE = "all", _("Save nothing unless every row is valid")

    class Status(models.TextChoices):
        PREVIEW = "preview", _("awaiting confirmation")
        SAVED = "saved", _("saved")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    file_name = models.CharField(_("file name"), max_length=200)
    mode = models.CharField(_("mode"), max_length=10, choices=Mode, default=Mode.VALID_ONLY)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PREVIEW)
    # [{"line": 2, "cells": {"title": "…", …}}, …]: the file's text, nothing interpreted yet
    rows = models.JSONField(_("rows"), default=list)
    ignored_columns = models.JSONField(_("ignored columns"), default=list, blank=True)
    # after saving: {"created": [initiative ids], "failed": {"line": ["message", …]}}
    result = models.JSONField(_("result"), default=dict, blank=True)
    saved_at = models.DateTimeField(_("saved"), null=True, blank=True)

    objects = ImportBatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("import of measures")
        verbose_name_plural = _("imports of measures")
        ordering = ["-created_at"]

    def __str__(self):
        return self.file_name
