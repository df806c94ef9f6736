import pytest
from django.core.management import call_command

from initiatives.models import Initiative, Kind, WorkflowStatus

pytestmark = pytest.mark.django_db


def test_demo_initiatives_cover_statuses_kinds_focus_areas_and_counties(settings):
    settings.DEBUG = True
    call_command("seed_demo", "--initiatives", "60", "--seed", "3")
    initiatives = Initiative.objects.all()
    assert initiatives.count() == 60
    assert initiatives.filter(workflow_status=WorkflowStatus.PUBLISERT).count() >= 10
    assert set(initiatives.values_list("workflow_status", flat=True)) == set(WorkflowStatus.values)
    assert set(initiatives.values_list("kind", flat=True)) == set(Kind.values)
    areas = Initiative.focus_areas.through.objects.values("focus_area").distinct().count()
    assert areas == 7
    counties = (
        initiatives.exclude(organisation__municipality=None)
        .values("organisation__municipality__county")
        .distinct()
        .count()
    )
    assert counties == 15


def test_demo_initiatives_are_deterministic_for_a_seed(settings):
    settings.DEBUG = True
    call_command("seed_demo", "--initiatives", "30", "--seed", "5")
    first = list(Initiative.objects.order_by("pk").values_list("title", "organisation_id"))
    Initiative.objects.all().delete()
    call_command("seed_demo", "--initiatives", "30", "--seed", "5")
    again = list(Initiative.objects.order_by("pk").values_list("title", "organisation_id"))
    assert again == first


def test_demo_adds_published_experience_reports_and_focus_texts_once(settings, client):
    from initiatives.models import ExperienceReport, FocusArea, OverviewEntry

    settings.DEBUG = True
    call_command("seed_demo", "--initiatives", "200", "--seed", "1")
    reports = ExperienceReport.objects.published()
    assert reports.count() >= 3
    assert all(r.initiative.has_experience for r in reports)
    assert OverviewEntry.objects.filter(has_experience=True).count() == reports.count()
    assert not FocusArea.objects.filter(description="").exists()
    call_command("seed_demo", "--initiatives", "200", "--seed", "1")
    assert ExperienceReport.objects.count() == reports.count()
    assert client.get(reports.first().get_absolute_url()).status_code == 200


def test_demo_adds_a_conversation_once_that_members_read(settings, client):
    from initiatives.models import Comment
    from tillit.accounts.models import User

    settings.DEBUG = True
    call_command("seed_demo", "--initiatives", "60", "--seed", "3")
    comments = Comment.objects.all()
    assert comments.count() >= 5
    assert comments.filter(parent__isnull=False).exists()
    assert comments.filter(report__isnull=False).exists()
    union_rep = comments.filter(author__email__startswith="tillitsvalgt@").first()
    assert union_rep.written_as == "tillitsvalgt (Fagforbundet), Bergen kommune"
    call_command("seed_demo", "--initiatives", "60", "--seed", "3")
    assert Comment.objects.count() == comments.count()
    initiative = union_rep.initiative
    assert union_rep.body[:30] not in client.get(initiative.get_absolute_url()).content.decode()
    client.force_login(User.objects.get(email__startswith="leder@"))
    assert union_rep.body[:30] in client.get(initiative.get_absolute_url()).content.decode()


def test_published_demo_initiatives_have_a_consistent_history_in_every_county(settings):
    """Each published initiative was registered, sent and published, in that order, and the
    published ones cover all 15 counties."""
    from tillit.accounts.models import County

    settings.DEBUG = True
    call_command("seed_demo", "--initiatives", "60", "--seed", "3")
    published = Initiative.objects.filter(workflow_status=WorkflowStatus.PUBLISERT)
    assert published.count() >= 15
    for initiative in published.prefetch_related("changes"):
        history = {change.action: change.created_at for change in initiative.changes.all()}
        assert history.get("published") == initiative.published_at, initiative.title
        assert initiative.created_at < initiative.published_at, initiative.title
        assert history["created"] < history["submitted"] < history["published"], initiative.title
    counties = set(
        published.exclude(organisation__municipality=None).values_list(
            "organisation__municipality__county", flat=True
        )
    )
    assert counties == set(County.objects.values_list("number", flat=True))
    assert len(counties) == 15
    for initiative in Initiative.objects.exclude(published_at=None):
        assert initiative.created_at < initiative.published_at


def test_demo_has_a_service_municipalities_share_and_measures_with_ministries(settings, client):
    settings.DEBUG = True
    call_command("seed_demo", "--initiatives", "40", "--seed", "3")
    assert Initiative.objects.count() == 40
    shared = Initiative.objects.get(title__startswith="Felles legevakt")
    assert shared.organisation.municipality_id == "5045"
    assert sorted(shared.participating_organisations.values_list("municipality_id", flat=True)) == [
        "5042",
        "5043",
        "5044",
    ]
    raarvihke = client.get("/tiltak/?kommune=5043").context["overview"]
    assert shared.title in {i.title for i in raarvihke.page.object_list}
    municipal = Initiative.objects.exclude(organisation__municipality=None).exclude(sector="")
    municipal = municipal.exclude(sector__in=["annet"])
    assert all(m.responsible_ministries.exists() for m in municipal)
    agencies = Initiative.objects.exclude(organisation__parent_ministry=None)
    assert all(
        list(a.responsible_ministries.all()) == [a.organisation.parent_ministry] for a in agencies
    )


def test_the_demo_answers_the_searches_issue_21_names(settings, client):
    """Someone trying the portal finds the fastlege pilot (written in nynorsk) by a bokmål
    word, by a bokmål compound and by the agency taking part, and not by "fast" alone."""
    settings.DEBUG = True
    call_command("seed_demo", "--initiatives", "40", "--seed", "3")

    def titles(q):
        return {i.title for i in client.get("/tiltak/", {"q": q}).context["overview"].page}

    pilot = "Fastlegetenesta i Voss og Ulvik: legane fordeler timane sjølve"
    assert pilot in titles("fastlege")
    assert pilot in titles("fastlegetjenesten")
    assert pilot in titles("Helsedirektoratet")
    assert pilot in titles("sykehjem")  # "heimebesøk på sjukeheimen"
