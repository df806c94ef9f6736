"""Organisations that own measures, and the reference geography they sit in."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tillit.accounts.validators import validate_organisation_number
from tillit.core.constraints import ConstraintErrorsOnFields


class County(models.Model):
    """A county (fylke) in the 2024 division, identified by its two-digit number."""

    number = models.CharField(_("county number"), max_length=2, primary_key=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("county")
        verbose_name_plural = _("counties")
        ordering = ["number"]

    def __str__(self):
        return self.name


class Municipality(models.Model):
    """A municipality (kommune), identified by its four-digit number."""

    number = models.CharField(_("municipality number"), max_length=4, primary_key=True)
    name = models.CharField(_("name"), max_length=100)
    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("county")
    )

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self):
        return self.name


class OrganisationKind(models.TextChoices):
    KOMMUNE = "kommune", _("Municipality")
    FYLKESKOMMUNE = "fylkeskommune", _("County municipality")
    STATLIG = "statlig", _("State agency")
    DEPARTEMENT = "departement", _("Ministry")
    HELSEFORETAK = "helseforetak", _("Health trust")
    ARBEIDSTAKERORGANISASJON = "arbeidstakerorganisasjon", _("Employees' organisation")
    ANNET = "annet", _("Other")


class OrganisationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Organisations are part of the public register: everyone sees every one."""
        return self.all()

    def with_place(self):
        return self.select_related("municipality__county", "county", "parent_ministry")


class Organisation(ConstraintErrorsOnFields, models.Model):
    """A municipality, county municipality, agency, ministry or other body in the register."""

    constraint_fields = {
        "organisation_number_unique": "organisation_number",
        "one_portal_operator": "is_portal_operator",
        "one_organisation_per_municipality": "municipality",
    }

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind)
    short_name = models.CharField(
        _("short name"),
        max_length=20,
        blank=True,
        help_text=_("Used for ministries, for example KDD."),
    )
    organisation_number = models.CharField(
        _("organisation number"),
        max_length=9,
        blank=True,
        validators=[validate_organisation_number],
        help_text=_("Nine digits from the Central Coordinating Register for Legal Entities."),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("municipality"),
    )
    county = models.ForeignKey(
        County,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("county"),
    )
    parent_ministry = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agencies",
        limit_choices_to={"kind": OrganisationKind.DEPARTEMENT},
        verbose_name=_("owning ministry"),
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    is_portal_operator = models.BooleanField(
        _("portal operator"),
        default=False,
        help_text=_("Members of the portal operator are the portal's editors."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation_number"],
                condition=~Q(organisation_number=""),
                name="organisation_number_unique",
                violation_error_code="organisation_number_taken",
                violation_error_message=_(
                    "Another organisation already has this organisation number."
                ),
            ),
            models.UniqueConstraint(
                fields=["is_portal_operator"],
                condition=Q(is_portal_operator=True),
                name="one_portal_operator",
                violation_error_code="portal_operator_taken",
                violation_error_message=_("Only one organisation can be the portal operator."),
            ),
            models.UniqueConstraint(
                fields=["municipality"],
                condition=Q(kind="kommune"),
                name="one_organisation_per_municipality",
                violation_error_code="municipality_taken",
                violation_error_message=_(
                    "This municipality is already registered as an organisation."
                ),
            ),
        ]
        indexes = [models.Index(fields=["kind", "name"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("accounts:organisation_detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.kind == OrganisationKind.KOMMUNE and not self.municipality_id:
            errors["municipality"] = _("A municipality must name its municipality.")
        if self.kind == OrganisationKind.FYLKESKOMMUNE and not self.county_id:
            errors["county"] = _("A county municipality must name its county.")
        if self.parent_ministry_id and self.kind != OrganisationKind.STATLIG:
            errors["parent_ministry"] = _("Only state agencies have an owning ministry.")
        if self.kind == OrganisationKind.DEPARTEMENT and not self.short_name:
            errors["short_name"] = _("A ministry needs its short name, for example KDD.")
        if errors:
            raise ValidationError(errors)

    @property
    def place(self):
        """The county the organisation belongs to, when it has one."""
        if self.municipality_id:
            return self.municipality.county
        return self.county
