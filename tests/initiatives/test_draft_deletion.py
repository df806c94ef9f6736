"""Item 22 of issue 18: the author and the leaders delete a draft never sent for approval."""

import pytest
from django.core.files.base import ContentFile

from initiatives import services
from initiatives.models import Attachment, Initiative
from tillit.core.models import AuditEvent

from ..factories import InitiativeFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def _draft_with_file(bergen, author):
    initiative = InitiativeFactory(organisation=bergen, created_by=author, title="Feilregistrert")
    attachment = Attachment.objects.create(
        initiative=initiative,
        file=ContentFile(b"%PDF-1.4 utkast", name="utkast.pdf"),
        original_name="utkast.pdf",
        content_type="application/pdf",
        size=15,
    )
    return initiative, attachment


def test_the_author_deletes_a_draft_after_confirming(client, people, bergen):
    initiative, _ = _draft_with_file(bergen, people["ansatt"])
    client.force_login(people["ansatt"])
    page = client.get(initiative.get_absolute_url()).content.decode()
    assert f'href="/tiltak/{initiative.pk}/slett/"' in page

    confirm = client.get(f"/tiltak/{initiative.pk}/slett/")
    assert confirm.status_code == 200 and "Feilregistrert" in confirm.content.decode()
    assert Initiative.objects.filter(pk=initiative.pk).exists()  # GET only asks

    response = client.post(f"/tiltak/{initiative.pk}/slett/")
    assert response.status_code == 302 and response["Location"] == "/mitt/"
    assert not Initiative.objects.filter(pk=initiative.pk).exists()
    event = AuditEvent.objects.get(action="initiative.deleted")
    assert event.actor_id == people["ansatt"].pk and event.object_id == str(initiative.pk)
    assert event.details["title"] == "Feilregistrert" and event.organisation_id == bergen.pk
    assert "Feilregistrert" in client.get("/mitt/").content.decode()  # the message says which


def test_the_file_goes_with_the_draft(people, bergen, django_capture_on_commit_callbacks):
    initiative, attachment = _draft_with_file(bergen, people["ansatt"])
    storage, name = attachment.file.storage, attachment.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_delete(initiative=initiative, by=people["leder"])
    assert not storage.exists(name)


def test_a_leader_deletes_a_staff_members_draft(client, people, bergen):
    initiative, _ = _draft_with_file(bergen, people["ansatt"])
    client.force_login(people["leder"])
    assert client.post(f"/tiltak/{initiative.pk}/slett/").status_code == 302
    assert not Initiative.objects.filter(pk=initiative.pk).exists()


@pytest.mark.parametrize("who", ["other_staff", "tillitsvalgt", "redaktor"])
def test_others_who_see_the_draft_are_refused(client, people, bergen, who):
    initiative, _ = _draft_with_file(bergen, people["ansatt"])
    user = people.get(who) or MembershipFactory(organisation=bergen, roles=["ansatt"]).user
    client.force_login(user)
    assert (
        f"/tiltak/{initiative.pk}/slett/"
        not in client.get(initiative.get_absolute_url()).content.decode()
    )
    assert client.post(f"/tiltak/{initiative.pk}/slett/").status_code == 403
    assert Initiative.objects.filter(pk=initiative.pk).exists()


def test_a_draft_once_sent_for_approval_stays(client, people, bergen):
    initiative, _ = _draft_with_file(bergen, people["ansatt"])
    services.initiative_submit(initiative=initiative, by=people["ansatt"])
    services.initiative_return(initiative=initiative, by=people["leder"], note="Mer om mål")
    client.force_login(people["ansatt"])
    assert client.post(f"/tiltak/{initiative.pk}/slett/").status_code == 403
    client.force_login(people["leder"])
    assert client.post(f"/tiltak/{initiative.pk}/slett/").status_code == 403
    assert Initiative.objects.filter(pk=initiative.pk).exists()


def test_outsiders_get_404(client, people, bergen):
    initiative, _ = _draft_with_file(bergen, people["ansatt"])
    client.force_login(people["leder_annen"])
    assert client.post(f"/tiltak/{initiative.pk}/slett/").status_code == 404
    assert Initiative.objects.filter(pk=initiative.pk).exists()


def test_my_work_offers_to_delete_only_the_drafts_one_may_delete(
    client, people, bergen, django_assert_max_num_queries
):
    own, _ = _draft_with_file(bergen, people["ansatt"])
    others = InitiativeFactory(organisation=bergen, created_by=people["leder"])
    returned = InitiativeFactory(organisation=bergen, created_by=people["ansatt"])
    services.initiative_submit(initiative=returned, by=people["ansatt"])
    services.initiative_return(initiative=returned, by=people["leder"], note="Mer om mål")
    for index in range(5):
        InitiativeFactory(organisation=bergen, created_by=people["ansatt"], title=f"Utkast {index}")
    client.force_login(people["ansatt"])
    client.get("/mitt/")  # warm the session
    # the same with one draft or fifty (replies, ended measures and the visit time: 2 more)
    with django_assert_max_num_queries(10):
        html = client.get("/mitt/").content.decode()
    assert f'href="/tiltak/{own.pk}/slett/"' in html
    assert f'href="/tiltak/{others.pk}/slett/"' not in html
    assert f'href="/tiltak/{returned.pk}/slett/"' not in html
    assert others.title in html and returned.title in html
