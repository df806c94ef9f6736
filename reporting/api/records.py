"""The records the API gives out, built field by field from what the public HTML pages show.
Nothing else leaves: no comments, no history, no users, no review notes, no unpublished
relations, and an initiative's contact details only when its organisation chose to publish them."""

from __future__ import annotations

from django.urls import reverse

from initiatives.connections import public_connections
from initiatives.dates import DatePrecision
from initiatives.effects import evidence_of, measure_indicators, total_hours
from initiatives.models import ExperienceReport, Initiative
from initiatives.models.effects import Indicator
from initiatives.models.focus_areas import names_by_language
from tillit.accounts.models import County, Municipality, Organisation
from tillit.core.mail import absolute_url

# A date's precision as the API's Norwegian codes (ASCII, like "pagar").
PRECISION_CODES = {DatePrecision.DAY: "dag", DatePrecision.MONTH: "maned", DatePrecision.YEAR: "ar"}


def place(county: County | None) -> dict | None:
    return {"nummer": county.number, "navn": county.name} if county else None


def municipality_record(municipality: Municipality | None) -> dict | None:
    if municipality is None:
        return None
    return {
        "nummer": municipality.number,
        "navn": municipality.name,
        "fylke": place(municipality.county),
    }


def organisation_ref(organisation: Organisation) -> dict:
    return {
        "id": organisation.pk,
        "navn": organisation.name,
        "url": absolute_url(organisation.get_absolute_url()),
        "api_url": absolute_url(reverse("api:organisation_detail", args=[organisation.pk])),
    }


def organisation_record(organisation: Organisation, initiative_count: int) -> dict:
    """Needs ``Organisation.objects.with_place()``."""
    ministry = organisation.parent_ministry
    return {
        **organisation_ref(organisation),
        "type": organisation.kind,
        "kortnavn": organisation.short_name,
        "organisasjonsnummer": organisation.organisation_number,
        "kommune": municipality_record(organisation.municipality),
        "fylke": place(organisation.place),
        "departement": organisation_ref(ministry) if ministry else None,
        "beskrivelse": organisation.description,
        "nettsted": organisation.website,
        "antall_tiltak": initiative_count,
    }


def _contact(initiative: Initiative) -> dict | None:
    """Only what the organisation published (the HTML page shows the same)."""
    if not initiative.publish_contact or not initiative.contact_name:
        return None
    return {
        "navn": initiative.contact_name,
        "epost": initiative.contact_email,
        "telefon": initiative.contact_phone,
    }


def measure_link(initiative: Initiative) -> dict:
    return {
        "id": initiative.pk,
        "tittel": initiative.title,
        "url": absolute_url(initiative.get_absolute_url()),
        "api_url": absolute_url(reverse("api:initiative_detail", args=[initiative.pk])),
    }


def _connections(initiative: Initiative) -> dict:
    """Connections to other published measures only."""
    found = public_connections(initiative)
    return {
        "bygger_pa": [measure_link(c.measure) for c in found.builds_on],
        "provd_videre_av": [measure_link(c.measure) for c in found.built_upon_by],
        "samme_nettverk": [
            {**measure_link(c.measure), "nettverk": c.network_name} for c in found.networks
        ],
    }


def _number(value) -> float | None:
    return None if value is None else float(value)


def indicator_record(indicator: Indicator) -> dict:
    return {
        "navn": indicator.name,
        "enhet": indicator.unit,
        "verdi_for": _number(indicator.baseline_value),
        "dato_for": indicator.baseline_date,
        "siste_verdi": _number(indicator.latest_value),
        "siste_dato": indicator.latest_date,
        "kilde": indicator.source,
    }


def evidence_record(methods) -> dict:
    """How the effect was judged: the methods ticked, and the label of the strongest."""
    evidence = evidence_of(methods)
    return {
        "metoder": list(methods),
        "evidens": evidence.method if evidence else None,
        "evidens_etikett": evidence.label if evidence else None,
    }


def reporting_removed_record(removals) -> dict:
    return {
        "krav": [
            {
                "krav": removal.requirement,
                "endring": removal.change,
                "krevd_av": removal.required_by,
                "krevd_av_navn": removal.required_by_name,
                "hyppighet": removal.frequency,
                "timer_per_ar": removal.hours_per_year,
                "gitt_tilbake_til": removal.given_back_to,
            }
            for removal in removals
        ],
        "timer_per_ar_sum": total_hours(removals),
    }


def initiative_record(initiative: Initiative) -> dict:
    """Needs ``initiatives()`` (for what it selects and prefetches)."""
    organisation = initiative.organisation
    ministry = organisation.parent_ministry
    return {
        "id": initiative.pk,
        "url": absolute_url(initiative.get_absolute_url()),
        "tittel": initiative.title,
        "sammendrag": initiative.summary,
        "beskrivelse": initiative.description,
        "organisasjon": organisation_ref(organisation),
        "partnere": [organisation_ref(partner) for partner in initiative.partners.all()],
        "deltakende_organisasjoner": [
            organisation_ref(participant)
            for participant in initiative.participating_organisations.all()
        ],
        "ansvarlige_departementer": [
            organisation_ref(ministry) for ministry in initiative.responsible_ministries.all()
        ],
        "type": initiative.kind,
        "sektor": initiative.sector,
        "fokusomrader": [
            {
                "nummer": link.focus_area.number,
                "slug": link.focus_area.slug,
                "navn": link.focus_area.name,
                "navn_per_sprak": names_by_language(link.focus_area.slug, link.focus_area.name),
                "primaer": link.is_primary,
            }
            for link in initiative.focus_area_links.all()
        ],
        "annet_omrade": initiative.other_focus_area,
        "tillitsrelasjoner": list(initiative.trust_relations),
        "status": initiative.lifecycle_status,
        "startdato": initiative.start_date,
        "startdato_presisjon": PRECISION_CODES[initiative.start_precision],
        "sluttdato": initiative.end_date,
        "sluttdato_presisjon": PRECISION_CODES[initiative.end_precision],
        "startet_for_reformen": initiative.started_before_reform,
        "deltakere": list(initiative.participants),
        "unntak_fra": initiative.exemption_from,
        "mal": {
            "ressurser": initiative.goal_resources,
            "aktiviteter": initiative.goal_activities,
            "resultater": initiative.goal_outputs,
            "brukereffekter": initiative.goal_user_effects,
            "samfunnseffekter": initiative.goal_societal_effects,
        },
        "medvirkning": {
            "vurdering": initiative.union_assessment,
            "fagforening": initiative.union_assessment_union,
            "kommentar": initiative.union_assessment_text,
        },
        "kommune": municipality_record(organisation.municipality),
        "fylke": place(organisation.place),
        "departement": organisation_ref(ministry) if ministry else None,
        "kontakt": _contact(initiative),
        "lenker": list(initiative.links),
        "vedlegg": [
            {
                "navn": attachment.original_name,
                "type": attachment.content_type,
                "storrelse": attachment.size,
                "url": absolute_url(attachment.get_absolute_url()),
            }
            for attachment in initiative.attachments.all()
        ],
        "erfaringer": [
            {
                "id": report.pk,
                "tittel": report.title,
                "url": absolute_url(report.get_absolute_url()),
            }
            for report in initiative.public_reports
        ],
        **_connections(initiative),
        "effekt": {
            **evidence_record(initiative.evidence_methods),
            "indikatorer": [indicator_record(i) for i in measure_indicators(initiative)],
        },
        "rapportering_fjernet": reporting_removed_record(initiative.reporting_removed.all()),
        "publisert": initiative.published_at,
        "oppdatert": initiative.updated_at,
    }


def report_record(report: ExperienceReport) -> dict:
    """Needs ``reports()``. A report's contact is part of what its organisation published."""
    initiative = report.initiative
    contact = None
    if report.contact_name:
        contact = {"navn": report.contact_name, "epost": report.contact_email}
    return {
        "id": report.pk,
        "url": absolute_url(report.get_absolute_url()),
        "tittel": report.title,
        "sammendrag": report.summary,
        "hva_ble_gjort": report.what_was_done,
        "hva_virket": report.what_worked,
        "hva_virket_ikke": report.challenges,
        "suksessfaktorer": report.success_conditions,
        "rad": report.advice,
        "overforbarhet": report.transferability,
        "om_overforbarhet": report.transferability_note,
        "resultater": report.outcomes,
        "kontakt": contact,
        "tiltak": measure_link(initiative),
        "organisasjon": organisation_ref(initiative.organisation),
        "effekt": {
            **evidence_record(report.evidence_methods),
            "indikatorer": [indicator_record(i) for i in report.indicators.all()],
        },
        "publisert": report.published_at,
        "oppdatert": report.updated_at,
    }
