import pytest
from django.core.management import call_command

from trials.models import TrialApplication, TrialStatus

pytestmark = pytest.mark.django_db


def test_the_demo_round_has_every_state_and_joint_applications_once(settings):
    settings.DEBUG = True
    call_command("seed_demo", "--initiatives", "30", "--seed", "3")
    applications = TrialApplication.objects.all()
    assert set(applications.values_list("workflow_status", flat=True)) == set(TrialStatus.values)
    assert sum(app.applicants.count() > 1 for app in applications) == len(applications)
    draft = applications.get(workflow_status=TrialStatus.DRAFT)
    assert draft.applicants.filter(municipality_id="4601").exists()
    call_command("seed_demo", "--initiatives", "30", "--seed", "3")
    assert TrialApplication.objects.count() == len(TrialStatus.values)
