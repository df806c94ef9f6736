"""Demo people and memberships for ``seed_demo``. All names are invented."""

import random

from allauth.account.models import EmailAddress
from django.conf import settings

from .models import JoinRequest, Membership, Organisation, Role, User

DEMO_DOMAIN = "demo.tillitsportalen.no"

# (role in the contract, full name, organisation lookup, roles, union)
DEMO_PEOPLE = [
    ("ansatt", "Ingrid Haugland", {"municipality_id": "4601"}, [Role.ANSATT], ""),
    ("leder", "Tor Eriksen Vik", {"municipality_id": "4601"}, [Role.LEDER], ""),
    (
        "tillitsvalgt",
        "Amina Rask",
        {"municipality_id": "4601"},
        [Role.TILLITSVALGT],
        "Fagforbundet",
    ),
    ("departement", "Helge Strand", {"short_name": "KDD"}, [Role.DEPARTEMENT], ""),
    ("redaktor", "Silje Moen", {"is_portal_operator": True}, [Role.LEDER], ""),
]

FIRST_NAMES = ["Marte", "Jonas", "Sofie", "Emil", "Nora", "Henrik", "Ida", "Olav", "Maja", "Arne"]
LAST_NAMES = ["Bakken", "Lunde", "Aas", "Myhre", "Sæther", "Nilsen", "Berg", "Dahl", "Holm"]
EXTRA_ORGANISATIONS = [
    {"municipality_id": "5001"},
    {"municipality_id": "0301"},
    {"municipality_id": "1804"},
]


def demo_email(local_part: str) -> str:
    return f"{local_part}@{DEMO_DOMAIN}"


def _demo_user(email: str, name: str, *, editor: bool = False) -> User:
    user, created = User.objects.get_or_create(
        email=email, defaults={"name": name, "is_demo": True}
    )
    if created:
        user.set_password(settings.DEMO_PASSWORD)
        user.is_staff = user.is_superuser = editor
        user.save()
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def seed_people(*, seed: int) -> list[User]:
    """The five contract users, plus a few invented colleagues and one pending request."""
    users = []
    for local_part, name, lookup, roles, union in DEMO_PEOPLE:
        user = _demo_user(demo_email(local_part), name, editor=local_part == "redaktor")
        organisation = Organisation.objects.get(**lookup)
        Membership.objects.get_or_create(
            user=user, organisation=organisation, defaults={"roles": roles, "union_name": union}
        )
        users.append(user)

    rng = random.Random(seed)  # noqa: S311 (demo names, not secrets)
    for index, lookup in enumerate(EXTRA_ORGANISATIONS, start=1):
        organisation = Organisation.objects.get(**lookup)
        for role in (Role.LEDER, Role.ANSATT):
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            user = _demo_user(demo_email(f"{role}{index}"), name)
            Membership.objects.get_or_create(
                user=user, organisation=organisation, defaults={"roles": [role]}
            )
            users.append(user)

    applicant = _demo_user(
        demo_email("soker"), f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    )
    bergen = Organisation.objects.get(municipality_id="4601")
    JoinRequest.objects.get_or_create(
        user=applicant,
        organisation=bergen,
        status=JoinRequest.Status.PENDING,
        defaults={"roles": [Role.ANSATT], "message": "Jeg jobber i hjemmetjenesten i Årstad."},
    )
    users.append(applicant)
    return users
