"""The overview filters measures by how their effect was judged (``evidence_methods``)."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY cannot run in a transaction

    dependencies = [("initiatives", "0028_effects_and_reporting_removed")]

    operations = [
        AddIndexConcurrently(
            model_name="initiative",
            index=GinIndex(fields=["evidence_methods"], name="initiative_evidence_gin"),
        ),
    ]
