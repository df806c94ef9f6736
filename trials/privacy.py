"""What the trials app hands the privacy pages: the applications, assessments and documents
a user wrote, in their data export. Imported by ``TrialsConfig.ready()``, which registers it.
Deleting the account keeps them, without the name (the relations are SET_NULL)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tillit.accounts.privacy.registry import rows, section

from .models import MinistryAssessment, TrialApplication, TrialDocument


@section(
    "trial_applications",
    _("Trial applications, assessments and documents"),
    covers=(
        "trials.TrialApplication.created_by",
        "trials.MinistryAssessment.assessed_by",
        "trials.TrialDocument.uploaded_by",
    ),
)
def _trials(user):
    return {
        "applications": rows(
            TrialApplication.objects.filter(created_by=user).order_by("pk"),
            "id",
            "title",
            "workflow_status",
            "created_at",
        ),
        "assessments": rows(
            MinistryAssessment.objects.filter(assessed_by=user).order_by("pk"),
            "application_id",
            "ministry__name",
            "verdict",
            "reasons",
            "assessed_at",
        ),
        "documents": rows(
            TrialDocument.objects.filter(uploaded_by=user).order_by("pk"),
            "application_id",
            "kind",
            "original_name",
            "uploaded_at",
        ),
    }
