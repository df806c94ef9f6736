"""Separation of duties for assessments made before the rule (issue 18, item 3): an
assessment of employee involvement by someone who created, edited, submitted or published the
measure, or who leads its organisation, goes back to unknown, in its history and the audit
trail. Going back does nothing: the withdrawn assessments are kept in those records."""

from django.db import migrations, transaction

SHAPING_ACTIONS = ("created", "edited", "submitted", "published")
FIELDS = ("union_assessment", "union_assessment_text")


def _assessor(initiative, changes) -> int | None:
    """Who assessed: the recorded assessor, else the last assessment in the history."""
    if initiative.union_assessed_by_id is not None:
        return initiative.union_assessed_by_id
    last = changes.filter(initiative=initiative, action="assessed").order_by("-created_at").first()
    return last.actor_id if last else None


def reset_self_assessments(apps, schema_editor) -> list[int]:
    """Reset the assessments made by a party to the measure; the ids of those measures."""
    Initiative = apps.get_model("initiatives", "Initiative")
    InitiativeChange = apps.get_model("initiatives", "InitiativeChange")
    Membership = apps.get_model("accounts", "Membership")
    AuditEvent = apps.get_model("core", "AuditEvent")
    reset = []
    assessed = Initiative.objects.exclude(union_assessment="ukjent").select_for_update()
    for initiative in assessed.order_by("pk"):
        user_id = _assessor(initiative, InitiativeChange.objects)
        if user_id is None:
            continue
        shaped = InitiativeChange.objects.filter(
            initiative=initiative, actor_id=user_id, action__in=SHAPING_ACTIONS
        )
        leads = Membership.objects.filter(
            user_id=user_id, organisation_id=initiative.organisation_id, roles__contains=["leder"]
        )
        if initiative.created_by_id != user_id and not shaped.exists() and not leads.exists():
            continue
        fields = {name: [getattr(initiative, name), ""] for name in FIELDS}
        fields["union_assessment"][1] = "ukjent"
        details = {
            "fields": sorted(FIELDS),
            "assessed_by": user_id,
            "union": initiative.union_assessment_union,
            "assessed_at": initiative.union_assessed_at.isoformat()
            if initiative.union_assessed_at
            else None,
            "was": initiative.union_assessment,
        }
        initiative.union_assessment = "ukjent"
        initiative.union_assessment_text = ""
        initiative.union_assessment_union = ""
        initiative.union_assessed_by_id = None
        initiative.union_assessed_at = None
        initiative.version += 1
        initiative.save()
        InitiativeChange.objects.create(
            initiative=initiative,
            actor_name="Tillitsportalen",
            action="assessment_reset",
            fields=fields,
        )
        AuditEvent.objects.create(
            actor_name="Tillitsportalen",
            action="initiative.assessment_reset",
            object_type="initiatives.initiative",
            object_id=str(initiative.pk),
            object_repr=str(initiative.title)[:300],
            organisation_id=initiative.organisation_id,
            details=details,
        )
        reset.append(initiative.pk)
    if reset:
        from initiatives.overview.cache import bump_data_version

        transaction.on_commit(bump_data_version)
    return reset


def _run(apps, schema_editor) -> None:
    reset_self_assessments(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0017_end_date_by_precision"),
        ("accounts", "0003_constraint_messages"),
        ("core", "0006_audit_organisation_time_index"),
    ]

    operations = [migrations.RunPython(_run, migrations.RunPython.noop, elidable=False)]
