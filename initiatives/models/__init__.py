from .attachments import Attachment
from .choices import (
    Kind,
    LifecycleStatus,
    Participant,
    Sector,
    TrustRelation,
    UnionAssessment,
    WorkflowStatus,
)
from .experience import ExperienceReport, Transferability
from .focus_areas import FocusArea
from .history import InitiativeChange
from .initiatives import Initiative, InitiativeFocusArea
from .overview import OverviewEntry

__all__ = [
    "Attachment",
    "ExperienceReport",
    "FocusArea",
    "Initiative",
    "InitiativeChange",
    "InitiativeFocusArea",
    "Kind",
    "LifecycleStatus",
    "OverviewEntry",
    "Participant",
    "Sector",
    "Transferability",
    "TrustRelation",
    "UnionAssessment",
    "WorkflowStatus",
]
