"""Keeping the stored vectors fresh: the services index what they write; ``reindex`` does it
in batches for a queryset (``manage.py reindex_search``, a changed organisation, rows the
database marked stale). ``search_version`` says what a row was indexed with (0: only the
database's Snowball fallback)."""

from __future__ import annotations

import logging

from django.contrib.postgres.search import SearchVectorField
from django.db import transaction
from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Cast

from initiatives.models import ExperienceReport, Initiative
from tillit.core.norsk.analyser import analyser

from .vector import REPORT_B, REPORT_C, measure_texts, measure_vector, report_vector, tokens

logger = logging.getLogger(__name__)
BATCH = 500


def current_version() -> int:
    return analyser().version


def _as_vector(literal: str) -> Cast:
    return Cast(Value(literal), SearchVectorField())


def index_initiative(initiative: Initiative) -> None:
    """Writes the measure's vector (after its relations are saved): one UPDATE, which the
    database copies to the overview entry; ``updated_at`` is left alone."""
    vector, version = measure_vector(initiative), current_version()
    Initiative.objects.filter(pk=initiative.pk).update(
        search_vector=_as_vector(vector), search_version=version
    )
    initiative.search_vector, initiative.search_version = vector, version


def prepare_report(report: ExperienceReport) -> None:
    """Sets the report's vector before the service saves it."""
    report.search_vector, report.search_version = report_vector(report), current_version()


def index_report(report: ExperienceReport) -> None:
    vector, version = report_vector(report), current_version()
    ExperienceReport.objects.filter(pk=report.pk).update(
        search_vector=_as_vector(vector), search_version=version
    )
    report.search_vector, report.search_version = vector, version


def _warm(texts: list[str]) -> None:
    """Analyses the batch's words in one request: word by word would be far slower."""
    words = {word for text in texts for _, parts in tokens(text) for word in parts}
    analyser().lexemes(words)


MEASURE_RELATED = ("organisation__municipality", "organisation__county")
MEASURE_PREFETCH = (
    "participating_organisations__municipality",
    "participating_organisations__county",
    "responsible_ministries",
)


def reindex(queryset: QuerySet, *, batch: int = BATCH, after: int = 0, progress=None) -> int:
    """Re-indexes ``queryset``'s measures or reports by id, a batch per transaction, so an
    interrupted run resumes (``after``: the last id done). Returns how many."""
    model = queryset.model
    if model is Initiative:
        queryset = queryset.select_related(*MEASURE_RELATED).prefetch_related(*MEASURE_PREFETCH)
        make, texts = measure_vector, lambda row: [t for t, _ in measure_texts(row)]
    else:
        queryset = queryset.select_related("initiative__organisation__municipality")
        queryset = queryset.select_related("initiative__organisation__county")
        make = report_vector
        texts = lambda row: [getattr(row, name) for name in ("title", *REPORT_B, *REPORT_C)]  # noqa: E731
    version, done = current_version(), 0
    while True:
        rows = list(queryset.filter(pk__gt=after).order_by("pk")[:batch])
        if not rows:
            return done
        _warm([text for row in rows for text in texts(row)])
        with transaction.atomic():
            for row in rows:
                row.search_vector = _as_vector(make(row))
                row.search_version = version
            model.objects.bulk_update(rows, ["search_vector", "search_version"])
        done, after = done + len(rows), rows[-1].pk
        if progress:
            progress(done, after)


def reindex_everything(*, batch: int = BATCH) -> int:
    return reindex(Initiative.objects.all(), batch=batch) + reindex(
        ExperienceReport.objects.all(), batch=batch
    )


# Above this many stale measures ``migrate`` leaves the work to ``manage.py reindex_search``.
REINDEX_AFTER_MIGRATE_LIMIT = 50_000


def reindex_after_migrate(**kwargs) -> None:
    """After ``migrate`` (post_migrate): rows without a vector of the current analyser get
    one, when there are few; for a large register a warning names the command to run."""
    count = stale(Initiative).count()
    if count > REINDEX_AFTER_MIGRATE_LIMIT:
        logger.warning(
            "%d measures have old search vectors: run `manage.py reindex_search` "
            "(until then search uses the Snowball vectors they have)",
            count,
        )
        return
    reindex(stale(Initiative))
    reindex(stale(ExperienceReport))


def stale(model) -> QuerySet:
    return model.objects.filter(~Q(search_version=current_version()))


def reindex_organisation(organisation_id: int) -> int:
    """After an organisation's name or place changed: the measures that name it, and the
    experience reports of the measures it owns."""
    measures = Initiative.objects.filter(
        Q(organisation_id=organisation_id)
        | Q(participating_organisations=organisation_id)
        | Q(responsible_ministries=organisation_id)
    ).distinct()
    done = reindex(Initiative.objects.filter(pk__in=measures.values("pk")))
    reports = ExperienceReport.objects.filter(initiative__organisation_id=organisation_id)
    return done + reindex(reports)


def index_alike(initiatives: list[Initiative], *, cache: dict | None = None) -> None:
    """Bulk-loaded measures (the demo, the bench), many with the same text and owner: one
    vector per distinct text, owner and relations, kept in ``cache`` across calls."""
    cache = {} if cache is None else cache
    rows = list(
        Initiative.objects.filter(pk__in=[i.pk for i in initiatives])
        .select_related(*MEASURE_RELATED)
        .prefetch_related(*MEASURE_PREFETCH)
    )
    _warm([text for row in rows for text, _ in measure_texts(row)])
    version = current_version()
    for row in rows:
        key = (
            *(text for text, _ in measure_texts(row)),
            row.organisation_id,
            tuple(sorted(m.pk for m in row.responsible_ministries.all())),
            tuple(sorted(p.pk for p in row.participating_organisations.all())),
        )
        if key not in cache:
            cache[key] = measure_vector(row)
        row.search_vector, row.search_version = _as_vector(cache[key]), version
    Initiative.objects.bulk_update(rows, ["search_vector", "search_version"], batch_size=1000)
