"""The follow-up's rows of the permission matrix (``tests/test_permissions.py``) and the
objects they name: a due question about an ended, published Bergen measure, and a one-click
answer link mailed to Bergen's leader."""

from initiatives.followup.links import answer_token

from .followup_world import due_question

A, OUT, S, L, T, D, R, X = (
    "anonymous",
    "outsider",
    "ansatt",
    "leder",
    "tillitsvalgt",
    "departement",
    "redaktor",
    "leder_annen",
)
ANSWER = "/tiltak/{m_followup}/oppfolging/{followup}/"

FOLLOWUP_ROWS = [
    # answering from the work page: leaders of the owner only
    (A, ANSWER, 302),
    (L, ANSWER, 200),
    *[(role, ANSWER, 404) for role in (OUT, S, T, D, R, X)],
    # the e-mail's one-click link: no sign-in, the token is the proof (GET changes nothing)
    *[(role, "/oppfolging/{followup_link}/", 200) for role in (A, S, L)],
    *[(role, "/oppfolging/ugyldig/", 400) for role in (A, L)],
]

FOLLOWUP_SAMPLE = {"m_followup": 1, "followup": 1, "followup_link": "abc"}


def followup_objects(people, bergen) -> dict:
    # assessed already: it does not join what the union reps' rows count as waiting for them
    question = due_question(bergen, union_assessment="bekreftet")
    return {
        "m_followup": question.initiative_id,
        "followup": question.pk,
        "followup_link": answer_token(question, "i_bruk", people["leder"]),
    }
