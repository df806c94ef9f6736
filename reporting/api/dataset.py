"""What the open data is: title, licence, publisher, contact and distributions, in one place
for the OpenAPI info, the HTML pages and the DCAT description (DCAT-AP-NO) that
data.norge.no harvests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from tillit.accounts.models import Organisation
from tillit.core.mail import absolute_url

LICENCE_URL = "https://data.norge.no/nlod/no/2.0"
LICENCE_NAME = "Norsk lisens for offentlige data (NLOD) 2.0"
PAGE_SIZE = 50
# EU vocabularies that DCAT-AP-NO uses for themes, access rights, formats and language
EU = "http://publications.europa.eu/resource/authority"
THEME_GOVERNMENT = f"{EU}/data-theme/GOVE"
PUBLIC_ACCESS = f"{EU}/access-right/PUBLIC"
LANGUAGE_NB = f"{EU}/language/NOB"
IANA = "https://www.iana.org/assignments/media-types"

TITLE = _("Measures of the trust reform")
DESCRIPTION = _(
    "The published measures and pilots of the trust reform in the Norwegian public sector, "
    "registered by municipalities, county municipalities, state agencies and health trusts, "
    "with the government's focus areas, status, place, owning ministry, employee involvement "
    "and the organisations' own experience reports."
)
REPORTS_TITLE = _("Experience reports from the trust reform")
REPORTS_DESCRIPTION = _(
    "What organisations learned from their measures: what was done, what worked, what did "
    "not, and whether it could be repeated elsewhere."
)
KEYWORDS = ["tillitsreform", "tillitsreformen", "tiltak", "forsøk", "offentlig sektor"]


def licence_link_header() -> str:
    return f'<{LICENCE_URL}>; rel="license"'


@dataclass(frozen=True)
class Distribution:
    """One way to get the data: an API list or a file export."""

    title: str  # lazy, translated where shown
    url: str
    media_type: str
    file_type: str  # the EU file-type code
    download: bool = False


def distributions() -> list[Distribution]:
    return [
        Distribution(
            _("Measures as JSON (open data API)"),
            absolute_url(reverse("api:initiative_list")),
            "application/json",
            "JSON",
        ),
        Distribution(
            _("Measures as CSV"),
            absolute_url(reverse("reporting:export_csv")),
            "text/csv",
            "CSV",
            download=True,
        ),
        Distribution(
            _("Measures as an Excel workbook"),
            absolute_url(reverse("reporting:export_xlsx")),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "XLSX",
            download=True,
        ),
    ]


def report_distribution() -> Distribution:
    return Distribution(
        _("Experience reports as JSON (open data API)"),
        absolute_url(reverse("api:report_list")),
        "application/json",
        "JSON",
    )


def publisher() -> Organisation | None:
    return Organisation.objects.filter(is_portal_operator=True).first()


def _text(value) -> dict:
    """A literal in bokmål (names the users wrote)."""
    return {"@value": str(value), "@language": "nb"}


def _texts(value) -> list[dict]:
    """A translated literal in each of the portal's languages."""
    found = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            found.append({"@value": str(value), "@language": code})
    return found


def _agent(operator: Organisation | None) -> dict:
    name = operator.name if operator else settings.PORTAL_NAME
    agent = {"@id": absolute_url(reverse("api:about")) + "#utgiver", "@type": "foaf:Agent"}
    if operator and operator.organisation_number:
        agent["@id"] = (
            f"https://data.brreg.no/enhetsregisteret/api/enheter/{operator.organisation_number}"
        )
        agent["dct:identifier"] = operator.organisation_number
    return {**agent, "foaf:name": _text(name)}


def _distribution(item: Distribution) -> dict:
    found = {
        "@type": "dcat:Distribution",
        "dct:title": _texts(item.title),
        "dcat:accessURL": {"@id": item.url},
        "dct:format": {"@id": f"{EU}/file-type/{item.file_type}"},
        "dcat:mediaType": {"@id": f"{IANA}/{item.media_type}"},
        "dct:license": {"@id": LICENCE_URL},
    }
    if item.download:
        found["dcat:downloadURL"] = {"@id": item.url}
    else:
        found["dct:conformsTo"] = {"@id": absolute_url(reverse("api:openapi-json"))}
    return found


def _dataset(slug, title, description, items, *, agent, contact, modified) -> dict:
    dataset = {
        "@id": absolute_url(reverse("api:about")) + f"#{slug}",
        "@type": "dcat:Dataset",
        "dct:title": _texts(title),
        "dct:description": _texts(description),
        "dct:publisher": agent,
        "dcat:contactPoint": contact,
        "dcat:theme": [{"@id": THEME_GOVERNMENT}],
        "dcat:keyword": [_text(word) for word in KEYWORDS],
        "dct:accessRights": {"@id": PUBLIC_ACCESS},
        "dct:language": {"@id": LANGUAGE_NB},
        "dcat:landingPage": {"@id": absolute_url(reverse("api:about"))},
        "dct:license": {"@id": LICENCE_URL},
        "dcat:distribution": [_distribution(item) for item in items],
    }
    if modified is not None:
        dataset["dct:modified"] = {"@value": modified.isoformat(), "@type": "xsd:dateTime"}
    return dataset


def dcat_catalog(modified: datetime | None) -> dict:
    """The catalogue, its two datasets and the API as a data service, in JSON-LD."""
    operator = publisher()
    agent = _agent(operator)
    contact = {
        "@type": "vcard:Organization",
        "vcard:fn": _text(settings.PORTAL_NAME),
        "vcard:hasEmail": {"@id": f"mailto:{settings.OPEN_DATA_CONTACT_EMAIL}"},
    }
    reports_api = report_distribution()
    initiatives = _dataset(
        "tiltak", TITLE, DESCRIPTION, distributions(), agent=agent, contact=contact,
        modified=modified,
    )  # fmt: skip
    reports = _dataset(
        "erfaringer", REPORTS_TITLE, REPORTS_DESCRIPTION, [reports_api], agent=agent,
        contact=contact, modified=modified,
    )  # fmt: skip
    service = {
        "@id": absolute_url(reverse("api:about")) + "#api",
        "@type": "dcat:DataService",
        "dct:title": _texts(_("Open data API of Tillitsportalen")),
        "dcat:endpointURL": {"@id": absolute_url(reverse("api:about"))},
        "dcat:endpointDescription": {"@id": absolute_url(reverse("api:openapi-json"))},
        "dcat:servesDataset": [{"@id": initiatives["@id"]}, {"@id": reports["@id"]}],
        "dct:publisher": agent,
        "dcat:contactPoint": contact,
        "dct:license": {"@id": LICENCE_URL},
    }
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": absolute_url(reverse("api:catalog")),
        "@type": "dcat:Catalog",
        "dct:title": _texts(_("Tillitsportalen: open data")),
        "dct:description": _texts(DESCRIPTION),
        "dct:publisher": agent,
        "dct:license": {"@id": LICENCE_URL},
        "dcat:dataset": [initiatives, reports],
        "dcat:service": [service],
        "foaf:homepage": {"@id": absolute_url("/")},
    }
