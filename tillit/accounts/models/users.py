"""The portal's user: signs in by e-mail address, has no username."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from tillit.core.constraints import ConstraintErrorsOnFields


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(ConstraintErrorsOnFields, AbstractUser):
    constraint_fields = {"user_email_ci_unique": "email"}
    username = None
    first_name = None
    last_name = None
    name = models.CharField(_("full name"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail address"), unique=True)
    is_demo = models.BooleanField(
        _("demo user"), default=False, help_text=_("Created by seed_demo; never a real person.")
    )
    # When the person last opened "Mitt arbeid", and where what it shows as new begins: the
    # last view of their previous visit (reloading within a visit keeps the list).
    work_page_seen_at = models.DateTimeField(_("last opened my work"), null=True, blank=True)
    work_page_news_since = models.DateTimeField(
        _("my work shows what is new since"), null=True, blank=True
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="user_email_ci_unique",
                violation_error_code="email_taken",
                violation_error_message=_("A user with this e-mail address already exists."),
            )
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.name or self.email

    def get_full_name(self):
        return self.display_name

    def get_short_name(self):
        return self.name.split(" ")[0] if self.name else self.email
