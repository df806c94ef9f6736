from initiatives.dates import DatePrecision

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
from .comments import Comment, CommentFlag, CommentStatus, ModerationAction, ReportReason
from .creation import CreationToken
from .display import GOAL_FIELDS
from .effects import (
    EvidenceMethod,
    GivenBackTo,
    Indicator,
    ReportingChange,
    ReportingFrequency,
    ReportingRemoval,
    RequiredBy,
)
from .experience import ExperienceReport, Transferability
from .focus_areas import FocusArea, InitiativeFocusArea
from .following import Event, Follow, Frequency, MailPreferences, Notification
from .followup import FollowUp, FollowUpAnswer, FollowUpRound
from .history import ChangeAction, InitiativeChange
from .initiatives import Initiative
from .overview import OverviewEntry
from .relations import InitiativeRelation, RelationKind
from .translations import TextTranslation, WrittenStandard
from .vocabulary import SearchVocabulary

__all__ = [
    "GOAL_FIELDS",
    "Attachment",
    "ChangeAction",
    "Comment",
    "CommentFlag",
    "CommentStatus",
    "CreationToken",
    "DatePrecision",
    "Event",
    "EvidenceMethod",
    "ExperienceReport",
    "FocusArea",
    "Follow",
    "FollowUp",
    "FollowUpAnswer",
    "FollowUpRound",
    "Frequency",
    "GivenBackTo",
    "Indicator",
    "Initiative",
    "InitiativeChange",
    "InitiativeFocusArea",
    "InitiativeRelation",
    "Kind",
    "LifecycleStatus",
    "MailPreferences",
    "ModerationAction",
    "Notification",
    "OverviewEntry",
    "Participant",
    "RelationKind",
    "ReportReason",
    "ReportingChange",
    "ReportingFrequency",
    "ReportingRemoval",
    "RequiredBy",
    "SearchVocabulary",
    "Sector",
    "TextTranslation",
    "Transferability",
    "TrustRelation",
    "UnionAssessment",
    "WorkflowStatus",
    "WrittenStandard",
    "YearbookPick",
    "YearbookPickSection",
]
from .yearbook import YearbookPick, YearbookPickSection
