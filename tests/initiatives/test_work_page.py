"""«Mitt arbeid» (/mitt/) per role: each person's tasks first, what their roles reach, and
nothing from another organisation; the query count does not grow with the items."""

from datetime import timedelta

import pytest
from django.utils import timezone

from initiatives.models import Initiative
from tillit.accounts.models import Organisation, Role, User

from ..factories import MembershipFactory
from .work_world import leader_world, ministry_world, staff_world, union_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def trondheim(db):
    return Organisation.objects.get(municipality_id="5001")


def _ministry_news(html: str) -> str:
    return html.split('id="ministry-news-heading"')[1].split("</section>")[0]


def _page(client, user) -> str:
    client.force_login(user)
    return client.get("/mitt/").content.decode()


def test_a_leader_sees_approvals_requests_overdue_measures_and_figures(
    client, people, bergen, trondheim
):
    leader_world(bergen, trondheim, people)
    html = _page(client, people["leder"])
    assert html.index('id="todo-heading"') < html.index('id="approval-heading"')
    assert "1 tiltak venter på godkjenningen din" in html
    assert 'href="#overdue-heading"' in html
    assert "Venter Bergen 0" in html and "Over tiden Bergen 0" in html
    overdue = Initiative.objects.get(title="Over tiden Bergen 0")
    assert f'href="/tiltak/{overdue.pk}/rediger/"' in html
    assert "Ferdig i tide" not in html.split('id="overdue-heading"')[1].split("</section>")[0]
    assert "Søker Bergen" in html and "ny0@bergen.no" in html
    assert "Bergen kommune</a>: 2 publiserte tiltak, 0 utkast, 1 venter på godkjenning" in html
    for other in ("Venter Trondheim", "Over tiden Trondheim", "Søker Trondheim", "trondheim.no"):
        assert other not in html


def test_a_leaders_page_does_not_grow_with_the_items(
    client, people, bergen, trondheim, django_assert_max_num_queries
):
    leader_world(bergen, trondheim, people, extra=6)
    client.force_login(people["leder"])
    client.get("/mitt/")
    with django_assert_max_num_queries(16):
        assert "Over tiden Bergen 6" in client.get("/mitt/").content.decode()


def test_a_union_rep_sees_assessments_recent_measures_and_replies(
    client, people, bergen, trondheim
):
    union_world(bergen, trondheim, people)
    html = _page(client, people["tillitsvalgt"])
    assert "venter på vurderingen din" in html and 'href="#replies-heading"' in html
    recent = html.split('id="recent-heading"')[1].split("</section>")[0]
    assert "Nylig Bergen 0" in recent and "Gammel Bergen" not in recent
    assert "Nylig Trondheim" not in html
    replies = html.split('id="replies-heading"')[1].split("</section>")[0]
    assert replies.count("<li>") == 1  # the reply to their own comment, not to others'
    assert "deltok i 2 tiltak" in html and "ikke var involvert i 1 tiltak" in html


def test_a_union_reps_page_does_not_grow_with_the_items(
    client, people, bergen, trondheim, django_assert_max_num_queries, settings
):
    settings.COMMENT_RATE_LIMIT = (100, 60)  # the fixtures write many comments at once
    union_world(bergen, trondheim, people, extra=5)
    client.force_login(people["tillitsvalgt"])
    client.get("/mitt/")
    with django_assert_max_num_queries(12):
        assert "Nylig Bergen 5" in client.get("/mitt/").content.decode()


def test_ministry_staff_see_what_is_new_since_their_last_visit(client, people, ministry):
    user = ministry_world(ministry, people)
    before = timezone.now()
    html = _page(client, user)
    news = html.split('id="ministry-news-heading"')[1].split("</section>")[0]
    assert "Nytt i etaten 0" in news and "Gammelt i etaten" not in news
    assert "Nytt hos andre" not in html
    assert "Etaten venter 0" in html and 'href="#ministry-pending-heading"' in html
    assert f'href="/tiltak/?departement={ministry.short_name}"' in html
    assert f'href="/statistikk/?departement={ministry.short_name}"' in html
    year = timezone.localdate().year
    assert f'href="/oversikt/{year}/utvalg/"' in html
    assert "Du har ikke valgt tiltak for" in html
    user.refresh_from_db()
    assert user.work_page_seen_at >= before
    assert "Nytt i etaten 0" in _ministry_news(_page(client, user))  # a reload keeps the list
    # A new visit: the last view was two hours ago, after the measure was published.
    now = timezone.now()
    Initiative.objects.filter(title="Nytt i etaten 0").update(published_at=now - timedelta(hours=3))
    User.objects.filter(pk=user.pk).update(work_page_seen_at=now - timedelta(hours=2))
    assert "Nytt i etaten 0" not in _ministry_news(_page(client, user))


def test_a_ministrys_page_does_not_grow_with_the_items(
    client, people, ministry, django_assert_max_num_queries
):
    user = ministry_world(ministry, people, extra=6)
    client.force_login(user)
    with django_assert_max_num_queries(14):
        assert "Etaten venter 6" in client.get("/mitt/").content.decode()


def test_staff_see_returned_measures_and_an_invitation_to_write_experience(
    client, people, bergen, trondheim
):
    staff_world(bergen, trondheim, people)
    html = _page(client, people["ansatt"])
    returned = Initiative.objects.get(title="Tilbake 0")
    assert 'href="#returned-heading"' in html and "Mer om målene" in html
    assert f'href="/tiltak/{returned.pk}/rediger/"' in html
    ended = Initiative.objects.get(title="Avsluttet uten rapport 0")
    assert f'href="/tiltak/{ended.pk}/erfaringer/ny/"' in html
    assert "Avsluttet med rapport" not in html and "Pågår fortsatt" not in html
    assert "Avsluttet i Trondheim" not in html


def test_staffs_page_does_not_grow_with_the_items(
    client, people, bergen, trondheim, django_assert_max_num_queries
):
    staff_world(bergen, trondheim, people, extra=6)
    client.force_login(people["ansatt"])
    client.get("/mitt/")
    with django_assert_max_num_queries(10):
        assert "Tilbake 6" in client.get("/mitt/").content.decode()


def test_a_person_without_tasks_is_told_so(client, people):
    html = _page(client, MembershipFactory(roles=[Role.ANSATT]).user)
    assert "Ingenting venter på deg nå." in html
