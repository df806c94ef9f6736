"""Demo data for ``seed_demo``: the texts live in ``data/*.toml``, ``content`` reads and
checks them, and one seeder per subject stores them."""

from .comments import seed_comments
from .effects import seed_effects
from .experience import seed_experience
from .followup import seed_followup
from .initiatives import seed_initiatives
from .relations import seed_relations

__all__ = [
    "seed_comments",
    "seed_effects",
    "seed_experience",
    "seed_followup",
    "seed_initiatives",
    "seed_relations",
]
