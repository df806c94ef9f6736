"""The seven focus areas of the trust reform, with their official labels and slugs."""

from django.db import migrations

from tillit.accounts.reference_data import read_rows


def load(apps, schema_editor):
    FocusArea = apps.get_model("initiatives", "FocusArea")
    FocusArea.objects.bulk_create(
        [
            FocusArea(number=int(row["nummer"]), slug=row["kortnavn"], name=row["fokusomrade"])
            for row in read_rows("fokusomrader.csv")
        ]
    )


def unload(apps, schema_editor):
    apps.get_model("initiatives", "FocusArea").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
