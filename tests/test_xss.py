"""Hostile text in every free-text field of measures, experience reports and comments is
shown as text: no script runs, no event attribute, no javascript: or data: link, and broken
HTML does not break the page around it."""

from html.parser import HTMLParser

import pytest

from initiatives.models import GOAL_FIELDS, Comment, ExperienceReport, Initiative
from initiatives.models.experience import WRITTEN_FIELDS
from initiatives.services import comments

from .factories import ExperienceReportFactory, InitiativeFactory

pytestmark = pytest.mark.django_db

CORPUS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    '<a href="javascript:alert(3)">klikk</a>',
    "[lenke](javascript:alert(4))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==)",
    '"><svg onload=alert(6)>',
    "</textarea></title><script>alert(7)</script>",
    "<div style=\"background:url('javascript:alert(8)')\">",
    "<iframe src=//example.com></iframe>",
    "<<b>ufullstendig <i>html",
    "{{ request.user }} {% csrf_token %}",
    '[x](JaVaScRiPt:alert(9)) <https://ok.example.no/"onmouseover="alert(10)>',
]
PAYLOAD = " ".join(CORPUS)
FOREIGN_TAGS = {"img", "svg", "iframe", "object", "embed", "math", "style", "base"}
MEASURE_TEXT_FIELDS = [
    "title",
    "summary",
    "description",
    "other_focus_area",
    "exemption_from",
    *GOAL_FIELDS,
    "contact_name",
    "contact_phone",
    "union_assessment_text",
    "union_assessment_union",
    "review_note",
]
REPORT_TEXT_FIELDS = [
    *(name for name in WRITTEN_FIELDS if name != "transferability"),
    "contact_name",
]


class DangerFinder(HTMLParser):
    """Collects anything in a page that could run script."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and "nonce" not in attributes:
            self.found.append(f"<script> without the page's nonce: {attrs}")
        # the page's own drawings (the map: templates/includes/area_map.html) are named so
        own_drawing = tag == "svg" and attributes.get("class", "").startswith("area-map__")
        if tag in FOREIGN_TAGS and not own_drawing:
            self.found.append(f"<{tag}> from the content")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"event attribute {name} on <{tag}>")
            if name in ("href", "src", "action", "formaction") and value:
                scheme = value.strip().lower().replace("\t", "").replace("\n", "")
                if scheme.startswith(("javascript:", "data:", "vbscript:")):
                    self.found.append(f"{name}={value!r} on <{tag}>")
            if name == "style" and "javascript" in (value or "").lower():
                self.found.append(f"style with javascript on <{tag}>")


def _dangers(html: str) -> list[str]:
    finder = DangerFinder()
    finder.feed(html)
    return finder.found


def _hostile(value_length: int) -> str:
    return PAYLOAD[:value_length]


def _fill(obj, fields):
    for name in fields:
        field = obj._meta.get_field(name)
        setattr(obj, name, _hostile(field.max_length or 10_000))
    obj.save()


def test_the_corpus_is_dangerous_when_not_escaped():
    assert _dangers(PAYLOAD), "the checker must catch the raw corpus"


def test_hostile_text_everywhere_renders_inert(client, people, bergen):
    measure = InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        publish_contact=True,
        union_assessment="bekreftet",
    )
    _fill(measure, MEASURE_TEXT_FIELDS)
    report = ExperienceReportFactory(initiative=measure, workflow_status="publisert")
    _fill(report, REPORT_TEXT_FIELDS)
    root = comments.comment_create(target=measure, by=people["tillitsvalgt"], body=PAYLOAD)
    comments.comment_create(parent=root, by=people["leder"], body=PAYLOAD)
    comments.comment_create(target=report, by=people["tillitsvalgt"], body=PAYLOAD)
    comments.comment_flag(comment=root, by=people["leder"], reason="spam", note=PAYLOAD[:500])
    assert Initiative.objects.get(pk=measure.pk).title.startswith("<script>")
    assert ExperienceReport.objects.get(pk=report.pk).summary.startswith("<script>")
    assert Comment.objects.count() == 3

    pages = [
        measure.get_absolute_url(),
        report.get_absolute_url(),
        "/tiltak/",
        "/tiltak/?q=alert",
        "/erfaringer/",
        "/fokusomrader/mindre-rapportering/",
        f"/organisasjoner/{bergen.pk}/",
    ]
    members_pages = [f"/kommentarer/{root.pk}/svar/", "/mitt/", "/mitt/varsler/"]
    for role, extra in (
        ("anonymous", []),
        ("leder", members_pages),
        ("redaktor", [*members_pages, "/moderering/", f"/moderering/{root.pk}/"]),
    ):
        client.logout()
        if people[role]:
            client.force_login(people[role])
        for url in pages + extra:
            response = client.get(url)
            assert response.status_code == 200, (role, url)
            html = response.content.decode()
            assert not _dangers(html), (role, url, _dangers(html))
    client.force_login(people["leder"])
    html = client.get(measure.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown as text, not dropped
