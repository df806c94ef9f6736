"""Answering the follow-up with one click from the e-mail, and from the work page."""

import re
import time

import pytest
from django.core import signing
from django.utils import timezone

from initiatives.followup.asking import ask_due
from initiatives.followup.links import FOLLOWUP_SALT, LINK_LIFETIME, answer_token
from initiatives.models import FollowUp
from tillit.accounts.models import Membership

from .followup_world import due_question, ended_measure

pytestmark = pytest.mark.django_db


class SignerOf(signing.TimestampSigner):
    """Django's signer as it was ``seconds_ago`` (its clock is the only thing changed)."""

    def __init__(self, *args, seconds_ago: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.seconds_ago = seconds_ago

    def timestamp(self):
        return signing.b62_encode(int(time.time()) - self.seconds_ago)


def _token_made(seconds_ago: int, question, user, answer="i_bruk") -> str:
    payload = {"q": question.pk, "n": question.nonce, "a": answer, "u": user.pk}
    return SignerOf(salt=FOLLOWUP_SALT, seconds_ago=seconds_ago).sign_object(payload)


def _link(token: str) -> str:
    return f"/oppfolging/{token}/"


def test_the_emailed_link_opens_a_page_that_changes_nothing_until_confirmed(
    client, people, bergen, mailoutbox
):
    measure = ended_measure(bergen)
    ask_due()
    mail = next(m for m in mailoutbox if m.to == [people["leder"].email])
    links = re.findall(r"https?://\S+/oppfolging/\S+/", mail.body)
    assert len(links) == 4
    path = "/" + links[0].split("/", 3)[3]
    for _ in range(2):  # mail scanners open links: a GET never answers
        page = client.get(path)
        assert page.status_code == 200
        assert measure.title in page.content.decode()
    assert not FollowUp.objects.get().is_answered

    client.cookies["django_language"] = "en"
    response = client.post(path, follow=True)
    question = FollowUp.objects.get()
    assert (question.answer, question.answered_by) == ("i_bruk", people["leder"])
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == measure.get_absolute_url()
    month = timezone.localtime(question.answered_at).strftime("%B %Y")
    assert f"Still in use as of {month}" in html
    assert client.get("/mitt/").status_code == 302  # the link signed nobody in


def test_stopped_may_say_why(client, people, bergen):
    question = due_question(bergen)
    path = _link(answer_token(question, "stanset", people["leder"]))
    assert 'name="reason"' in client.get(path).content.decode()
    client.post(path, {"reason": "Ingen hadde tid"})
    question.refresh_from_db()
    assert (question.answer, question.reason) == ("stanset", "Ingen hadde tid")
    assert "Ingen hadde tid" in client.get(question.initiative.get_absolute_url()).content.decode()


def test_a_used_link_is_refused_and_the_first_answer_stands(client, people, bergen):
    question = due_question(bergen)
    used = _link(answer_token(question, "i_bruk", people["leder"]))
    other = _link(answer_token(question, "stanset", people["leder"]))
    assert client.post(used).status_code == 302
    for path in (used, other):
        assert client.get(path).status_code == 410
        response = client.post(path)
        assert response.status_code == 410
        assert "allerede besvart" in response.content.decode()
    question.refresh_from_db()
    assert question.answer == "i_bruk"


def test_an_expired_link_is_refused(client, people, bergen):
    question = due_question(bergen)
    too_old = int(LINK_LIFETIME.total_seconds()) + 60
    expired = _link(_token_made(too_old, question, people["leder"]))
    still_fine = _link(_token_made(too_old - 3600, question, people["leder"]))
    for response in (client.get(expired), client.post(expired)):
        assert response.status_code == 410
        assert "utløpt" in response.content.decode()
    assert not FollowUp.objects.get().is_answered
    assert client.get(still_fine).status_code == 200


def test_forged_and_tampered_links_are_refused(client, people, bergen, settings):
    question = due_question(bergen)
    genuine = answer_token(question, "i_bruk", people["leder"])
    payload = {"q": question.pk, "n": question.nonce, "a": "i_bruk", "u": people["leder"].pk}
    forged = [
        signing.dumps(payload, salt="tillit.unsubscribe"),  # another of our salts
        signing.dumps(payload, salt=FOLLOWUP_SALT, key="not-our-secret-key-" * 3),
        genuine[:-2] + ("AA" if not genuine.endswith("AA") else "BB"),
        genuine.replace(
            genuine.split(":")[0],
            signing.dumps({**payload, "a": "stanset"}, salt=FOLLOWUP_SALT).split(":")[0],
        ),
        "ikke-en-lenke",
    ]
    for token in forged:
        for response in (client.get(_link(token)), client.post(_link(token))):
            assert response.status_code == 400, token
            assert "ikke gyldig" in response.content.decode()
    assert not FollowUp.objects.get().is_answered


def test_a_link_made_void_by_a_new_nonce_or_a_lost_role_is_refused(client, people, bergen):
    question = due_question(bergen)
    path = _link(answer_token(question, "i_bruk", people["leder"]))
    FollowUp.objects.filter(pk=question.pk).update(nonce="ny")
    assert client.post(path).status_code == 400
    question.refresh_from_db()
    path = _link(answer_token(question, "i_bruk", people["leder"]))
    Membership.objects.filter(user=people["leder"]).update(roles=["ansatt"])
    assert client.post(path).status_code == 410
    assert not FollowUp.objects.get().is_answered


def test_the_work_page_lists_open_questions_to_leaders_of_the_owner(
    client, people, bergen, django_assert_max_num_queries
):
    questions = [due_question(bergen) for _ in range(4)]
    due_question(bergen, workflow_status="arkivert")
    answered = due_question(bergen)
    answered.answer, answered.answered_at = "permanent", timezone.now()
    answered.save()
    client.force_login(people["leder"])
    with django_assert_max_num_queries(16):  # the leader's page (test_work_page)
        html = client.get("/mitt/").content.decode()
    assert html.count('class="followup-form"') == 4
    for question in questions:
        assert f"/tiltak/{question.initiative_id}/oppfolging/{question.pk}/" in html
    for role in ("ansatt", "leder_annen"):
        client.force_login(people[role])
        assert "followup-form" not in client.get("/mitt/").content.decode()


def test_answering_from_the_work_page(client, people, bergen):
    question = due_question(bergen)
    url = f"/tiltak/{question.initiative_id}/oppfolging/{question.pk}/"
    client.force_login(people["leder"])
    empty = client.post(url, {"reason": "kept"})
    assert empty.status_code == 200
    html = empty.content.decode()
    assert "Velg hva som ble av tiltaket" in html and "kept" in html
    response = client.post(url, {"answer": "spredt"})
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.answer, question.answered_by) == ("spredt", people["leder"])
    again = client.post(url, {"answer": "stanset"})
    assert "allerede besvart" in again.content.decode()
    question.refresh_from_db()
    assert question.answer == "spredt"


@pytest.mark.parametrize("role", ["ansatt", "leder_annen", "redaktor"])
def test_others_find_no_answer_page(client, people, bergen, role):
    question = due_question(bergen)
    url = f"/tiltak/{question.initiative_id}/oppfolging/{question.pk}/"
    client.force_login(people[role])
    assert client.get(url).status_code == 404
    assert client.post(url, {"answer": "i_bruk"}).status_code == 404
    other_measure = ended_measure(bergen)
    client.force_login(people["leder"])
    assert client.get(f"/tiltak/{other_measure.pk}/oppfolging/{question.pk}/").status_code == 404


def test_a_link_to_a_measure_taken_down_since_is_refused(client, people, bergen):
    question = due_question(bergen)
    path = _link(answer_token(question, "i_bruk", people["leder"]))
    type(question.initiative).objects.filter(pk=question.initiative_id).update(
        workflow_status="arkivert"
    )
    response = client.get(path)
    assert response.status_code == 410
    html = response.content.decode()
    assert "ikke lenger publisert" in html and question.initiative.title not in html
    assert client.post(path).status_code == 410
    assert not FollowUp.objects.get().is_answered
