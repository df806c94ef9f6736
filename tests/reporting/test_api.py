"""The open data API: published content only, the overview's filters, paging, validators,
CORS, the rate limit, the OpenAPI schema and the pages about the data."""

import json
from datetime import date

import pytest

from initiatives.models import Comment
from initiatives.overview.registry import FACETS
from initiatives.services import experience_publish, initiative_publish
from reporting.api.endpoints import Filters
from reporting.api.views import PARAMETERS
from tillit.accounts.models import Organisation

from ..factories import ExperienceReportFactory, InitiativeFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

LIST_URLS = [
    "/api/v1/tiltak/",
    "/api/v1/erfaringer/",
    "/api/v1/fokusomrader/",
    "/api/v1/organisasjoner/",
    "/api/v1/kommuner/",
    "/api/v1/fylker/",
    "/api/v1/departementer/",
]


@pytest.fixture
def content(bergen, ministry, people):
    """Published measures in Bergen and Oslo and at an agency, one in each other state, and
    reports in each state; contact details published on one measure only."""
    oslo = Organisation.objects.get(municipality_id="0301")
    agency = OrganisationFactory(name="Testdirektoratet", parent_ministry=ministry)
    made = {
        "bergen": InitiativeFactory(
            organisation=bergen,
            workflow_status="publisert",
            title="Færre skjema i hjemmetjenesten",
            areas=["mindre-rapportering", "faglig-frihet"],
            contact_name="Kari Kontakt",
            contact_email="kari.kontakt@bergen.kommune.no",
            publish_contact=True,
            created_by=people["ansatt"],
        ),
        "oslo": InitiativeFactory(
            organisation=oslo,
            workflow_status="publisert",
            kind="prosjekt",
            title="Tillitsvalgte med i turnusarbeidet",
            areas=["medbestemmelse"],
            contact_name="Hemmelig Person",
            contact_email="skjult@oslo.kommune.no",
            publish_contact=False,
        ),
        "agency": InitiativeFactory(
            organisation=agency,
            workflow_status="publisert",
            kind="tildelingsbrev",
            title="Kortere tildelingsbrev",
            areas=["styring-og-samordning"],
            union_assessment="bekreftet",
        ),
        "draft": InitiativeFactory(organisation=bergen, title="Hemmelig utkast"),
        "pending": InitiativeFactory(
            organisation=bergen, workflow_status="til_godkjenning", title="Venter på leder"
        ),
        "archived": InitiativeFactory(
            organisation=bergen, workflow_status="arkivert", title="Arkivert tiltak"
        ),
    }
    made["report"] = experience_publish(
        report=ExperienceReportFactory(
            initiative=made["bergen"],
            workflow_status="til_godkjenning",
            title="Dette lærte vi i Bergen",
            created_by=people["ansatt"],
        ),
        by=people["leder"],
    )
    made["report_draft"] = ExperienceReportFactory(
        initiative=made["bergen"], title="Upublisert erfaring"
    )
    made["report_of_draft"] = ExperienceReportFactory(
        initiative=made["draft"], workflow_status="publisert", title="Erfaring fra utkast"
    )
    return made


def _titles(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {row["tittel"] for row in response.json()["resultater"]}


def test_measures_list_has_published_only(client, content):
    titles = _titles(client.get("/api/v1/tiltak/"))
    assert titles == {
        "Færre skjema i hjemmetjenesten",
        "Tillitsvalgte med i turnusarbeidet",
        "Kortere tildelingsbrev",
    }


def test_overview_base_hides_archived_and_unpublished_from_the_anonymous(content):
    from django.contrib.auth.models import AnonymousUser

    from initiatives.overview.selectors import overview_base

    shown = set(overview_base(AnonymousUser()).values_list("workflow_status", flat=True))
    assert shown == {"publisert"}


def test_initiative_detail_of_anything_unpublished_is_404(client, content):
    for name in ("draft", "pending", "archived"):
        response = client.get(f"/api/v1/tiltak/{content[name].pk}/")
        assert response.status_code == 404, name
        assert response.json()["melding"]
    assert client.get("/api/v1/tiltak/999999/").status_code == 404


def test_signed_in_members_still_get_the_public_view(client, content, people):
    client.force_login(people["leder"])
    assert "Hemmelig utkast" not in _titles(client.get("/api/v1/tiltak/"))
    assert client.get(f"/api/v1/tiltak/{content['draft'].pk}/").status_code == 404


def test_initiative_detail_has_the_public_fields(client, content):
    record = client.get(f"/api/v1/tiltak/{content['bergen'].pk}/").json()
    assert record["id"] == content["bergen"].pk
    assert record["url"] == "http://127.0.0.1:8000" + content["bergen"].get_absolute_url()
    assert record["organisasjon"]["navn"] == "Bergen kommune"
    assert record["kommune"] == {
        "nummer": "4601",
        "navn": "Bergen",
        "fylke": {"nummer": "46", "navn": "Vestland"},
    }
    assert [area["slug"] for area in record["fokusomrader"]] == [
        "mindre-rapportering",
        "faglig-frihet",
    ]
    assert record["fokusomrader"][0]["primaer"] is True
    assert record["kontakt"]["epost"] == "kari.kontakt@bergen.kommune.no"
    assert [report["tittel"] for report in record["erfaringer"]] == ["Dette lærte vi i Bergen"]
    for hidden in ("created_by", "review_note", "union_assessed_by", "workflow_status"):
        assert hidden not in record


def test_contact_details_only_when_published(client, content):
    record = client.get(f"/api/v1/tiltak/{content['oslo'].pk}/").json()
    assert record["kontakt"] is None
    body = client.get("/api/v1/tiltak/").content.decode()
    assert "skjult@oslo.kommune.no" not in body and "Hemmelig Person" not in body


def test_reports_list_and_detail_have_published_only(client, content):
    assert _titles(client.get("/api/v1/erfaringer/")) == {"Dette lærte vi i Bergen"}
    record = client.get(f"/api/v1/erfaringer/{content['report'].pk}/").json()
    assert record["tiltak"]["id"] == content["bergen"].pk
    assert record["hva_virket_ikke"] == content["report"].challenges
    for name in ("report_draft", "report_of_draft"):
        assert client.get(f"/api/v1/erfaringer/{content[name].pk}/").status_code == 404


def _every_body(client, content) -> str:
    urls = [*LIST_URLS, "/api/v1/schema/", "/api/v1/katalog.jsonld"]
    urls += [f"/api/v1/tiltak/{content[n].pk}/" for n in ("bergen", "oslo", "agency")]
    urls += [f"/api/v1/erfaringer/{content['report'].pk}/"]
    urls += [f"/api/v1/organisasjoner/{content['bergen'].organisation_id}/"]
    bodies = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        bodies.append(response.content.decode())
    return "\n".join(bodies)


def test_comments_never_appear(client, content, people):
    from initiatives.services.comments import comment_create

    comment_create(
        by=people["tillitsvalgt"], target=content["bergen"], body="Kommentar-som-ikke-skal-ut"
    )
    comment_create(
        by=people["tillitsvalgt"], target=content["report"], body="Rapportkommentar-hemmelig"
    )
    assert Comment.objects.count() == 2
    body = _every_body(client, content)
    assert "Kommentar-som-ikke-skal-ut" not in body
    assert "Rapportkommentar-hemmelig" not in body


def test_no_user_emails_or_unpublished_titles_anywhere(client, content, people):
    body = _every_body(client, content)
    for person in people.values():
        if person is not None:
            assert person.email not in body
    for title in ("Hemmelig utkast", "Venter på leder", "Arkivert tiltak", "Upublisert erfaring"):
        assert title not in body


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("fylke=46", {"Færre skjema i hjemmetjenesten"}),
        ("kommune=0301", {"Tillitsvalgte med i turnusarbeidet"}),
        ("fokusomrade=medbestemmelse", {"Tillitsvalgte med i turnusarbeidet"}),
        ("fokusomrade=medbestemmelse&fokusomrade=faglig-frihet", None),
        ("type=tildelingsbrev", {"Kortere tildelingsbrev"}),
        ("departement=KDD", {"Kortere tildelingsbrev"}),
        ("bekreftet=ja", {"Kortere tildelingsbrev"}),
        ("erfaring=ja", {"Færre skjema i hjemmetjenesten"}),
        # another form of the title's word (every measure's summary here says "skjema")
        ("q=hjemmetjenestene", {"Færre skjema i hjemmetjenesten"}),
        ("q=tildelingsbrevene", {"Kortere tildelingsbrev"}),
    ],
)
def test_filters_select_like_the_overview(client, content, query, expected):
    if expected is None:
        expected = {"Færre skjema i hjemmetjenesten", "Tillitsvalgte med i turnusarbeidet"}
    assert _titles(client.get(f"/api/v1/tiltak/?{query}")) == expected


def test_report_filters_follow_their_measure(client, content):
    assert _titles(client.get("/api/v1/erfaringer/?fylke=46")) == {"Dette lærte vi i Bergen"}
    assert _titles(client.get("/api/v1/erfaringer/?fylke=03")) == set()


@pytest.mark.parametrize(
    "query",
    [
        "fylke=99",
        "kommune=abcd&fylke=46",
        "side=abc",
        "side=0",
        "side=-1",
        "sortering=hemmelig",
        "aar=tusen",
        "q=%00%01",
        "q=" + "x" * 500,
        "fokusomrade=" + "%C3%A6" * 40,
        "bekreftet=kanskje&erfaring=nei",
        "q=%22uavsluttet",
    ],
)
def test_invalid_values_never_break_it(client, content, query):
    for url in ("/api/v1/tiltak/", "/api/v1/erfaringer/", "/api/v1/organisasjoner/"):
        response = client.get(f"{url}?{query}")
        assert response.status_code in (200, 422), (url, query, response.content)


def test_invalid_filter_values_are_named_and_the_rest_apply(client, content):
    data = client.get("/api/v1/tiltak/?fylke=99&type=prosjekt&sortering=tull").json()
    assert data["ignorert"] == ["fylke=99", "sortering=tull"]
    assert {row["tittel"] for row in data["resultater"]} == {"Tillitsvalgte med i turnusarbeidet"}


def test_the_validated_parameters_select_and_repeats_count_as_on_the_page(client, content):
    """The lists read the parameters the API validated; a facet repeats as in /tiltak/."""
    data = client.get("/api/v1/tiltak/?erfaring=ja&erfaring=nei").json()
    assert data["ignorert"] == ["erfaring=nei"]
    assert {row["tittel"] for row in data["resultater"]} == {"Færre skjema i hjemmetjenesten"}


def test_the_api_parameters_are_the_registry_facets():
    """A facet declared in the registry is a repeatable parameter of the API's lists, and
    the documentation page describes it."""
    names = [facet.name for facet in FACETS]
    assert set(Filters.model_fields) == {"q", "sortering", "side", *names}
    assert {name: Filters.model_fields[name].annotation for name in names} == dict.fromkeys(
        names, list[str]
    )
    assert set(names) <= {name for name, _text in PARAMETERS}


def test_paging(client, bergen):
    for number in range(53):
        InitiativeFactory(
            organisation=bergen, workflow_status="publisert", title=f"Tiltak {number:02}"
        )
    first = client.get("/api/v1/tiltak/?sortering=tittel&fylke=46").json()
    assert (first["antall"], first["side"], first["sider"]) == (53, 1, 2)
    assert len(first["resultater"]) == 50
    assert first["forrige"] is None
    assert first["neste"].startswith("http://127.0.0.1:8000/api/v1/tiltak/?")
    assert "fylke=46" in first["neste"] and "side=2" in first["neste"]
    second = client.get(first["neste"].removeprefix("http://127.0.0.1:8000")).json()
    assert [row["tittel"] for row in second["resultater"]] == [
        "Tiltak 50",
        "Tiltak 51",
        "Tiltak 52",
    ]
    assert second["neste"] is None and "side=1" in second["forrige"]
    ids = [row["id"] for row in first["resultater"] + second["resultater"]]
    assert len(set(ids)) == 53
    past = client.get("/api/v1/tiltak/?sortering=tittel&side=7").json()
    assert past["side"] == 2 and "side=7" in past["ignorert"]


def test_reference_lists(client, content):
    municipalities = client.get("/api/v1/kommuner/").json()
    assert municipalities["antall"] == 357
    bergen = next(row for row in municipalities["resultater"] if row["nummer"] == "4601")
    assert bergen["fylke"] == {"nummer": "46", "navn": "Vestland"}
    assert client.get("/api/v1/fylker/").json()["antall"] == 15
    areas = client.get("/api/v1/fokusomrader/").json()["resultater"]
    assert [area["nummer"] for area in areas] == [1, 2, 3, 4, 5, 6, 7]
    counts = {area["slug"]: area["antall_tiltak"] for area in areas}
    assert counts["mindre-rapportering"] == 1  # the draft, pending and archived don't count
    ministries = client.get("/api/v1/departementer/").json()["resultater"]
    assert "KDD" in {row["kortnavn"] for row in ministries}


def test_organisations(client, content, bergen):
    data = client.get("/api/v1/organisasjoner/?type=kommune").json()
    assert data["antall"] == 357
    assert {row["type"] for row in data["resultater"]} == {"kommune"}
    record = client.get(f"/api/v1/organisasjoner/{bergen.pk}/").json()
    assert record["antall_tiltak"] == 1
    assert record["kommune"]["nummer"] == "4601"
    agency = client.get(f"/api/v1/organisasjoner/{content['agency'].organisation_id}/").json()
    assert agency["departement"]["navn"] == "Kommunal- og distriktsdepartementet"


def test_etag_and_last_modified_give_304_until_something_is_published(client, content, people):
    first = client.get("/api/v1/tiltak/")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag.startswith('W/"') and modified
    again = client.get("/api/v1/tiltak/", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag
    since = client.get("/api/v1/tiltak/", headers={"If-Modified-Since": modified})
    assert since.status_code == 304
    # editing a draft reveals nothing
    content["draft"].title = "Endret utkast"
    content["draft"].save()
    assert client.get("/api/v1/tiltak/", headers={"If-None-Match": etag}).status_code == 304

    initiative_publish(initiative=content["pending"], by=people["leder"])
    changed = client.get("/api/v1/tiltak/", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert "Venter på leder" in _titles(changed)


def test_licence_in_every_answer(client, content):
    for url in [*LIST_URLS, f"/api/v1/tiltak/{content['bergen'].pk}/", "/api/v1/schema/"]:
        response = client.get(url)
        assert response["Link"] == '<https://data.norge.no/nlod/no/2.0>; rel="license"', url
    for url in LIST_URLS:
        assert client.get(url).json()["lisens"] == "https://data.norge.no/nlod/no/2.0"


def test_cors_allows_every_origin_for_the_api_only(client, content):
    response = client.get("/api/v1/tiltak/", headers={"Origin": "https://data.example.org"})
    assert response["Access-Control-Allow-Origin"] == "*"
    page = client.get("/tiltak/", headers={"Origin": "https://data.example.org"})
    assert "Access-Control-Allow-Origin" not in page


def test_rate_limit_answers_429_with_retry_after(client, settings):
    settings.API_RATE_LIMIT = (3, 60)
    address = {"REMOTE_ADDR": "192.0.2.44"}
    for _ in range(3):
        assert client.get("/api/v1/fylker/", **address).status_code == 200
    response = client.get("/api/v1/fylker/", **address)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert response.json()["vent_sekunder"] == int(response["Retry-After"])
    assert response.json()["melding"]
    assert client.get("/api/v1/schema/", **address).status_code == 429
    # another address has its own count
    assert client.get("/api/v1/fylker/", REMOTE_ADDR="192.0.2.45").status_code == 200


def test_rate_limit_behind_a_proxy_counts_each_client(client, settings):
    settings.API_RATE_LIMIT = (2, 60)
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(2):
        assert (
            client.get("/api/v1/fylker/", HTTP_X_FORWARDED_FOR="192.0.2.60", **proxy).status_code
            == 200
        )
    assert (
        client.get("/api/v1/fylker/", HTTP_X_FORWARDED_FOR="192.0.2.60", **proxy).status_code == 429
    )
    # a client can't reset its count by writing its own X-Forwarded-For entry
    spoofed = client.get("/api/v1/fylker/", HTTP_X_FORWARDED_FOR="1.2.3.4, 192.0.2.60", **proxy)
    assert spoofed.status_code == 429
    assert (
        client.get("/api/v1/fylker/", HTTP_X_FORWARDED_FOR="192.0.2.61", **proxy).status_code == 200
    )


def test_schema_is_openapi_3_with_every_path(client):
    from schemathesis.specs.openapi.definitions import OPENAPI_31_VALIDATOR

    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    schema = response.json()
    OPENAPI_31_VALIDATOR.validate(schema)  # the OpenAPI 3.1 meta-schema
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["license"]["url"] == "https://data.norge.no/nlod/no/2.0"
    assert set(schema["paths"]) == {
        "/api/v1/tiltak/",
        "/api/v1/tiltak/{pk}/",
        "/api/v1/erfaringer/",
        "/api/v1/erfaringer/{pk}/",
        "/api/v1/fokusomrader/",
        "/api/v1/organisasjoner/",
        "/api/v1/organisasjoner/{pk}/",
        "/api/v1/kommuner/",
        "/api/v1/fylker/",
        "/api/v1/departementer/",
        "/api/v1/forsok/",
        "/api/v1/forsok/{pk}/",
    }
    parameters = {p["name"] for p in schema["paths"]["/api/v1/tiltak/"]["get"]["parameters"]}
    assert {"q", "fokusomrade", "fylke", "kommune", "side", "sortering"} <= parameters


def test_pages_about_the_data(client, content):
    about = client.get("/api/v1/")
    assert about.status_code == 200
    page = about.content.decode()
    assert "https://data.norge.no/nlod/no/2.0" in page
    assert "/tiltak/eksport.csv" in page and "/tiltak/eksport.xlsx" in page
    assert 'type="application/ld+json"' in page
    docs = client.get("/api/v1/dokumentasjon/")
    assert docs.status_code == 200
    text = docs.content.decode()
    assert "/api/v1/schema/" in text and "fokusomrade" in text and "mindre-rapportering" in text


def test_dates_precision_has_norwegian_codes_documented(client):
    initiative = InitiativeFactory(
        workflow_status="publisert",
        start_date=date(2024, 3, 1),
        start_precision="month",
        end_date=date(2025, 1, 1),
        end_precision="year",
    )
    record = client.get(f"/api/v1/tiltak/{initiative.pk}/").json()
    assert (record["startdato_presisjon"], record["sluttdato_presisjon"]) == ("maned", "ar")
    schema = client.get("/api/v1/schema/").json()["components"]["schemas"]["Tiltak"]
    assert schema["properties"]["sluttdato_presisjon"]["enum"] == ["dag", "maned", "ar"]
    client.cookies["django_language"] = "nb"
    docs = client.get("/api/v1/dokumentasjon/").content.decode()
    part = docs.split("<code>startdato_presisjon</code>")[1].split("</table>")[0]
    for code, meaning in [("dag", "Dag"), ("maned", "Måned"), ("ar", "År")]:
        assert f'<tr><th scope="row"><code>{code}</code></th><td>{meaning}</td></tr>' in part


def test_dcat_catalogue_parses_and_names_the_licence(client, content):
    response = client.get("/api/v1/katalog.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    catalogue = json.loads(response.content)
    assert catalogue["@type"] == "dcat:Catalog"
    assert catalogue["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    assert catalogue["dct:license"] == {"@id": "https://data.norge.no/nlod/no/2.0"}
    assert catalogue["dct:publisher"]["foaf:name"]["@value"]
    measures = catalogue["dcat:dataset"][0]
    assert measures["@type"] == "dcat:Dataset"
    urls = {item["dcat:accessURL"]["@id"] for item in measures["dcat:distribution"]}
    assert urls == {
        "http://127.0.0.1:8000/api/v1/tiltak/",
        "http://127.0.0.1:8000/tiltak/eksport.csv",
        "http://127.0.0.1:8000/tiltak/eksport.xlsx",
    }
    for item in measures["dcat:distribution"]:
        assert item["dct:license"] == {"@id": "https://data.norge.no/nlod/no/2.0"}
    assert {text["@language"] for text in measures["dct:title"]} == {"nb", "nn", "en"}


def test_contact_address_is_the_operators_setting(client, settings):
    settings.OPEN_DATA_CONTACT_EMAIL = "opne.data@example.no"
    catalogue = json.loads(client.get("/api/v1/katalog.jsonld").content)
    contact = catalogue["dcat:dataset"][0]["dcat:contactPoint"]
    assert contact["vcard:hasEmail"] == {"@id": "mailto:opne.data@example.no"}
    assert "mailto:opne.data@example.no" in client.get("/api/v1/").content.decode()


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def test_dcat_catalogue_uses_only_declared_prefixes_and_absolute_ids(client):
    catalogue = json.loads(client.get("/api/v1/katalog.jsonld").content)
    prefixes = set(catalogue["@context"])
    for node in _walk(catalogue):
        for key, value in node.items():
            if key == "@context":
                continue
            if not key.startswith("@"):
                assert key.split(":")[0] in prefixes, key
            if key in ("@id", "@type") and isinstance(value, str):
                assert value.split(":")[0] in prefixes | {"http", "https", "mailto"}, value


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/tiltak/",
        "/api/v1/tiltak/?q=skjema&fylke=46",
        "/api/v1/erfaringer/",
        "/api/v1/organisasjoner/",
        "/api/v1/fokusomrader/",
        "/api/v1/kommuner/",
    ],
)
def test_list_query_budget(client, bergen, ministry, url, django_assert_max_num_queries):
    """A fixed number of queries whatever the page holds. Of the budget, about twelve are the
    rate-limit counter in the database cache (one or two round trips with Redis); the first
    request of a process also loads the reference data, so the budget is for the rest."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    partner = OrganisationFactory()

    def add(count):
        for _ in range(count):
            measure = InitiativeFactory(
                organisation=bergen,
                workflow_status="publisert",
                areas=["mindre-rapportering", "medbestemmelse"],
            )
            measure.partners.add(partner)
            measure.participating_organisations.add(partner)
            measure.responsible_ministries.add(ministry)
            ExperienceReportFactory(initiative=measure, workflow_status="publisert")

    add(3)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    add(40)
    # 22 before measures named participants and responsible ministries (a query each), 24
    # before their connections to other measures (a query each way), 26 before their
    # indicators and reporting removed (a query each)
    with django_assert_max_num_queries(28):
        response = client.get(url)
    assert response.status_code == 200
    assert response.json()["antall"] >= 7
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert _data_queries(many) == _data_queries(few)


def _data_queries(captured) -> int:
    """Queries for the data, not the rate-limit counter in the database cache, which takes a
    different path (with its own savepoints) when a new minute's window starts."""
    return sum(
        "tillit_cache" not in query["sql"] and "SAVEPOINT" not in query["sql"]
        for query in captured.captured_queries
    )
