"""The pages about the open data: a description of the dataset (DCAT-AP-NO terms, for people
and for data.norge.no), the documentation, and the catalogue in JSON-LD. Anyone may read them."""

from __future__ import annotations

import json

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from initiatives.dates import DatePrecision
from initiatives.models import (
    FocusArea,
    Kind,
    LifecycleStatus,
    Participant,
    Sector,
    Transferability,
    TrustRelation,
    UnionAssessment,
)
from initiatives.models.effects import (
    EvidenceMethod,
    GivenBackTo,
    ReportingChange,
    ReportingFrequency,
    RequiredBy,
)
from initiatives.overview.params import SORTINGS
from initiatives.overview.registry import CONFIRMATION
from tillit.accounts.models import OrganisationKind
from tillit.core.mail import absolute_url

from . import dataset
from .http import rate_limited, validators
from .records import PRECISION_CODES

ENDPOINTS = [
    ("initiative_list", "tiltak/", _("Published measures, with the overview's filters.")),
    ("initiative_detail", "tiltak/{id}/", _("One published measure.")),
    ("report_list", "erfaringer/", _("Published experience reports, with the same filters.")),
    ("report_detail", "erfaringer/{id}/", _("One published experience report.")),
    ("focus_area_list", "fokusomrader/", _("The seven focus areas of the trust reform.")),
    ("organisation_list", "organisasjoner/", _("Organisations in the register (filter: type).")),
    ("organisation_detail", "organisasjoner/{id}/", _("One organisation.")),
    ("municipality_list", "kommuner/", _("Municipalities with their county.")),
    ("county_list", "fylker/", _("Counties.")),
    ("ministry_list", "departementer/", _("Ministries.")),
]
PARAMETERS = [
    ("q", _("Free text. Norwegian word forms match, so «skjema» also finds «skjemaene».")),
    ("fokusomrade", _("Focus area, by its short name (slug). Repeat to choose several.")),
    ("type", _("Kind of measure (codes below). Repeatable.")),
    ("sektor", _("Sector (codes below). Repeatable.")),
    ("status", _("Status of the measure (codes below). Repeatable.")),
    ("fylke", _("County number, two digits: the owner's or a participant's. Repeatable.")),
    (
        "kommune",
        _("Municipality number, four digits: the owner's or a participant's. Repeatable."),
    ),
    (
        "departement",
        _("A responsible ministry, by its short name, for example KDD. Repeatable."),
    ),
    ("aar", _("Start year, for example 2024. Repeatable.")),
    ("bekreftet", _("Union confirmation of employee involvement (codes below). Repeatable.")),
    ("erfaring", _("«ja»: only measures with a published experience report.")),
    (
        "evidens",
        _(
            "How the effect was judged: sammenlignet, folgeforskning, for_og_etter,"
            " sporreundersokelse, egen_vurdering. Repeatable."
        ),
    ),
    ("sortering", _("Order of the results (codes below).")),
    ("side", _("Page number, from 1.")),
]


def _ledger(about):
    return format_lazy("{}: {}", _("reporting requirements removed"), about)


def code_lists() -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Each coded field of the records: its name, what it holds, its codes and their meaning."""
    confirmation_labels = dict(UnionAssessment.choices)
    confirmation = [
        (public, confirmation_labels[stored]) for public, stored in CONFIRMATION.items()
    ]
    precision = [(PRECISION_CODES[value], label) for value, label in DatePrecision.choices]
    return [
        ("type", _("kind of measure"), Kind.choices),
        ("sektor", _("sector"), Sector.choices),
        ("status", _("status of the measure"), LifecycleStatus.choices),
        ("tillitsrelasjoner", _("trust relations"), TrustRelation.choices),
        ("deltakere", _("who took part"), Participant.choices),
        ("medvirkning.vurdering", _("employee involvement"), UnionAssessment.choices),
        ("bekreftet", _("filter on employee involvement"), confirmation),
        ("sortering", _("order of the results"), list(SORTINGS.items())),
        ("startdato_presisjon", _("precision of the start date"), precision),
        ("sluttdato_presisjon", _("precision of the end date"), precision),
        ("overforbarhet", _("could it be repeated elsewhere?"), Transferability.choices),
        ("effekt.metoder", _("how the effect was judged"), EvidenceMethod.choices),
        # the ledger's rows, rapportering_fjernet.krav (short names: the headings reflow)
        ("endring", _ledger(_("removed or simplified")), ReportingChange.choices),
        ("krevd_av", _ledger(_("required by")), RequiredBy.choices),
        ("hyppighet", _ledger(_("how often")), ReportingFrequency.choices),
        ("gitt_tilbake_til", _ledger(_("given back to")), GivenBackTo.choices),
        ("type", _("kind of organisation"), OrganisationKind.choices),
    ]


class AboutView(TemplateView):
    """Anyone reads what the open data holds, under which licence and where to get it."""

    template_name = "reporting/api/about.html"

    def get_context_data(self, **kwargs):
        _etag, modified = validators(self.request)
        return super().get_context_data(
            dataset=dataset,
            publisher=dataset.publisher(),
            distributions=dataset.distributions(),
            modified=modified,
            reports=dataset.report_distribution(),
            catalog_url=reverse("api:catalog"),
            contact_email=settings.OPEN_DATA_CONTACT_EMAIL,
            **kwargs,
        )


class DocumentationView(TemplateView):
    """Anyone reads how to use the API: addresses, parameters, codes and examples."""

    template_name = "reporting/api/documentation.html"

    def get_context_data(self, **kwargs):
        base = absolute_url(reverse("api:about"))
        return super().get_context_data(
            base=base,
            endpoints=[(f"{base}{path}", text) for _name, path, text in ENDPOINTS],
            parameters=PARAMETERS,
            code_lists=code_lists(),
            focus_areas=FocusArea.objects.order_by("number"),
            page_size=dataset.PAGE_SIZE,
            rate_limit=settings.API_RATE_LIMIT,
            licence_url=dataset.LICENCE_URL,
            licence_name=dataset.LICENCE_NAME,
            **kwargs,
        )


@rate_limited
def catalog(request):
    """The DCAT catalogue in JSON-LD, in bokmål, nynorsk and English."""
    _etag, modified = validators(request)
    with translation.override(settings.LANGUAGE_CODE):
        document = dataset.dcat_catalog(modified)
    return HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2),
        content_type="application/ld+json; charset=utf-8",
    )
