"""The vocabularies of the register, as named by the government and the brief."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    PROSJEKT = "prosjekt", _("project")
    MOTE = "mote", _("meeting")
    TILDELINGSBREV = "tildelingsbrev", _("letter of allocation")
    INNOVASJON = "innovasjon", _("innovation")
    ETATSSTYRINGSDIALOG = "etatsstyringsdialog", _("agency governance dialogue")
    BRUKERFORUM = "brukerforum", _("user forum")
    PILOT = "pilot", _("pilot")
    FORSOK = "forsok", _("trial under the pilot scheme")
    ANNET = "annet", _("other")


class Sector(models.TextChoices):
    HELSE_OMSORG = "helse_omsorg", _("health and care")
    OPPVEKST_SKOLE = "oppvekst_skole", _("childhood and schools")
    NAV_VELFERD = "nav_velferd", _("NAV and welfare")
    BARNEVERN = "barnevern", _("child welfare")
    KULTUR = "kultur", _("culture")
    TEKNISK = "teknisk", _("technical services")
    STATLIG_FORVALTNING = "statlig_forvaltning", _("state administration")
    ANNET = "annet", _("other")


class TrustRelation(models.TextChoices):
    DEPARTEMENT_VIRKSOMHET = "departement_virksomhet", _("ministry – agency")
    STAT_KOMMUNE = "stat_kommune", _("state – municipality")
    LEDER_MEDARBEIDER = "leder_medarbeider", _("leader – employee")
    ARBEIDSGIVER_TILLITSVALGTE = "arbeidsgiver_tillitsvalgte", _("employer – union representatives")


class Participant(models.TextChoices):
    POLITISK_LEDELSE = "politisk_ledelse", _("political leadership")
    ADMINISTRATIV_LEDELSE = "administrativ_ledelse", _("administrative leadership")
    TILLITSVALGTE = "tillitsvalgte", _("union representatives / employees' organisations")
    BRUKERE = "brukere", _("users / user organisations")
    FORSKERE = "forskere", _("researchers / follow-up research")


class LifecycleStatus(models.TextChoices):
    PLANLAGT = "planlagt", _("planned")
    PAGAR = "pagar", _("ongoing")
    AVSLUTTET = "avsluttet", _("completed")
    AVBRUTT = "avbrutt", _("discontinued")


class WorkflowStatus(models.TextChoices):
    UTKAST = "utkast", _("draft")
    TIL_GODKJENNING = "til_godkjenning", _("awaiting approval")
    PUBLISERT = "publisert", _("published")
    ARKIVERT = "arkivert", _("archived")


class UnionAssessment(models.TextChoices):
    UKJENT = "ukjent", _("not yet assessed")
    BEKREFTET = "bekreftet", _("employees' organisations took part")
    IKKE_INVOLVERT = "ikke_involvert", _("employees' organisations were not involved")
