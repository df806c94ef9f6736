"""The map (/tiltak/kart/, the statistics, the focus areas' pages): an SVG area per county or
municipality with its count, a title and a link to the overview narrowed to it, counted over
owners and participants under the overview's filters, with the same data as a sortable table."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from tillit.accounts.models import Organisation

from ..factories import InitiativeFactory

pytestmark = pytest.mark.django_db

# an area of the drawing: its link (out of the tab order), its shape and its title
AREA = re.compile(
    r'<a href="(?P<url>[^"]+)" tabindex="-1"><path d="(?P<d>[^"]+)" fill="#[0-9a-f]{6}"'
    r'(?: id="kart-\d+")?>'
    r"<title>(?P<title>[^<]+)</title></path></a>"
)
ROW = re.compile(
    r'<tr><th scope="row"><a class="ds-link" href="([^"]+)">([^<]+)</a></th>'
    r'<td class="number">(\d+)</td></tr>'
)


def _kommune(number: str) -> Organisation:
    return Organisation.objects.get(kind="kommune", municipality_id=number)


@pytest.fixture
def measures(bergen):
    """Grong's GP service with Lierne and Raarvihke taking part (Trøndelag), two Bergen
    pilots (Vestland) and a Bergen draft that counts for nobody outside Bergen."""
    service = InitiativeFactory(
        organisation=_kommune("5045"),
        workflow_status="publisert",
        kind="prosjekt",
        title="Felles legevakt i indre Namdal",
        areas=["faglig-frihet"],
    )
    service.participating_organisations.add(_kommune("5042"), _kommune("5043"))
    for title in ("Lærerne velger selv kartleggingsprøvene", "Færre skjema i barnehagen"):
        InitiativeFactory(
            organisation=bergen,
            workflow_status="publisert",
            kind="pilot",
            title=title,
            areas=["mindre-rapportering"],
        )
    InitiativeFactory(organisation=bergen, title="Hemmelig utkast", kind="pilot")


def _svg(html: str) -> str:
    """The drawing (an inset is an <svg> inside it), up to the legend below it."""
    start = html.index('<svg class="area-map__svg')
    return html[start : html.rindex("</svg>", start, html.index("<figcaption>", start)) + 6]


def _areas(html: str) -> dict[str, dict]:
    """The drawing's areas by their number (the level's parameter in the link)."""
    areas = {}
    for match in AREA.finditer(_svg(html)):
        query = parse_qs(urlsplit(unescape(match["url"])).query)
        number = (query.get("kommune") or query["fylke"])[0]
        areas[number] = {"url": unescape(match["url"]), "title": unescape(match["title"])}
    return areas


def _rows(html: str) -> list[tuple[str, str, int]]:
    return [(unescape(url), name, int(count)) for url, name, count in ROW.findall(html)]


def test_every_municipality_is_an_area_with_its_count_title_and_link(client, measures):
    html = client.get("/tiltak/kart/?kartnivaa=kommune").content.decode()
    areas = _areas(html)
    assert len(areas) == 357
    # owners and participants: Grong runs the service, Lierne and Raarvihke take part
    assert areas["5045"]["title"] == "Grong: 1 tiltak"
    assert areas["5042"]["title"] == "Lierne: 1 tiltak"
    assert areas["4601"]["title"] == "Bergen: 2 tiltak"
    assert areas["0301"]["title"] == "Oslo: 0 tiltak"
    assert areas["5043"]["url"] == "/tiltak/?kommune=5043"
    assert "Kartverket" in html


def test_the_county_level_is_the_default_and_each_count_is_what_its_link_shows(client, measures):
    html = client.get("/tiltak/kart/?type=pilot").content.decode()
    areas = _areas(html)
    assert len(areas) == 15
    assert areas["46"]["title"] == "Vestland: 2 tiltak"
    assert areas["50"]["title"] == "Trøndelag: 0 tiltak"  # the service is a project
    for url, _name, count in _rows(html):
        assert parse_qs(urlsplit(url).query)["type"] == ["pilot"]  # the filters come along
        assert client.get(url).context["overview"].total == count


def test_links_carry_the_filters_but_not_the_maps_own_parameters(client, measures):
    query = "?q=legevakt&fokusomrade=faglig-frihet&kommune=5045&kartnivaa=kommune&side=2"
    html = client.get("/tiltak/kart/" + query + "&kartsortering=navn").content.decode()
    lierne = parse_qs(urlsplit(_areas(html)["5042"]["url"]).query)
    # the area replaces the level's own selection; the page and the map's choices stay behind
    assert lierne == {"q": ["legevakt"], "fokusomrade": ["faglig-frihet"], "kommune": ["5042"]}
    assert 'href="/tiltak/?q=legevakt&amp;fokusomrade=faglig-frihet&amp;kommune=5045"' in html
    assert 'name="kartnivaa" value="kommune"' in html  # the filter form keeps the level


def test_the_table_sorts_by_links_without_javascript(client, measures):
    names = [name for _url, name, _count in _rows(client.get("/tiltak/kart/").content.decode())]
    assert names[0] == "Vestland" and len(names) == 15  # most measures first
    response = client.get("/tiltak/kart/?kartsortering=navn")
    rows = _rows(response.content.decode())
    assert [name for _url, name, _count in rows][:3] == ["Agder", "Akershus", "Buskerud"]
    assert rows[-1][1] == "Østfold"
    html = response.content.decode()
    assert 'aria-sort="ascending"' in html and 'aria-sort="none"' in html
    # the header links: name Å–A next, and by count keeping the level
    links = response.context["map"].sort_links
    assert "kartsortering=navn-synkende" in links["navn"]
    counts = [c for _u, _n, c in _rows(client.get(links["antall"]).content.decode())]
    assert counts == sorted(counts, reverse=True)
    fewest = client.get("/tiltak/kart/?kartnivaa=kommune&kartsortering=antall-stigende")
    rows = _rows(fewest.content.decode())
    assert len(rows) == 357 and rows[-1][1] == "Bergen"


def test_the_level_switch_keeps_the_filters(client, measures):
    context = client.get("/tiltak/kart/?type=pilot&kartsortering=navn").context
    switch = {control.label: control for control in context["map"].levels}
    assert switch["Fylker"].current and not switch["Kommuner"].current
    assert switch["Kommuner"].url == (
        "/tiltak/kart/?type=pilot&kartsortering=navn&kartnivaa=kommune#kart"
    )


def test_the_overview_and_the_map_link_to_each_other_with_the_filters(client, measures):
    overview = client.get("/tiltak/?type=pilot&side=1").content.decode()
    assert 'href="/tiltak/kart/?type=pilot"' in overview
    html = client.get("/tiltak/kart/?type=pilot&kartnivaa=kommune").content.decode()
    assert 'href="/tiltak/?type=pilot"' in html


def test_the_statistics_and_the_focus_areas_show_the_map_with_its_table(client, measures):
    statistics = client.get("/statistikk/?kartnivaa=kommune").content.decode()
    assert len(_areas(statistics)) == 357 and "Kartverket" in statistics
    assert 'href="/statistikk/?kartnivaa=kommune&amp;kartsortering=navn#kart"' in statistics
    focus = client.get("/fokusomrader/mindre-rapportering/")
    areas = _areas(focus.content.decode())
    assert areas["46"]["title"] == "Vestland: 2 tiltak"
    assert areas["50"]["title"] == "Trøndelag: 0 tiltak"
    assert areas["46"]["url"] == "/tiltak/?fokusomrade=mindre-rapportering&fylke=46"
    assert len(_rows(focus.content.decode())) == 15
    # a member's draft is not on the public pages' maps
    assert "Kartverket" in focus.content.decode()


def test_the_map_stays_under_150_kb_at_the_municipality_level(client, measures):
    query = "?q=skjema&type=pilot&sektor=helse&status=pagar&fokusomrade=faglig-frihet"
    html = client.get(f"/tiltak/kart/{query}&kartnivaa=kommune").content.decode()
    svg = _svg(html)
    assert svg.count("<path") == 357 + 1  # the municipalities, then the counties' borders
    assert len(svg.encode()) < 150_000


def test_bad_map_parameters_fall_back_to_the_defaults(client, measures):
    response = client.get("/tiltak/kart/?kartnivaa=gate&kartsortering=%00&fylke=99")
    assert response.status_code == 200
    assert response.context["map"].level == "fylke"
    assert response.context["map"].sorting == "antall"
    assert 'name="kartnivaa"' not in response.content.decode()  # not kept in the form


def test_the_crowded_municipalities_around_oslo_are_repeated_enlarged(client, measures):
    svg = _svg(client.get("/tiltak/kart/?kartnivaa=kommune").content.decode())
    inset = svg[svg.index('<g class="area-map__inset">') :]
    repeated = re.findall(r'<a href="([^"]+)" tabindex="-1"><use href="#kart-(\d{4})">', inset)
    assert len(repeated) > 20
    for url, number in repeated:  # each copy links as its original and uses its shape
        assert url == f"/tiltak/?kommune={number}"
        assert f' id="kart-{number}"><title>' in svg
    assert {"0301", "3201"} <= {number for _url, number in repeated}  # Oslo, Bærum


def test_map_query_budget(client, measures, people, django_assert_max_num_queries):
    client.force_login(people["leder"])
    client.get("/tiltak/kart/?type=pilot")
    with django_assert_max_num_queries(8):
        response = client.get("/tiltak/kart/?type=pilot&kartnivaa=kommune")
    assert response.status_code == 200
    with django_assert_max_num_queries(12):
        client.get("/tiltak/kart/?q=skjema&fylke=46&kartnivaa=kommune")
