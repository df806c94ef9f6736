from .records import ConcurrentEditError, initiative_create, initiative_update
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
    "initiative_archive",
    "initiative_assess",
    "initiative_create",
    "initiative_publish",
    "initiative_return",
    "initiative_submit",
    "initiative_unpublish",
    "initiative_update",
]
