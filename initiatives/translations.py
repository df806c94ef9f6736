"""Reading a measure or an experience report in the other written standard (bokmål ↔
nynorsk). ``translate_text`` (run by the background task ``tasks.translate_text``) finds the
text's standard and stores Apertium's translation of its current version; ``reading`` tells
the text's page what to show. Who may read a translation: whoever may see the text (the
page loads the text from the reader's scoped queryset)."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils.translation import get_language

from tillit.core.norsk import translate as apertium

from .models import GOAL_FIELDS, ExperienceReport, Initiative, TextTranslation, WrittenStandard
from .models.experience import WRITTEN_FIELDS

logger = logging.getLogger("initiatives.translations")

# The fields of each kind of text that are translated (what its author wrote).
TEXT_FIELDS: dict[type[Model], tuple[str, ...]] = {
    Initiative: ("title", "summary", "description", *GOAL_FIELDS),
    ExperienceReport: tuple(name for name in WRITTEN_FIELDS if name != "transferability"),
}
OTHER = {
    WrittenStandard.BOKMAL: WrittenStandard.NYNORSK,
    WrittenStandard.NYNORSK: WrittenStandard.BOKMAL,
}
PARAMETER = "lesemal"  # ?lesemal=nn on a text's page


def text_fields(obj: Model) -> dict[str, str]:
    return {name: getattr(obj, name) or "" for name in TEXT_FIELDS[type(obj)]}


def version_of(obj: Model) -> str:
    """The text's version: a hash of its fields (the same text gives the same hash)."""
    data = json.dumps([type(obj).__name__, text_fields(obj)], ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()


def _owner(obj: Model) -> dict:
    return {"report": obj} if isinstance(obj, ExperienceReport) else {"initiative": obj}


def _set_standard(obj: Model, standard: str) -> None:
    if standard != obj.written_standard:
        type(obj).objects.filter(pk=obj.pk).update(written_standard=standard)
        obj.written_standard = standard


def translate_text(obj: Model) -> TextTranslation | None:
    """Find the text's written standard, store it, and store the translation of this version
    into the other standard (once; the same text elsewhere is reused). Older versions'
    translations are deleted. None when the standard cannot be told or Apertium is missing."""
    version, mine = version_of(obj), TextTranslation.objects.filter(**_owner(obj))
    existing = mine.filter(source_hash=version).first()
    if existing is not None:  # this version is done (its standard found with it)
        _set_standard(obj, existing.source)
        return existing
    fields = text_fields(obj)
    same_text = TextTranslation.objects.filter(source_hash=version).first()  # elsewhere
    if same_text is not None:
        found = same_text.source
    else:
        found = apertium.written_standard("\n\n".join(fields.values()))
        if found is None and not apertium.available():
            return None  # not looked at: a later run with Apertium installed will
    standard = found or WrittenStandard.UNDETERMINED
    _set_standard(obj, standard)
    if standard not in OTHER:
        return None
    target = OTHER[standard]
    if same_text is not None:
        translated = same_text.fields
    else:
        names = [name for name, text in fields.items() if text.strip()]
        try:
            parts = apertium.translate_parts([fields[n] for n in names], standard, target)
        except apertium.TranslationUnavailable as error:
            logger.warning("no translation of %s %s: %s", type(obj).__name__, obj.pk, error)
            return None
        translated = dict(zip(names, parts, strict=True))
    try:
        with transaction.atomic():
            made = TextTranslation.objects.create(
                **_owner(obj),
                source_hash=version,
                source=standard,
                target=target,
                fields=translated,
            )
    except IntegrityError:  # another worker made it meanwhile
        return mine.get(source_hash=version, target=target)
    mine.exclude(pk=made.pk).delete()
    return made


@dataclass
class Reading:
    """What a text's page shows: the offer to read it in the other standard, and the text
    itself as written or translated (``shown``)."""

    standard: str  # the text's written standard, "" when not known
    offer: str = ""  # the standard it can be read in, "" when none
    first: bool = False  # offer it before the text: the reader's language differs
    requested: bool = False  # the reader asked for the translation (?lesemal=)
    pending: bool = False  # asked for, not made yet
    unavailable: bool = False  # asked for, and Apertium is not installed
    translated: bool = False  # ``shown`` is the translation
    shown: dict = field(default_factory=dict)
    lang: str = ""  # the language of ``shown``


def reading(obj: Model, *, requested: str | None, language: str | None = None) -> Reading:
    """What to show of ``obj`` to a reader with interface ``language`` who asked (or not)
    for the standard ``requested``. One query, and only when a translation is asked for."""
    language = (language or get_language() or "nb")[:2]
    original = text_fields(obj)
    standard = obj.written_standard if obj.written_standard in OTHER else ""
    view = Reading(standard=standard, shown=original, lang=standard or language)
    if not standard:
        return view
    view.offer = OTHER[standard]
    view.first = language in OTHER and language != standard
    view.requested = requested == view.offer
    if not view.requested:
        return view
    found = (
        TextTranslation.objects.filter(
            **_owner(obj), source_hash=version_of(obj), target=view.offer
        )
        .only("fields")
        .first()
    )
    if found is None:
        view.pending = apertium.available()
        view.unavailable = not view.pending
        return view
    view.translated, view.lang = True, view.offer
    view.shown = {name: found.fields.get(name, text) for name, text in original.items()}
    return view


def goals_shown(initiative: Initiative, shown: dict) -> list[tuple[str, str]]:
    """The results chain as ``Initiative.goals``, with the shown (maybe translated) texts."""
    return [
        (initiative._meta.get_field(name).verbose_name, shown[name])
        for name in GOAL_FIELDS
        if shown.get(name)
    ]
