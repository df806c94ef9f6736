"""Demo comments and follows for ``seed_demo``, written for this portal. Stored directly (no
e-mails, no rate limit), once."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction

from tillit.accounts.models import Membership, Role
from tillit.core.markup import render_comment

from .models import Comment, ExperienceReport, FocusArea, Follow, Frequency, Initiative

DEMO_ROLES = {"ansatt", "leder", "tillitsvalgt", "departement", "redaktor"}

# (who, text, replies as (who, text)); "who" is a demo role or "kollega" (another member).
THREADS = [
    (
        "tillitsvalgt",
        "Vi i Fagforbundet har vært med i arbeidsgruppen fra starten. Det viktigste for oss "
        "har vært at de ansatte **selv** peker ut hva som kan fjernes.\n\n"
        "- Hvem leser rapporten?\n- Hva skjer hvis vi slutter å skrive den?",
        [
            (
                "leder",
                "Takk! Vi tar med spørsmålene deres inn i evalueringen til våren. Alle "
                "avdelingene har fått spørsmålslisten.",
            )
        ],
    ),
    (
        "kollega",
        "Vi prøver noe lignende i vår kommune. Har dere en mal for kartleggingen som andre "
        "kan bruke? Vi har skrevet litt om vårt arbeid på "
        "[kommunens nettside](https://www.example.no/tillit).",
        [("ansatt", "Ja, send meg en e-post, så deler jeg malen vi laget.")],
    ),
]
REPORT_COMMENT = (
    "tillitsvalgt",
    "Godt at dere skriver ærlig om det som ikke virket. Opplæringen i den nye rutinen er "
    "noe vi tillitsvalgte gjerne er med på neste gang.",
)


def _members() -> dict[str, Membership]:
    """The contract's demo users by role, and "kollega": staff in another municipality."""
    members = {}
    for membership in (
        Membership.objects.filter(user__is_demo=True)
        .select_related("user", "organisation")
        .order_by("pk")
    ):
        local = membership.user.email.split("@")[0]
        if local in DEMO_ROLES:
            members.setdefault(local, membership)
        elif Role.ANSATT in membership.roles and membership.organisation.municipality_id not in (
            None,
            "4601",
        ):
            members.setdefault("kollega", membership)
    return members


def _add(member: Membership, target, text: str, *, parent=None, at=None) -> Comment:
    report = target if isinstance(target, ExperienceReport) else None
    comment = Comment.objects.create(
        initiative=report.initiative if report else target,
        report=report,
        parent=parent,
        author=member.user,
        membership=member,
        author_label=str(member),
        body=text,
        body_html=render_comment(text),
    )
    if at is not None:
        Comment.objects.filter(pk=comment.pk).update(created_at=at)
    return comment


def seed_comments() -> int:
    """Comments on a published Bergen measure and on a report; a few follows. Returns how
    many comments were added (none when there already are some)."""
    if Comment.objects.exists():
        return 0
    members = _members()
    measure = (
        Initiative.objects.filter(organisation__municipality_id="4601", workflow_status="publisert")
        .order_by("pk")
        .first()
    )
    needed = {"tillitsvalgt", "leder", "ansatt", "kollega"}
    if measure is None or not needed <= members.keys():
        return 0
    added = 0
    with transaction.atomic():
        moment = measure.published_at + timedelta(days=3)
        for who, text, replies in THREADS:
            root = _add(members[who], measure, text, at=moment)
            added += 1
            for reply_who, reply_text in replies:
                moment += timedelta(hours=5)
                _add(members[reply_who], measure, reply_text, parent=root, at=moment)
                added += 1
            moment += timedelta(days=2)
        report = ExperienceReport.objects.filter(workflow_status="publisert").order_by("pk").first()
        if report is not None:
            who, text = REPORT_COMMENT
            _add(members[who], report, text)
            added += 1
        Follow.objects.get_or_create(
            user=members["tillitsvalgt"].user,
            initiative=measure,
            defaults={"frequency": Frequency.IMMEDIATE},
        )
        focus_area = FocusArea.objects.filter(number=2).first()
        if "departement" in members and focus_area:
            Follow.objects.get_or_create(user=members["departement"].user, focus_area=focus_area)
    return added
