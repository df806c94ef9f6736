from .experience import (
    experience_create,
    experience_publish,
    experience_submit,
    experience_unpublish,
    experience_update,
)
from .records import (
    ConcurrentEditError,
    initiative_create,
    initiative_delete,
    initiative_update,
)
from .relations import initiative_adopt, relation_create, relation_delete
from .transitions import DecisionTooLate
from .workflow import (
    initiative_archive,
    initiative_assess,
    initiative_publish,
    initiative_return,
    initiative_submit,
    initiative_unpublish,
)

__all__ = [
    "ConcurrentEditError",
    "DecisionTooLate",
    "experience_create",
    "experience_publish",
    "experience_submit",
    "experience_unpublish",
    "experience_update",
    "initiative_adopt",
    "initiative_archive",
    "initiative_assess",
    "initiative_create",
    "initiative_delete",
    "initiative_publish",
    "initiative_return",
    "initiative_submit",
    "initiative_unpublish",
    "initiative_update",
    "relation_create",
    "relation_delete",
]
