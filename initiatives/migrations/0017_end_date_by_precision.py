# An end known to the month or year may fall in the start's month or year.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0016_date_precision"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="initiative",
            name="initiative_end_after_start",
        ),
        migrations.AddConstraint(
            model_name="initiative",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("end_date__isnull", True),
                    ("start_date__isnull", True),
                    ("end_date__gte", models.F("start_date")),
                    models.Q(
                        ("end_date__month", models.F("start_date__month")),
                        ("end_date__year", models.F("start_date__year")),
                        ("end_precision", "month"),
                    ),
                    models.Q(
                        ("end_date__year", models.F("start_date__year")), ("end_precision", "year")
                    ),
                    _connector="OR",
                ),
                name="initiative_end_after_start",
                violation_error_code="end_before_start",
                violation_error_message="The end date cannot be before the start date.",
            ),
        ),
    ]
