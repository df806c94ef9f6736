"""How an initiative reads on a page: partial dates, vocabulary labels, the results chain."""

from initiatives.dates import format_partial_date

from .choices import Participant, TrustRelation

# The results chain, from what is put in to what it changes in society, in order.
GOAL_FIELDS = (
    "goal_resources",
    "goal_activities",
    "goal_outputs",
    "goal_user_effects",
    "goal_societal_effects",
)


class InitiativeDisplay:
    """Mixed into ``Initiative``: read-only properties for templates, exports and the API.
    (``get_kind_display`` stays on the model: Django would otherwise set its own over it.)"""

    @property
    def start_display(self) -> str:
        """The start date as far as it is known: "12. mars 2024", "mars 2024" or "2024"."""
        return format_partial_date(self.start_date, self.start_precision)

    @property
    def end_display(self) -> str:
        return format_partial_date(self.end_date, self.end_precision)

    @property
    def trust_relation_labels(self) -> list[str]:
        return [str(TrustRelation(v).label) for v in self.trust_relations if v in TrustRelation]

    @property
    def participant_labels(self) -> list[str]:
        return [str(Participant(v).label) for v in self.participants if v in Participant]

    @property
    def goals(self) -> list[tuple[str, str]]:
        """The results chain, in order, leaving out empty links."""
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in GOAL_FIELDS
            if getattr(self, name)
        ]
