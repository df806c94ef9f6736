"""Who belongs to which organisation, in which roles, and how they came to."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .organisations import Organisation, OrganisationKind

INVITATION_LIFETIME = timedelta(days=14)


class Role(models.TextChoices):
    ANSATT = "ansatt", _("staff")
    LEDER = "leder", _("leader")
    TILLITSVALGT = "tillitsvalgt", _("union representative")
    DEPARTEMENT = "departement", _("ministry staff")


def validate_roles(*, roles, union_name, organisation) -> None:
    """The rules every set of roles obeys, wherever it comes from."""
    errors = {}
    if not roles:
        errors["roles"] = _("Choose at least one role.")
    elif len(set(roles)) != len(roles) or not set(roles) <= set(Role.values):
        errors["roles"] = _("Choose roles from the list.")
    elif Role.DEPARTEMENT in roles and organisation.kind != OrganisationKind.DEPARTEMENT:
        errors["roles"] = _("The ministry role is only for members of a ministry.")
    if roles and Role.TILLITSVALGT in roles and not union_name.strip():
        errors["union_name"] = _("Name the union you represent.")
    if union_name.strip() and Role.TILLITSVALGT not in (roles or []):
        errors["union_name"] = _("Only union representatives name a union.")
    if errors:
        raise ValidationError(errors)


class RolesMixin(models.Model):
    roles = ArrayField(
        models.CharField(max_length=20, choices=Role), verbose_name=_("roles"), default=list
    )
    union_name = models.CharField(
        _("union"), max_length=100, blank=True, help_text=_("For example Fagforbundet.")
    )

    class Meta:
        abstract = True

    def clean(self):
        validate_roles(roles=self.roles, union_name=self.union_name, organisation=self.organisation)

    @property
    def role_labels(self) -> list[str]:
        labels = []
        for role in Role:
            if role in self.roles:
                label = str(role.label)
                if role == Role.TILLITSVALGT and self.union_name:
                    label = f"{label} ({self.union_name})"
                labels.append(label)
        return labels


class Membership(RolesMixin):
    """Ties a user to one organisation with one or more roles."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    created_at = models.DateTimeField(_("member since"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                name="one_membership_per_org",
                violation_error_message=_("The person is already a member of this organisation."),
            )
        ]

    def __str__(self):
        return f"{', '.join(self.role_labels)}, {self.organisation}"

    @property
    def role_labels(self) -> list[str]:
        labels = super().role_labels
        if self.organisation.is_portal_operator:
            labels.insert(0, str(_("editor")))
        return labels


class JoinRequestStatus(models.TextChoices):
    PENDING = "pending", _("awaiting decision")
    APPROVED = "approved", _("approved")
    DECLINED = "declined", _("declined")


class JoinRequest(RolesMixin):
    """A signed-in user's request to join an organisation; a leader decides."""

    Status = JoinRequestStatus

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="join_requests",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="join_requests",
        verbose_name=_("organisation"),
    )
    message = models.TextField(_("message to the leaders"), blank=True, max_length=1000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.TextField(_("note to the applicant"), blank=True, max_length=1000)

    class Meta:
        verbose_name = _("request to join")
        verbose_name_plural = _("requests to join")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=Q(status="pending"),
                name="one_pending_request_per_org",
                violation_error_message=_("You have already asked to join this organisation."),
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.organisation}"


def new_invitation_token() -> str:
    return secrets.token_urlsafe(32)


def invitation_expiry():
    return timezone.now() + INVITATION_LIFETIME


class Invitation(RolesMixin):
    """An invitation by e-mail to join an organisation with given roles."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    email = models.EmailField(_("e-mail address"))
    token = models.CharField(max_length=64, unique=True, default=new_invitation_token)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), default=invitation_expiry)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.organisation}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()
