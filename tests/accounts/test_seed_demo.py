import pytest
from django.core.management import CommandError, call_command

from tillit.accounts.models import Membership, Role, User

from ..factories import UserFactory

pytestmark = pytest.mark.django_db

CONTRACT_USERS = ["ansatt", "leder", "tillitsvalgt", "departement", "redaktor"]


def test_seed_demo_creates_the_five_contract_users_who_can_sign_in(client, settings):
    settings.DEBUG = True
    call_command("seed_demo", "--seed", "7")
    for role in CONTRACT_USERS:
        email = f"{role}@demo.tillitsportalen.no"
        response = client.post("/konto/login/", {"login": email, "password": "tillit-demo-2026"})
        assert response.status_code == 302, email
        client.logout()
    union_rep = Membership.objects.get(user__email="tillitsvalgt@demo.tillitsportalen.no")
    assert str(union_rep) == "tillitsvalgt (Fagforbundet), Bergen kommune"
    assert Role.DEPARTEMENT in Membership.objects.get(user__email__startswith="departement@").roles


def test_seed_demo_is_deterministic_and_idempotent(settings):
    settings.DEBUG = True
    call_command("seed_demo", "--seed", "7")
    first = sorted(User.objects.values_list("email", "name"))
    call_command("seed_demo", "--seed", "7")
    assert sorted(User.objects.values_list("email", "name")) == first


def test_seed_demo_refuses_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
    call_command("seed_demo", "--allow-nondebug")
    assert User.objects.filter(is_demo=True).count() >= 5


def test_seed_demo_always_refuses_a_database_with_real_users(settings):
    settings.DEBUG = True
    UserFactory()
    with pytest.raises(CommandError, match="real users"):
        call_command("seed_demo", "--allow-nondebug")
    assert not User.objects.filter(is_demo=True).exists()
