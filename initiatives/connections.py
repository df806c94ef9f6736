"""Reading the connections between measures: on a measure's page (only the measures the
viewer may see, so another organisation's draft never shows), and for the open data and the
exports (published measures only, from prefetched rows)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q

from .models import Initiative, InitiativeRelation, RelationKind, WorkflowStatus


@dataclass(frozen=True)
class Connection:
    """The other measure of a connection, the network's name, and the stored row."""

    measure: Initiative
    relation: InitiativeRelation
    network_name: str = ""


@dataclass
class Connections:
    builds_on: list[Connection] = field(default_factory=list)  # "Bygger på"
    built_upon_by: list[Connection] = field(default_factory=list)  # "Prøvd videre av"
    networks: list[Connection] = field(default_factory=list)  # same network or programme

    def __bool__(self) -> bool:
        return bool(self.builds_on or self.built_upon_by or self.networks)

    def all(self) -> list[Connection]:
        return [*self.builds_on, *self.built_upon_by, *self.networks]


def _sorted(connections: Connections) -> Connections:
    """Older measures first: the order in which the idea travelled."""
    for name in ("builds_on", "built_upon_by", "networks"):
        getattr(connections, name).sort(key=lambda c: c.measure.pk)
    return connections


def _grouped(initiative_id: int, relations) -> Connections:
    found = Connections()
    for relation in relations:
        outgoing = relation.initiative_id == initiative_id
        other = relation.other if outgoing else relation.initiative
        if relation.kind == RelationKind.SAMME_NETTVERK:
            found.networks.append(Connection(other, relation, relation.network_name))
        elif outgoing:
            found.builds_on.append(Connection(other, relation))
        else:
            found.built_upon_by.append(Connection(other, relation))
    return _sorted(found)


def connections_of(initiative: Initiative, *, user) -> Connections:
    """The measure's connections to measures ``user`` may see (one query)."""
    visible = Initiative.objects.visible_to(user).values("pk")
    relations = InitiativeRelation.objects.filter(
        Q(initiative=initiative, other__in=visible) | Q(other=initiative, initiative__in=visible)
    ).select_related("initiative__organisation", "other__organisation")
    return _grouped(initiative.pk, relations)


PUBLISHED_FROM = "public_relations_from"
PUBLISHED_TO = "public_relations_to"


def prefetch_public_connections() -> list[Prefetch]:
    """For lists of published measures: their connections to other published measures."""
    published = WorkflowStatus.PUBLISERT
    related = InitiativeRelation.objects.select_related("initiative", "other").only(
        "kind", "network_name", "initiative", "other", "initiative__title", "other__title"
    )
    return [
        Prefetch(
            "relations_from",
            queryset=related.filter(other__workflow_status=published),
            to_attr=PUBLISHED_FROM,
        ),
        Prefetch(
            "relations_to",
            queryset=related.filter(initiative__workflow_status=published),
            to_attr=PUBLISHED_TO,
        ),
    ]


def public_connections(initiative: Initiative) -> Connections:
    """Needs ``prefetch_public_connections()`` on the measure's queryset."""
    relations = [*getattr(initiative, PUBLISHED_FROM), *getattr(initiative, PUBLISHED_TO)]
    return _grouped(initiative.pk, relations)
