"""The open data API at /api/v1/ (django-ninja): read-only, anonymous, published content only.
Anyone may read it; every answer carries the licence, a rate limit and validators."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import InterfaceError, OperationalError
from django.http import Http404, QueryDict
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import ValidationError

from initiatives.models.focus_areas import names_by_language
from tillit.core.errors import CACHE_ERRORS
from tillit.core.mail import absolute_url

from . import records, selectors
from .dataset import LICENCE_NAME, LICENCE_URL, PAGE_SIZE
from .http import public_api, rate_limited
from .schemas import (
    DepartementListe,
    Erfaring,
    ErfaringSide,
    FokusomradeListe,
    ForMangeForesporsler,
    FylkeListe,
    KommuneListe,
    Melding,
    Organisasjon,
    OrganisasjonSide,
    Tiltak,
    TiltakSide,
)

api = NinjaAPI(
    title="Tillitsportalen: open data API",
    version="1",
    description=(
        "Published measures and experience reports of the Norwegian trust reform "
        "(tillitsreformen), with focus areas, organisations, municipalities, counties and "
        f"ministries. Read-only JSON, no key needed. Licence: {LICENCE_NAME}. "
        f"At most a fixed number of requests per minute per client address; past it HTTP 429 "
        f"with Retry-After. Lists have {PAGE_SIZE} records a page. Answers carry ETag and "
        "Last-Modified; send If-None-Match or If-Modified-Since to get 304 when nothing changed."
    ),
    openapi_url="/schema/",
    docs_url=None,
    docs_decorator=rate_limited,
    urls_namespace="api",
    openapi_extra={
        "info": {
            "license": {"name": LICENCE_NAME, "url": LICENCE_URL},
            "contact": {"name": "Tillitsportalen", "email": settings.OPEN_DATA_CONTACT_EMAIL},
        }
    },
)
api.add_decorator(public_api, mode="view")


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"melding": _("Not found.")}, status=404)


def _let_django_answer(request, exc):
    """Database and Redis errors go on to the site's middleware, with DEBUG on too (where
    ninja would answer a traceback): the replica's fallback, or a JSON 503 when unreachable."""
    raise exc


for _error in (OperationalError, InterfaceError, *CACHE_ERRORS):
    api.add_exception_handler(_error, _let_django_answer)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    message = _("The request has parameters that are not valid: %(fields)s") % {
        "fields": ", ".join(".".join(map(str, error["loc"][1:])) for error in exc.errors)
    }
    return api.create_response(request, {"melding": message}, status=422)


class Filters(Schema):
    """The overview's parameters (/tiltak/). Values that are not valid are ignored and
    named in ``ignorert``."""

    q: str | None = Field(None, description="Free text, with Norwegian word forms.")
    fokusomrade: list[str] = Field([], description="Focus area slug; repeatable.")
    type: list[str] = Field([], description="Kind of measure; repeatable.")
    sektor: list[str] = Field([], description="Sector; repeatable.")
    status: list[str] = Field([], description="planlagt, pagar, avsluttet, avbrutt; repeatable.")
    fylke: list[str] = Field(
        [],
        description="County number (two digits): the owner's or a participant's; repeatable.",
    )
    kommune: list[str] = Field(
        [],
        description="Municipality number (four digits): the owner's or a participant's; "
        "repeatable.",
    )
    departement: list[str] = Field(
        [], description="A responsible ministry's short name, for example KDD; repeatable."
    )
    aar: list[str] = Field([], description="Start year; repeatable.")
    bekreftet: list[str] = Field([], description="Union confirmation: ja, nei, ukjent.")
    erfaring: list[str] = Field([], description="ja: has a published experience report.")
    evidens: list[str] = Field(
        [],
        description="How the effect was judged: sammenlignet, folgeforskning, for_og_etter,"
        " sporreundersokelse, egen_vurdering; repeatable.",
    )
    sortering: str | None = Field(None, description="relevans, nyeste, oppdatert or tittel.")
    side: int | None = Field(None, ge=1, le=99_999, description="Page number, from 1.")


def as_query(filters: Schema) -> QueryDict:
    """The validated parameters in the form the overview's parser reads (the pipeline
    checks each value against the facet registry and names what it ignores)."""
    query = QueryDict(mutable=True)
    for name, value in filters.dict().items():
        if value is not None:
            query.setlist(name, [str(v) for v in (value if isinstance(value, list) else [value])])
    return query


class OrganisationFilters(Schema):
    type: str | None = Field(None, description="Kind of organisation, for example kommune.")
    side: int | None = Field(None, ge=1, le=99_999, description="Page number, from 1.")


ERRORS = {304: None, 422: Melding, 429: ForMangeForesporsler}
LIST_TAG, REFERENCE_TAG = ["measures and experience reports"], ["reference data"]


def _link(request, page: int) -> str:
    query = request.GET.copy()
    query["side"] = str(page)
    return absolute_url(request.path) + "?" + query.urlencode()


def _page(request, listing: selectors.Listing, build) -> dict:
    return {
        "antall": listing.total,
        "side": listing.page,
        "sider": listing.pages,
        "neste": _link(request, listing.page + 1) if listing.page < listing.pages else None,
        "forrige": _link(request, listing.page - 1) if listing.page > 1 else None,
        "ignorert": listing.ignored,
        "lisens": LICENCE_URL,
        "resultater": [build(row) for row in listing.rows],
    }


def _one(fetch, pk: int):
    try:
        return fetch(pk)
    except ObjectDoesNotExist:
        raise Http404 from None


@api.get(
    "/tiltak/",
    response={200: TiltakSide, **ERRORS},
    url_name="initiative_list",
    operation_id="tiltak_liste",
    summary="Published measures, filtered like /tiltak/",
    tags=LIST_TAG,
)
def initiative_list(request, filters: Query[Filters]):
    listing = selectors.initiative_listing(as_query(filters))
    return _page(request, listing, records.initiative_record)


@api.get(
    "/tiltak/{pk}/",
    response={200: Tiltak, 404: Melding, **ERRORS},
    url_name="initiative_detail",
    operation_id="tiltak",
    summary="One published measure",
    tags=LIST_TAG,
)
def initiative_detail(request, pk: int):
    return records.initiative_record(_one(selectors.initiative, pk))


@api.get(
    "/erfaringer/",
    response={200: ErfaringSide, **ERRORS},
    url_name="report_list",
    operation_id="erfaringer_liste",
    summary="Published experience reports, filtered by their measure like /tiltak/",
    tags=LIST_TAG,
)
def report_list(request, filters: Query[Filters]):
    return _page(request, selectors.report_listing(as_query(filters)), records.report_record)


@api.get(
    "/erfaringer/{pk}/",
    response={200: Erfaring, 404: Melding, **ERRORS},
    url_name="report_detail",
    operation_id="erfaring",
    summary="One published experience report",
    tags=LIST_TAG,
)
def report_detail(request, pk: int):
    return records.report_record(_one(selectors.report, pk))


@api.get(
    "/organisasjoner/",
    response={200: OrganisasjonSide, **ERRORS},
    url_name="organisation_list",
    operation_id="organisasjoner_liste",
    summary="Organisations in the register",
    tags=REFERENCE_TAG,
)
def organisation_list(request, filters: Query[OrganisationFilters]):
    listing = selectors.organisation_listing(request.GET)
    return _page(
        request, listing, lambda row: records.organisation_record(row, row.initiative_count)
    )


@api.get(
    "/organisasjoner/{pk}/",
    response={200: Organisasjon, 404: Melding, **ERRORS},
    url_name="organisation_detail",
    operation_id="organisasjon",
    summary="One organisation",
    tags=REFERENCE_TAG,
)
def organisation_detail(request, pk: int):
    organisation = _one(lambda key: selectors.organisations().get(pk=key), pk)
    return records.organisation_record(organisation, organisation.initiative_count)


def _all(rows: list[dict]) -> dict:
    return {"antall": len(rows), "lisens": LICENCE_URL, "resultater": rows}


@api.get(
    "/fokusomrader/",
    response={200: FokusomradeListe, **ERRORS},
    url_name="focus_area_list",
    operation_id="fokusomrader",
    summary="The government's seven focus areas",
    tags=REFERENCE_TAG,
)
def focus_area_list(request):
    return _all(
        [
            {
                "nummer": area.number,
                "slug": area.slug,
                "navn": area.name,
                "navn_per_sprak": names_by_language(area.slug, area.name),
                "beskrivelse": area.description,
                "url": absolute_url(area.get_absolute_url()),
                "antall_tiltak": area.initiative_count,
            }
            for area in selectors.focus_areas()
        ]
    )


@api.get(
    "/kommuner/",
    response={200: KommuneListe, **ERRORS},
    url_name="municipality_list",
    operation_id="kommuner",
    summary="Municipalities with their county",
    tags=REFERENCE_TAG,
)
def municipality_list(request):
    return _all([records.municipality_record(row) for row in selectors.municipalities()])


@api.get(
    "/fylker/",
    response={200: FylkeListe, **ERRORS},
    url_name="county_list",
    operation_id="fylker",
    summary="Counties",
    tags=REFERENCE_TAG,
)
def county_list(request):
    return _all([records.place(county) for county in selectors.counties()])


@api.get(
    "/departementer/",
    response={200: DepartementListe, **ERRORS},
    url_name="ministry_list",
    operation_id="departementer",
    summary="Ministries",
    tags=REFERENCE_TAG,
)
def ministry_list(request):
    return _all(
        [
            {**records.organisation_ref(ministry), "kortnavn": ministry.short_name}
            for ministry in selectors.ministries()
        ]
    )
