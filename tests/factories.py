import factory
from allauth.account.models import EmailAddress

from tillit.accounts.models import (
    JoinRequest,
    Membership,
    Organisation,
    OrganisationKind,
    Role,
    User,
)

PASSWORD = "riktig-hest-batteri-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.no")
    name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Testetaten {n}")
    kind = OrganisationKind.STATLIG


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    roles = factory.LazyFunction(lambda: [Role.ANSATT])
    union_name = ""


class JoinRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JoinRequest

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    roles = factory.LazyFunction(lambda: [Role.ANSATT])


class InitiativeFactory(factory.django.DjangoModelFactory):
    """A complete measure (ready to submit), as a draft unless told otherwise."""

    class Meta:
        model = "initiatives.Initiative"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Færre skjema i hjemmetjenesten {n}")
    summary = "Vi fjerner tre skjema som ingen leste, og gir tiden tilbake til brukerne."
    description = "Ansatte og tillitsvalgte gikk gjennom alle skjema i tjenesten sammen."
    organisation = factory.SubFactory(OrganisationFactory)
    kind = "pilot"
    sector = "helse_omsorg"
    trust_relations = factory.LazyFunction(lambda: ["leder_medarbeider"])
    lifecycle_status = "pagar"
    start_date = factory.LazyFunction(lambda: __import__("datetime").date(2024, 3, 1))
    workflow_status = "utkast"

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        from initiatives.models import FocusArea, InitiativeFocusArea

        if not create:
            return
        slugs = extracted or ["mindre-rapportering"]
        for index, slug in enumerate(slugs):
            InitiativeFocusArea.objects.create(
                initiative=self, focus_area=FocusArea.objects.get(slug=slug), is_primary=index == 0
            )

    @factory.post_generation
    def indexed(self, create, extracted, **kwargs):
        """Searchable as the services leave it: the vector made by the application."""
        from initiatives.search.indexing import index_initiative

        if create:
            index_initiative(self)


class ExperienceReportFactory(factory.django.DjangoModelFactory):
    """A complete experience report, as a draft unless told otherwise."""

    class Meta:
        model = "initiatives.ExperienceReport"
        skip_postgeneration_save = True

    initiative = factory.SubFactory(InitiativeFactory, workflow_status="publisert")
    title = factory.Sequence(lambda n: f"Dette lærte vi av færre skjema {n}")
    summary = "Ansatte fikk tid tilbake, men det tok tid å venne seg av med de gamle skjemaene."
    what_was_done = "Vi fjernet tre skjema etter en gjennomgang med de tillitsvalgte."
    what_worked = "Tiden gikk til brukerne. Sykefraværet gikk ned."
    challenges = "Noen savnet oversikten skjemaene ga, og vi måtte lage en enklere rutine."
    transferability = "delvis"
    workflow_status = "utkast"

    @factory.post_generation
    def indexed(self, create, extracted, **kwargs):
        from initiatives.search.indexing import index_report

        if create:
            index_report(self)
