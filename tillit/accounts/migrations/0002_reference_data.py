"""Counties, municipalities, county municipalities, ministries and the portal operator.

Oslo is both a municipality and a county: Oslo kommune carries the county tasks, so there is
no separate county municipality for county 03.
"""

from django.db import migrations

from tillit.accounts.reference_data import PORTAL_OPERATOR_NAME, read_rows

OSLO_COUNTY = "03"


def load(apps, schema_editor):
    County = apps.get_model("accounts", "County")
    Municipality = apps.get_model("accounts", "Municipality")
    Organisation = apps.get_model("accounts", "Organisation")

    rows = read_rows("kommuner.csv")
    counties = {}
    for row in rows:
        counties.setdefault(row["fylkesnummer"], row["fylke"])
    County.objects.bulk_create(
        [County(number=number, name=name) for number, name in sorted(counties.items())]
    )
    Municipality.objects.bulk_create(
        [
            Municipality(
                number=row["kommunenummer"], name=row["kommune"], county_id=row["fylkesnummer"]
            )
            for row in rows
        ]
    )
    Organisation.objects.bulk_create(
        [
            Organisation(
                name=f"{row['kommune']} kommune",
                kind="kommune",
                municipality_id=row["kommunenummer"],
            )
            for row in rows
        ]
    )
    Organisation.objects.bulk_create(
        [
            Organisation(name=f"{name} fylkeskommune", kind="fylkeskommune", county_id=number)
            for number, name in sorted(counties.items())
            if number != OSLO_COUNTY
        ]
    )
    Organisation.objects.bulk_create(
        [
            Organisation(name=row["departement"], kind="departement", short_name=row["kortnavn"])
            for row in read_rows("departementer.csv")
        ]
    )
    Organisation.objects.create(name=PORTAL_OPERATOR_NAME, kind="annet", is_portal_operator=True)


def unload(apps, schema_editor):
    apps.get_model("accounts", "Organisation").objects.all().delete()
    apps.get_model("accounts", "Municipality").objects.all().delete()
    apps.get_model("accounts", "County").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
