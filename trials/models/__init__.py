from .applications import Exemption, MinistryAssessment, TrialApplication, TrialDocument
from .choices import DocumentKind, Outcome, TrialStatus, Verdict
from .legal import LegalAct
from .rounds import TrialRound

__all__ = [
    "DocumentKind",
    "Exemption",
    "LegalAct",
    "MinistryAssessment",
    "Outcome",
    "TrialApplication",
    "TrialDocument",
    "TrialRound",
    "TrialStatus",
    "Verdict",
]
