"""The API's approved trials at /api/v1/forsok/: public only (approved, running, evaluated,
ended), with their exemptions and decisions. Registered on the one ``api`` when
``reporting.api.urls`` loads."""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Prefetch
from django.http import Http404
from ninja import Field, Query, Schema

from tillit.accounts.models import Organisation
from tillit.core.mail import absolute_url
from trials.models import Exemption, TrialApplication
from trials.models.choices import GRANTED_STATES

from . import selectors
from .endpoints import ERRORS, _page, api
from .schemas import Melding
from .trial_schemas import Forsok, ForsokSide

TAG = ["trials"]


def approved_trials():
    """Public trials, with what a record shows in a fixed number of queries."""
    return (
        TrialApplication.objects.filter(workflow_status__in=GRANTED_STATES)
        .select_related("round", "approving_ministry")
        .prefetch_related(
            Prefetch("applicants", queryset=Organisation.objects.order_by("name")),
            Prefetch("exemptions", queryset=Exemption.objects.select_related("legal_act")),
        )
        .order_by("-decided_at", "-pk")
    )


def _organisation(org) -> dict:
    return {
        "id": org.pk,
        "navn": org.name,
        "url": absolute_url(org.get_absolute_url()),
        "api_url": absolute_url(f"/api/v1/organisasjoner/{org.pk}/"),
    }


def trial_record(app: TrialApplication) -> dict:
    return {
        "id": app.pk,
        "tittel": app.title,
        "formal": app.purpose,
        "tilstand": app.workflow_status,
        "runde": app.round.title,
        "sokere": [_organisation(org) for org in app.applicants.all()],
        "tiltak_id": app.initiative_id,
        "unntak": [
            {
                "lov": e.act_name,
                "paragraf": e.section,
                "hvorfor": e.obstacle,
                "alternativ": e.alternative,
                "evaluering": e.evaluation,
            }
            for e in app.exemptions.all()
        ],
        "vedtak": {
            "departement": app.approving_ministry.short_name if app.approving_ministry else "",
            "forskrift": app.regulation_title,
            "forskriftsdato": app.regulation_date,
            "fra": app.trial_start,
            "til": app.trial_end,
            "vilkar": app.conditions,
            "utvelging_begrunnelse": app.selection_reasons,
        },
        "evaluering_url": app.evaluation_url,
        "evaluering_oppsummering": app.evaluation_summary,
        "utfall": app.outcome,
        "url": absolute_url(app.get_absolute_url()),
    }


class Page(Schema):
    side: int | None = Field(None, ge=1, le=99_999, description="Page number, from 1.")


@api.get(
    "/forsok/",
    response={200: ForsokSide, **ERRORS},
    url_name="trial_list",
    operation_id="forsok_liste",
    summary="Approved trials of the trial scheme, with exemptions and decisions",
    tags=TAG,
)
def trial_list(request, filters: Query[Page]):
    listing = selectors.page_of(approved_trials(), filters.side or 1, [])
    return _page(request, listing, trial_record)


@api.get(
    "/forsok/{pk}/",
    response={200: Forsok, 404: Melding, **ERRORS},
    url_name="trial_detail",
    operation_id="forsok",
    summary="One approved trial",
    tags=TAG,
)
def trial_detail(request, pk: int):
    try:
        return trial_record(approved_trials().get(pk=pk))
    except ObjectDoesNotExist:
        raise Http404 from None
