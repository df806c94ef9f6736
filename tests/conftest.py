import pytest

from tillit.accounts.models import Organisation, Role

from .factories import MembershipFactory, UserFactory


@pytest.fixture
def bergen(db):
    """Bergen kommune, created by the reference-data migration."""
    return Organisation.objects.get(municipality_id="4601")


@pytest.fixture
def ministry(db):
    return Organisation.objects.get(short_name="KDD")


@pytest.fixture
def operator(db):
    return Organisation.objects.get(is_portal_operator=True)


def _member(organisation, roles, union_name=""):
    return MembershipFactory(organisation=organisation, roles=roles, union_name=union_name).user


@pytest.fixture
def people(bergen, ministry, operator):
    """One user per role, members of Bergen kommune unless the role belongs elsewhere."""
    trondheim = Organisation.objects.get(municipality_id="5001")
    return {
        "anonymous": None,
        "outsider": UserFactory(),
        "ansatt": _member(bergen, [Role.ANSATT]),
        "leder": _member(bergen, [Role.LEDER]),
        "tillitsvalgt": _member(bergen, [Role.TILLITSVALGT], "Fagforbundet"),
        "departement": _member(ministry, [Role.DEPARTEMENT]),
        "redaktor": _member(operator, [Role.LEDER]),
        "leder_annen": _member(trondheim, [Role.LEDER]),
    }
