"""The laws applicants most often ask exemption from (editors keep the table afterwards)."""

from django.db import migrations

LEGAL_ACTS = [
    ("opplæringslova", "Lov om grunnskoleopplæringa og den vidaregåande opplæringa"),
    ("helse- og omsorgstjenesteloven", "Lov om kommunale helse- og omsorgstjenester m.m."),
    ("plan- og bygningsloven", "Lov om planlegging og byggesaksbehandling"),
    ("kommuneloven", "Lov om kommuner og fylkeskommuner"),
    ("barnehageloven", "Lov om barnehager"),
    ("sosialtjenesteloven", "Lov om sosiale tjenester i arbeids- og velferdsforvaltningen"),
    ("NAV-loven", "Lov om arbeids- og velferdsforvaltningen"),
    ("forsøksloven", "Lov om forsøk i offentlig forvaltning"),
    ("barnevernsloven", "Lov om barnevern"),
    ("folkehelseloven", "Lov om folkehelsearbeid"),
    ("pasient- og brukerrettighetsloven", "Lov om pasient- og brukerrettigheter"),
    ("integreringsloven", "Lov om integrering gjennom opplæring, utdanning og arbeid"),
    ("forvaltningsloven", "Lov om behandlingsmåten i forvaltningssaker"),
]


def load(apps, schema_editor):
    LegalAct = apps.get_model("trials", "LegalAct")
    for short_name, title in LEGAL_ACTS:
        LegalAct.objects.get_or_create(short_name=short_name, defaults={"title": title})


def remove(apps, schema_editor):
    LegalAct = apps.get_model("trials", "LegalAct")
    LegalAct.objects.filter(short_name__in=[name for name, _title in LEGAL_ACTS]).delete()


class Migration(migrations.Migration):
    dependencies = [("trials", "0001_initial")]

    operations = [migrations.RunPython(load, remove)]
