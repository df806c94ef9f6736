"""The editors' audit trail at /revisjonslogg/: who sees it, its filters, its download, and
that every action the code base writes has a label."""

import ast
import csv
import datetime
import io
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings

from initiatives.models import ChangeAction, Comment
from initiatives.services.comments import comment_hide
from initiatives.services.workflow import initiative_publish
from tillit.accounts.models import Membership, Role
from tillit.accounts.services import membership_change
from tillit.core.audit import UnlabelledAuditAction, audit_record
from tillit.core.models import ACTION_LABELS, AuditEvent

from ..factories import PASSWORD, InitiativeFactory

pytestmark = pytest.mark.django_db

URL = "/revisjonslogg/"
EXPORT = "/revisjonslogg/eksport.csv"
OSLO = datetime.timezone(datetime.timedelta(hours=1))  # Oslo's winter time, for fixed dates


@pytest.fixture
def editor(client, people):
    client.cookies["django_language"] = "en"
    client.force_login(people["redaktor"])
    return people["redaktor"]


def _event_at(when: datetime.datetime, **fields) -> AuditEvent:
    """An event recorded at ``when`` (the trail takes its time from the clock)."""
    with mock.patch("django.utils.timezone.now", return_value=when):
        return audit_record(**fields)


def _shown(response) -> list[str]:
    return [event.action for event in response.context["events"]]


# --- who may read it ---------------------------------------------------------------------


def test_editors_read_the_trail_newest_first(client, editor, people):
    first = audit_record(actor=people["leder"], action="organisation.changed")
    second = audit_record(actor=people["ansatt"], action="auth.signed_in")
    response = client.get(URL)
    assert response.status_code == 200
    ids = [event.pk for event in response.context["events"]]
    assert ids.index(second.pk) < ids.index(first.pk)
    assert "Changed the organisation" in response.text
    assert people["leder"].display_name in response.text


@pytest.mark.parametrize("role", ["outsider", "ansatt", "leder", "tillitsvalgt", "departement"])
def test_no_one_but_editors_reads_or_downloads_it(client, people, role):
    audit_record(actor=people["leder"], action="organisation.changed")
    client.force_login(people[role])
    assert client.get(URL).status_code == 404
    assert client.get(EXPORT).status_code == 404
    assert not AuditEvent.objects.filter(action="audit.exported").exists()


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/konto/login/")


def test_my_work_links_to_the_trail_for_editors_only(client, people):
    client.force_login(people["redaktor"])
    assert URL in client.get("/mitt/").text
    client.force_login(people["leder"])
    assert URL not in client.get("/mitt/").text


# --- the issue's events, written by the real code paths ---------------------------------


def test_the_issues_events_appear_with_their_labels(client, people, bergen):
    user = people["ansatt"]
    client.post("/konto/login/", {"login": user.email, "password": "feil-passord"})
    client.post("/konto/login/", {"login": user.email, "password": PASSWORD})
    membership = Membership.objects.get(user=user, organisation=bergen)
    membership_change(
        membership=membership, roles=[Role.ANSATT, Role.LEDER], union_name="", by=people["leder"]
    )
    pending = InitiativeFactory(
        organisation=bergen, workflow_status="til_godkjenning", title="Tillitsmøter i Bergen"
    )
    initiative_publish(initiative=pending, by=people["leder"])
    comment = Comment.objects.create(
        initiative=pending, author=people["tillitsvalgt"], body="Hei", body_html="<p>Hei</p>"
    )
    comment_hide(comment=comment, by=people["redaktor"], reason="Personopplysninger")

    client.cookies["django_language"] = "en"
    client.force_login(people["redaktor"])
    response = client.get(URL)
    shown = _shown(response)
    for code, label in [
        ("auth.sign_in_failed", "Failed sign-in"),
        ("auth.signed_in", "Signed in"),
        ("membership.roles_changed", "Changed roles"),
        ("initiative.published", "Published a measure"),
        ("comment.hidden", "Hid a comment"),
    ]:
        assert code in shown
        assert f"{label}<br>" in response.text
    assert f'href="/tiltak/{pending.pk}/"' in response.text  # the measure links to its page
    assert user.email in response.text  # the failed attempt's address, among the details


def test_unlabelled_codes_are_shown_as_they_are(client, editor):
    AuditEvent.objects.create(action="mfa.something_new")
    assert "mfa.something_new" in client.get(URL).text


def test_details_are_escaped(client, editor, people):
    audit_record(
        actor=people["leder"], action="organisation.changed", details={"note": "<script>x</script>"}
    )
    text = client.get(URL).text
    assert "<script>x</script>" not in text and "&lt;script&gt;x&lt;/script&gt;" in text


# --- filters -----------------------------------------------------------------------------


def test_filter_by_user_name_email_or_attempted_email(client, editor, people):
    leder, ansatt = people["leder"], people["ansatt"]
    by_leader = audit_record(actor=leder, action="organisation.changed")
    by_staff = audit_record(actor=ansatt, action="organisation.changed")
    failed = audit_record(
        actor=None, action="auth.sign_in_failed", details={"attempted_email": "ukjent@eks.no"}
    )

    def shown(value):
        return {e.pk for e in client.get(URL, {"bruker": value}).context["events"]}

    assert shown(leder.display_name) == {by_leader.pk}
    assert shown(ansatt.email.upper()) == {by_staff.pk}
    assert shown("ukjent@") == {failed.pk}


def test_filter_by_several_actions(client, editor, people):
    audit_record(actor=people["leder"], action="organisation.changed")
    audit_record(actor=people["leder"], action="auth.signed_in")
    audit_record(actor=people["leder"], action="auth.signed_out")
    wanted = {"handling": ["auth.signed_in", "auth.signed_out"], "bruker": people["leder"].email}
    response = client.get(URL, wanted)
    assert sorted(_shown(response)) == ["auth.signed_in", "auth.signed_out"]
    assert response.context["page_obj"].paginator.count == 2


def test_the_action_filter_offers_every_label_grouped(client, editor):
    field = client.get(URL).context["filter"].form.fields["handling"]
    offered = {code for _group, options in field.choices for code, _label in options}
    assert offered == set(ACTION_LABELS)
    groups = [group for group, _options in field.choices]
    assert "Sign-in and security" in groups and "Comments and moderation" in groups


def test_filter_by_object_kind_and_text(client, editor, people, bergen):
    measure = InitiativeFactory(organisation=bergen, title="Færre skjema i barnehagen")
    other = InitiativeFactory(organisation=bergen, title="Tillitsbasert ledelse")
    audit_record(actor=people["leder"], action="initiative.edited", obj=measure)
    audit_record(actor=people["leder"], action="initiative.edited", obj=other)
    audit_record(actor=people["leder"], action="organisation.changed", obj=bergen)

    def objects(params):
        return [e.object_repr for e in client.get(URL, params).context["events"]]

    assert sorted(objects({"objekttype": "initiatives.initiative"})) == sorted(
        [measure.title, other.title]
    )
    assert objects({"objekt": "skjema"}) == [measure.title]
    assert objects({"objekt": str(other.pk), "objekttype": "initiatives.initiative"}) == [
        other.title
    ]
    assert objects({"objekttype": "accounts.organisation"}) == [str(bergen)]


def test_filter_by_organisation_and_ip(client, editor, people, bergen, ministry):
    in_bergen = audit_record(
        actor=people["leder"], action="organisation.changed", obj=bergen, organisation_id=bergen.pk
    )
    audit_record(
        actor=people["departement"],
        action="organisation.changed",
        obj=ministry,
        organisation_id=ministry.pk,
    )
    AuditEvent.objects.create(action="auth.signed_in", ip_address="10.1.2.3")
    AuditEvent.objects.create(action="auth.signed_in", ip_address="10.1.2.4")

    response = client.get(URL, {"organisasjon": bergen.pk})
    assert [e.pk for e in response.context["events"]] == [in_bergen.pk]
    assert f'href="/organisasjoner/{bergen.pk}/">{bergen.name}</a>' in response.text
    response = client.get(URL, {"ip": "10.1.2.3"})
    assert [e.ip_address for e in response.context["events"]] == ["10.1.2.3"]


def test_filter_by_days_in_oslo_time(client, editor, people):
    def at(day, hour, minute=0):
        when = datetime.datetime(2026, 3, day, hour, minute, tzinfo=OSLO)
        return _event_at(when, actor=people["leder"], action="organisation.changed").pk

    at(9, 23, 30)
    inside = {at(10, 0, 30), at(10, 23, 59)}
    at(11, 0, 10)
    response = client.get(URL, {"fra": "2026-03-10", "til": "2026-03-10"})
    assert {e.pk for e in response.context["events"]} == inside
    assert "10.3.2026 00:30:00" in response.text  # Norwegian format, Oslo time
    client.cookies["django_language"] = "nb"
    # the Norwegian way of writing a date works too
    response = client.get(URL, {"fra": "10.03.2026", "handling": "organisation.changed"})
    assert response.context["page_obj"].paginator.count == 3


def test_a_start_after_the_end_is_an_error_that_keeps_the_input(client, editor, people):
    audit_record(actor=people["leder"], action="organisation.changed")
    response = client.get(URL, {"fra": "2026-05-17", "til": "2026-05-01", "bruker": "Kari"})
    assert response.status_code == 200
    form = response.context["filter"].form
    assert form.errors["til"] == ["The end date must be on or after the start date."]
    assert "ds-error-summary" in response.text
    assert 'value="Kari"' in response.text and 'value="2026-05-17"' in response.text
    assert response.context["events"] == []


@pytest.mark.parametrize(
    "query",
    [
        "side=abc",
        "side=99999999999999999999",
        "side=-1",
        "fra=not-a-date&til=2026-13-45",
        "fra=0001-01-01&til=9999-12-31",
        "organisasjon=abc",
        "organisasjon=99999999999999999999",
        "organisasjon=-5",
        "handling=no.such.action&handling=",
        "objekttype=%00",
        "objekt=%00",
        "bruker=%00",
        "bruker=" + "x" * 5000,
        "ip=999.1.1.1",
        "ip=%27%3B--",
        "objekt=99999999999999999999999",
        "fra[]=1&til=&&&=",
    ],
)
def test_garbage_parameters_never_break_the_page(client, editor, people, query):
    audit_record(actor=people["leder"], action="organisation.changed")
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    response = client.get(f"{EXPORT}?{query}")
    assert response.status_code in (200, 302)


# --- pagination and query budget ---------------------------------------------------------


def test_a_page_of_fifty_within_the_query_budget(
    client, editor, people, bergen, django_assert_max_num_queries
):
    measure = InitiativeFactory(organisation=bergen)
    AuditEvent.objects.bulk_create(
        AuditEvent(
            actor_id=people["leder"].pk,
            actor_name="Leder",
            action="initiative.edited",
            object_type="initiatives.initiative",
            object_id=str(measure.pk),
            object_repr=measure.title,
            organisation_id=bergen.pk if n % 2 else None,
            ip_address="10.0.0.1",
            details={"fields": ["title", "summary"]},
        )
        for n in range(120)
    )
    with django_assert_max_num_queries(8):
        response = client.get(
            URL, {"side": "2", "organisasjon": "", "handling": "initiative.edited"}
        )
    assert len(response.context["events"]) == settings.AUDIT_LOG_PAGE_SIZE == 50
    assert response.context["page_obj"].paginator.count == 120
    assert "Page 2 of 3" in response.text


# --- the download ------------------------------------------------------------------------


def _csv(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_the_download_is_the_current_filter_and_is_recorded(client, editor, people, bergen):
    audit_record(actor=people["leder"], action="organisation.changed", organisation_id=bergen.pk)
    audit_record(
        actor=None, action="auth.sign_in_failed", details={"attempted_email": "=HYPERLINK(1)"}
    )
    audit_record(actor=people["ansatt"], action="auth.signed_in")
    response = client.get(EXPORT, {"handling": "auth.sign_in_failed", "side": "3"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = _csv(response)
    assert rows[0][:4] == ["Time", "Actor", "Actor id", "Action"]
    assert [row[4] for row in rows[1:]] == ["auth.sign_in_failed"]
    assert rows[1][3] == "Failed sign-in"
    assert rows[1][11] == '{"attempted_email": "=HYPERLINK(1)"}'

    recorded = AuditEvent.objects.get(action="audit.exported")
    assert recorded.actor_id == editor.pk
    assert recorded.details == {"filters": {"handling": ["auth.sign_in_failed"]}}

    # text a spreadsheet would run as a formula is made inert
    audit_record(actor=None, action="auth.sign_in_failed", details={})
    AuditEvent.objects.create(action="auth.signed_in", actor_name="=cmd|' /C calc'!A0")
    rows = _csv(client.get(EXPORT, {"handling": "auth.signed_in"}))
    assert "'=cmd|' /C calc'!A0" in [row[1] for row in rows[1:]]


def test_the_page_links_to_the_download_of_its_filter(client, editor, people):
    audit_record(actor=people["leder"], action="organisation.changed")
    response = client.get(URL, {"handling": "organisation.changed", "side": "1"})
    assert f'href="{EXPORT}?handling=organisation.changed"' in response.text


def test_an_invalid_filter_downloads_nothing(client, editor):
    response = client.get(EXPORT, {"fra": "2026-05-17", "til": "2026-05-01"})
    assert response.status_code == 302 and response["Location"].startswith(URL + "?")
    assert not AuditEvent.objects.filter(action="audit.exported").exists()


# --- every action the code writes has a label --------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ["tillit", "initiatives", "reporting"]
# Calls in these modules pass an initiative's history action (``action=``, or ``change=`` in a
# workflow's ``Transition``), which the trail records as "initiative.<action>"
# (initiatives/services/history.py).
HISTORY_CALLS = {"record_change", "_record", "Transition"}
HISTORY_KEYWORDS = {"action", "change"}
HISTORY_MODULES = ("initiatives/services/",)


def _strings(node, names: dict) -> set[str]:
    """The strings an expression can be: constants, both sides of ``a if c else b``,
    f-strings of a constant and a module-level name with known values."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.Attribute) and getattr(node.value, "id", None) == "ChangeAction":
        return {ChangeAction[node.attr].value}
    if isinstance(node, ast.IfExp):
        return _strings(node.body, names) | _strings(node.orelse, names)
    if isinstance(node, ast.JoinedStr):
        results = {""}
        for part in node.values:
            if isinstance(part, ast.FormattedValue) and isinstance(part.value, ast.Name):
                options = names.get(part.value.id, set())
            else:
                options = _strings(part, names)
            if not options:
                return set()
            results = {done + option for done in results for option in options}
        return results
    return set()


def written_action_codes() -> set[str]:
    codes = set()
    for folder in SOURCES:
        for path in (ROOT / folder).rglob("*.py"):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" in relative:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            names: dict[str, set[str]] = {}
            for node in ast.walk(tree):
                if isinstance(node, ast.Assign) and len(node.targets) == 1:
                    target = node.targets[0]
                    if isinstance(target, ast.Name):
                        names.setdefault(target.id, set()).update(_strings(node.value, {}))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                name = getattr(func, "id", None) or getattr(func, "attr", None)
                for keyword in node.keywords:
                    if keyword.arg not in HISTORY_KEYWORDS:
                        continue
                    values = _strings(keyword.value, names)
                    if name == "audit_record" and keyword.arg == "action":
                        codes |= values
                    elif name in HISTORY_CALLS and relative.startswith(HISTORY_MODULES):
                        codes |= {f"initiative.{value}" for value in values}
    return codes


def test_every_action_the_code_writes_has_a_label():
    codes = written_action_codes()
    # the scan finds direct, conditional, f-string and history-funnel codes
    assert {
        "auth.signed_in",
        "membership.created",
        "comment.hidden",
        "comment.restored",
        "initiative.published",
        "initiative.experience_published",
    } <= codes
    assert not sorted(codes - set(ACTION_LABELS)), "label these in tillit/core/models.py"


def test_every_history_action_of_a_measure_has_a_label():
    from initiatives.selectors import ACTION_LABELS as HISTORY_LABELS

    missing = [code for code in HISTORY_LABELS if f"initiative.{code}" not in ACTION_LABELS]
    assert not missing


def test_writing_an_unlabelled_action_fails_in_tests_and_is_logged_elsewhere(
    people, settings, caplog
):
    with pytest.raises(UnlabelledAuditAction):
        audit_record(actor=people["leder"], action="made.up")
    assert not AuditEvent.objects.filter(action="made.up").exists()
    settings.AUDIT_REQUIRE_LABELS = False
    audit_record(actor=people["leder"], action="made.up")
    assert AuditEvent.objects.filter(action="made.up").exists()
    assert "made.up" in caplog.text
