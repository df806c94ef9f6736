"""Keeping the search vocabulary (``SearchVocabulary``): the surface words of published
measures (title, summary, description, results chain), published experience reports, the
names of the organisations in published measures and of counties and municipalities,
counted by PostgreSQL's ``ts_stat`` in one statement. Nothing unpublished is read, so a
suggested correction never shows a word that nobody may read.

``refresh`` rebuilds it (nightly, after ``seed_demo``, after published text is withdrawn,
and by ``manage.py refresh_search_vocabulary``); ``learn`` adds one newly published text's
words at once, inside the publishing transaction."""

from __future__ import annotations

from django.db import connection, transaction

from .models import WorkflowStatus
from .models.experience import WRITTEN_FIELDS

TABLE = "initiatives_searchvocabulary"
PUBLISHED = WorkflowStatus.PUBLISERT.value
MEASURE_FIELDS = (
    "title",
    "summary",
    "description",
    "goal_resources",
    "goal_activities",
    "goal_outputs",
    "goal_user_effects",
    "goal_societal_effects",
)
# The measure's relations to organisations besides its owner (their join tables' suffixes).
LINKED = ("partners", "participating_organisations", "responsible_ministries")
REPORT_FIELDS = tuple(name for name in WRITTEN_FIELDS if name != "transferability")
# Words worth offering: three letters or more, no digits, no parts of addresses or names of
# files (the 'simple' parser keeps e-mail addresses, hosts and paths as one token).
KEEP = "length(word) BETWEEN 3 AND 60 AND word !~ '[-0-9_./@:]'"
LOCK = 2126_0026  # one refresh at a time (an advisory lock's number)


def _vector(alias: str, fields: tuple[str, ...]) -> str:
    columns = ", ".join(f"{alias}.{name}" for name in fields)
    return f"to_tsvector('simple', concat_ws(' ', {columns}))"


def _organisations(measures: str) -> str:
    """The names of the organisations that own or take part in ``measures`` (ids)."""
    linked = " UNION ".join(
        f"SELECT organisation_id FROM initiatives_initiative_{relation}"  # noqa: S608
        f" WHERE initiative_id IN ({measures})"
        for relation in LINKED
    )
    return (
        "SELECT to_tsvector('simple', concat_ws(' ', o.name, o.short_name))"  # noqa: S608
        " FROM accounts_organisation o WHERE o.id IN (SELECT organisation_id"
        f" FROM initiatives_initiative WHERE id IN ({measures}) UNION {linked})"
    )


def documents_sql(*, initiative_id: int | None = None, report_id: int | None = None) -> str:
    """The query ``ts_stat`` reads: one tsvector per published document and per name of an
    organisation in a published measure, with the names of counties and municipalities (all
    of them; or one measure with its published reports and its organisations; or one
    report)."""
    measures = (
        f"SELECT {_vector('i', MEASURE_FIELDS)} FROM initiatives_initiative i"  # noqa: S608
        f" WHERE i.workflow_status = '{PUBLISHED}'"
    )
    reports = (
        f"SELECT {_vector('r', REPORT_FIELDS)} FROM initiatives_experiencereport r"  # noqa: S608
        " JOIN initiatives_initiative i ON i.id = r.initiative_id"
        f" WHERE r.workflow_status = '{PUBLISHED}' AND i.workflow_status = '{PUBLISHED}'"
    )
    if report_id is not None:
        return f"{reports} AND r.id = {int(report_id)}"
    ids = (
        "SELECT id FROM initiatives_initiative"  # noqa: S608 (constants)
        f" WHERE workflow_status = '{PUBLISHED}'"
    )
    places = (
        " UNION ALL SELECT to_tsvector('simple', name) FROM accounts_county"
        " UNION ALL SELECT to_tsvector('simple', name) FROM accounts_municipality"
    )
    if initiative_id is not None:
        measures += f" AND i.id = {int(initiative_id)}"
        reports += f" AND i.id = {int(initiative_id)}"
        ids += f" AND id = {int(initiative_id)}"
        places = ""
    return f"{measures} UNION ALL {reports} UNION ALL {_organisations(ids)}{places}"


WORDS = f"SELECT word, ndoc FROM ts_stat(%s) WHERE {KEEP}"  # noqa: S608 (constants)


def refresh() -> int:
    """Rebuild the vocabulary from what is published now; returns its number of words.
    The words are counted first, then changed in place: readers are never blocked."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMP TABLE fresh_vocabulary ON COMMIT DROP AS {WORDS}",
            [documents_sql()],
        )
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK])
        cursor.execute(
            f"DELETE FROM {TABLE} v WHERE NOT EXISTS"  # noqa: S608 (constants)
            " (SELECT 1 FROM fresh_vocabulary f WHERE f.word = v.word)"
        )
        cursor.execute(
            f"INSERT INTO {TABLE} AS v (word, documents)"  # noqa: S608 (constants)
            " SELECT word, ndoc FROM fresh_vocabulary ORDER BY word"
            " ON CONFLICT (word) DO UPDATE SET documents = EXCLUDED.documents"
            " WHERE v.documents <> EXCLUDED.documents"
        )
        cursor.execute("SELECT count(*) FROM fresh_vocabulary")
        words = cursor.fetchone()[0]
        cursor.execute("DROP TABLE fresh_vocabulary")  # now, also inside an outer transaction
        return words


def learn(*, initiative_id: int | None = None, report_id: int | None = None) -> None:
    """Add the words of a measure just published (with its published reports) or of a report
    just published. Words in a fixed order, so concurrent publications cannot deadlock."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {TABLE} AS v (word, documents)"  # noqa: S608 (constants)
            f" SELECT word, ndoc FROM ({WORDS}) AS w ORDER BY word"
            " ON CONFLICT (word) DO UPDATE SET documents = v.documents + EXCLUDED.documents",
            [documents_sql(initiative_id=initiative_id, report_id=report_id)],
        )


def learn_measure(initiative) -> None:
    """A measure's publication step (``services.workflow``)."""
    learn(initiative_id=initiative.pk)


def learn_report(report) -> None:
    """An experience report's publication step (``services.experience``)."""
    learn(report_id=report.pk)
