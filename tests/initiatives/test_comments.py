"""Comments: who reads and writes them, replies, edits, deletion, reports, moderation, the
rate limit, and that nobody outside the members ever sees them."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from initiatives.models import Comment, CommentStatus, ModerationAction
from initiatives.services import comments as service
from tillit.core.models import AuditEvent

from ..factories import ExperienceReportFactory, InitiativeFactory, MembershipFactory

pytestmark = pytest.mark.django_db

SECRET = "Bare for medlemmer: sykefraværet i avdeling B"


@pytest.fixture
def measure(bergen, people):
    return InitiativeFactory(
        organisation=bergen, workflow_status="publisert", created_by=people["ansatt"]
    )


def _write(client, user, url, text=SECRET, **extra):
    client.force_login(user)
    return client.post(url, {"body": text, **extra})


def test_a_union_rep_comments_and_is_named_with_union_and_organisation(client, people, measure):
    response = _write(client, people["tillitsvalgt"], f"/tiltak/{measure.pk}/kommentarer/")
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#kommentar-{comment.pk}")
    page = client.get(measure.get_absolute_url()).content.decode()
    assert SECRET in page
    assert "tillitsvalgt (Fagforbundet), Bergen kommune" in page


def test_markdown_is_rendered_and_only_http_links_survive(people, measure):
    text = "*viktig* og **svært**\n\n- en\n- to\n\n[her](https://example.no) [nei](javascript:x)"
    comment = service.comment_create(target=measure, by=people["leder"], body=text)
    html = comment.body_html
    assert "<em>viktig</em>" in html and "<strong>svært</strong>" in html
    assert "<li>en</li>" in html
    assert '<a href="https://example.no" rel="nofollow ugc noopener noreferrer">her</a>' in html
    assert "javascript" not in html.split("[nei]")[0]
    assert 'href="javascript' not in html


@pytest.mark.parametrize("role", ["anonymous", "outsider"])
def test_people_without_a_membership_never_see_comments(client, people, measure, role):
    report = ExperienceReportFactory(initiative=measure, workflow_status="publisert")
    service.comment_create(target=measure, by=people["tillitsvalgt"], body=SECRET)
    service.comment_create(target=report, by=people["tillitsvalgt"], body=SECRET + " (rapport)")
    if people[role]:
        client.force_login(people[role])
    for url in (
        measure.get_absolute_url(),
        report.get_absolute_url(),
        "/tiltak/",
        "/erfaringer/",
        f"/tiltak/?q={SECRET.split()[-1]}",
    ):
        body = client.get(url).content.decode()
        assert "sykefraværet i avdeling B" not in body, url
    for url in ("/tiltak/eksport.csv", "/tiltak/eksport.xlsx"):
        assert b"avdeling B" not in b"".join(client.get(url).streaming_content), url


def test_comments_stay_out_of_the_exports_for_members_too(client, people, measure):
    service.comment_create(target=measure, by=people["tillitsvalgt"], body=SECRET)
    client.force_login(people["leder"])
    csv = b"".join(client.get("/tiltak/eksport.csv").streaming_content).decode("utf-8-sig")
    assert measure.title in csv
    assert "avdeling B" not in csv


def test_comments_only_on_published_work(people, bergen):
    draft = InitiativeFactory(organisation=bergen)
    with pytest.raises(PermissionDenied):
        service.comment_create(target=draft, by=people["leder"], body="Hei")
    report = ExperienceReportFactory(
        initiative=InitiativeFactory(organisation=bergen, workflow_status="publisert")
    )
    with pytest.raises(PermissionDenied):
        service.comment_create(target=report, by=people["leder"], body="Hei")


def test_replies_go_one_level_deep(client, people, measure):
    root = service.comment_create(target=measure, by=people["tillitsvalgt"], body="Spørsmål")
    reply = service.comment_create(parent=root, by=people["leder"], body="Svar")
    assert reply.parent == root and reply.initiative == measure
    with pytest.raises(PermissionDenied):
        service.comment_create(parent=reply, by=people["tillitsvalgt"], body="Svar på svar")
    client.force_login(people["tillitsvalgt"])
    assert client.get(f"/kommentarer/{reply.pk}/svar/").status_code == 404
    page = client.get(measure.get_absolute_url()).content.decode()
    assert page.index("Spørsmål") < page.index("Svar")


def test_authors_edit_for_fifteen_minutes_and_the_change_is_marked(client, people, measure):
    comment = service.comment_create(target=measure, by=people["tillitsvalgt"], body="Først")
    response = _write(
        client, people["tillitsvalgt"], f"/kommentarer/{comment.pk}/rediger/", "Etter"
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.body == "Etter" and comment.edited_at is not None
    assert "redigert" in client.get(measure.get_absolute_url()).content.decode()
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(minutes=16))
    comment.refresh_from_db()
    with pytest.raises(PermissionDenied):
        service.comment_update(comment=comment, by=people["tillitsvalgt"], body="For sent")
    with pytest.raises(PermissionDenied):
        service.comment_update(comment=comment, by=people["leder"], body="Ikke min")


def test_authors_delete_their_own_and_replies_stay(client, people, measure):
    root = service.comment_create(target=measure, by=people["tillitsvalgt"], body="Slett meg")
    service.comment_create(parent=root, by=people["leder"], body="Et svar som blir stående")
    with pytest.raises(PermissionDenied):
        service.comment_delete(comment=root, by=people["leder"])
    client.force_login(people["tillitsvalgt"])
    assert client.post(f"/kommentarer/{root.pk}/slett/").status_code == 302
    page = client.get(measure.get_absolute_url()).content.decode()
    assert "Slett meg" not in page
    assert "Et svar som blir stående" in page
    assert "Den som skrev kommentaren, har slettet den." in page


def test_bad_input_is_explained_and_kept(client, people, measure):
    url = f"/tiltak/{measure.pk}/kommentarer/"
    response = _write(client, people["leder"], url, "   ")
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    long_text = "å" * 4001
    response = _write(client, people["leder"], url, long_text)
    assert response.status_code == 200
    assert long_text in response.content.decode()
    response = _write(client, people["leder"], url, "nul\x00byte")
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not Comment.objects.exists()


def test_three_reports_from_different_members_hide_a_comment(client, people, measure):
    comment = service.comment_create(target=measure, by=people["tillitsvalgt"], body="Reklame!")
    with pytest.raises(PermissionDenied):
        service.comment_flag(comment=comment, by=people["tillitsvalgt"], reason="spam")
    assert not service.comment_flag(comment=comment, by=people["leder"], reason="spam")
    with pytest.raises(ValidationError):
        service.comment_flag(comment=comment, by=people["leder"], reason="spam")
    assert not service.comment_flag(comment=comment, by=people["ansatt"], reason="spam")
    client.force_login(people["departement"])
    response = client.post(f"/kommentarer/{comment.pk}/rapporter/", {"reason": "krenkende"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.AWAITING_REVIEW
    page = client.get(measure.get_absolute_url()).content.decode()
    assert "Reklame!" not in page
    assert AuditEvent.objects.filter(action="comment.auto_hidden").exists()


def test_editors_hide_with_a_reason_and_restore_and_it_is_recorded(client, people, measure):
    comment = service.comment_create(target=measure, by=people["tillitsvalgt"], body="Usaklig")
    service.comment_flag(comment=comment, by=people["leder"], reason="krenkende")
    client.force_login(people["redaktor"])
    queue = client.get("/moderering/").content.decode()
    assert "Usaklig" in queue
    response = client.post(f"/moderering/{comment.pk}/", {"decision": "skjul", "reason": ""})
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    response = client.post(
        f"/moderering/{comment.pk}/", {"decision": "skjul", "reason": "Personangrep"}
    )
    assert response.status_code == 302
    page = client.get(measure.get_absolute_url()).content.decode()
    assert "Usaklig" not in page and "Personangrep" in page
    assert "Usaklig" not in client.get("/moderering/").content.decode().split("hidden-heading")[0]
    client.post(f"/moderering/{comment.pk}/", {"decision": "gjenopprett", "reason": "Misforstått"})
    comment.refresh_from_db()
    assert comment.status == CommentStatus.VISIBLE
    assert list(ModerationAction.objects.values_list("kind", "reason")) == [
        ("gjenopprett", "Misforstått"),
        ("skjul", "Personangrep"),
    ]
    assert AuditEvent.objects.filter(action="comment.hidden", actor_id=people["redaktor"].pk)
    assert AuditEvent.objects.filter(action="comment.restored").exists()
    assert not comment.flags.filter(resolved_at=None).exists()
    with pytest.raises(PermissionDenied):
        service.comment_hide(comment=comment, by=people["leder"], reason="Nei")


def test_the_rate_limit_answers_429_and_keeps_the_text(client, people, measure, settings):
    settings.COMMENT_RATE_LIMIT = (2, 600)
    url = f"/tiltak/{measure.pk}/kommentarer/"
    for number in (1, 2):
        assert _write(client, people["leder"], url, f"Kommentar {number}").status_code == 302
    response = _write(client, people["leder"], url, "Den tredje, som må vente")
    assert response.status_code == 429
    body = response.content.decode()
    assert "Den tredje, som må vente" in body
    assert "error-summary" in body
    assert Comment.objects.count() == 2
    assert _write(client, people["ansatt"], url, "En annen bruker").status_code == 302


def test_the_measure_page_reads_200_comments_in_a_fixed_number_of_queries(
    client, people, measure, django_assert_max_num_queries
):
    def queries_for_page():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(measure.get_absolute_url()).status_code == 200
        return len(captured)

    client.force_login(people["tillitsvalgt"])
    service.comment_create(target=measure, by=people["leder"], body="Første")
    queries_for_page()  # the similar measures: computed once per data version, then cached
    few = queries_for_page()
    writers = [MembershipFactory(organisation=measure.organisation).user for _ in range(5)]
    roots = Comment.objects.bulk_create(
        Comment(initiative=measure, author=writers[i % 5], body=f"K{i}", body_html=f"<p>K{i}</p>")
        for i in range(100)
    )
    Comment.objects.bulk_create(
        Comment(initiative=measure, parent=root, author=writers[0], body="S", body_html="<p>S</p>")
        for root in roots[:99]
    )
    assert queries_for_page() == few
    with django_assert_max_num_queries(few):
        client.get(measure.get_absolute_url())
