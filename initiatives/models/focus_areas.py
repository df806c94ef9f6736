"""The government's seven focus areas; each has a page (a hub) with a text editors keep,
and the link that tags an initiative with one (of which one may be its primary area)."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# The seven official focus areas by slug. The bokmål catalogue gives each the government's
# label verbatim (tillit/data/fokusomrader.csv); nynorsk and English translate it.
OFFICIAL_NAMES = {
    "faglig-frihet": _("Give more professional freedom to the front line"),
    "mindre-rapportering": _("Reduce unnecessary reporting and documentation requirements"),
    "kommunalt-handlingsrom": _("Give municipal and county authorities more room to act"),
    "medbestemmelse": _(
        "Strengthen co-determination and the involvement of employees' organisations"
    ),
    "styring-og-samordning": _("Improve governance, organisation and coordination"),
    "tillitsbasert-ledelse": _("Increase the use of trust-based leadership"),
    "tilsyn-og-kontroll": _(
        "Target the reporting and documentation requirements of supervisory and control authorities"
    ),
}
LANGUAGES = ("nb", "nn", "en")


def localized_name(slug: str, name: str) -> str | Promise:
    """An official focus area's name in the reader's language (lazy, so it can be cached);
    any other area, or an official one renamed by the editors, as written."""
    official = OFFICIAL_NAMES.get(slug)
    if official is None:
        return name
    with translation.override("nb"):
        if str(official) != name:
            return name
    return official


def names_by_language(slug: str, name: str) -> dict[str, str]:
    """{nb, nn, en}: the name in each language of the portal (as written where none)."""
    label = localized_name(slug, name)
    names = {}
    for language in LANGUAGES:
        with translation.override(language):
            names[language] = str(label)
    return names


def written_lang(name) -> str:
    """The ``lang`` of a name from ``localized_name``: the page's language for a translated
    one, bokmål for one shown as written."""
    return translation.get_language() if isinstance(name, Promise) else "nb"


class FocusArea(models.Model):
    """One of the seven focus areas of the trust reform, with the official Norwegian label."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(
        _("what it means"),
        blank=True,
        help_text=_("A short text for the focus area's page. Editors keep it up to date."),
    )

    class Meta:
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        ordering = ["number"]

    def __str__(self):
        return str(self.display_name)

    def get_absolute_url(self):
        return reverse("initiatives:focus_area", args=[self.slug])

    @property
    def display_name(self) -> str | Promise:
        """The name in the reader's language (see ``localized_name``)."""
        return localized_name(self.slug, self.name)

    @property
    def name_lang(self) -> str:
        return written_lang(self.display_name)


class InitiativeFocusArea(models.Model):
    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="focus_area_links"
    )
    focus_area = models.ForeignKey(FocusArea, on_delete=models.PROTECT, related_name="+")
    is_primary = models.BooleanField(_("primary"), default=False)

    class Meta:
        verbose_name = _("focus area of a measure")
        verbose_name_plural = _("focus areas of measures")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "focus_area"],
                name="initiative_focus_area_unique",
                violation_error_message=_("The measure already has this focus area."),
            ),
            models.UniqueConstraint(
                fields=["initiative"],
                condition=Q(is_primary=True),
                name="initiative_one_primary_focus_area",
                violation_error_message=_("A measure can have only one primary focus area."),
            ),
        ]

    def __str__(self):
        return str(self.focus_area)
