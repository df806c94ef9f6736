"""Lexemes of Norwegian words for the search index and the search query.

Apertium's bokmål and nynorsk analysers (``lt-proc -w -e``, package apertium-nno-nob) give
each word's lemma and compound parts; the pair's bilingual dictionaries give the lemma in the
other written standard, so "sjukeheimen" and "sykehjemmet" share ``sykehjem``. Of a word's
readings only those with the fewest parts count: a lexicalised "fastlege" beats fast+lege.
Words Apertium does not know get hunspell's stems, and failing that the Snowball stem, which
is also all there is where the dictionaries are missing (a warning is logged, and the system
check says so). ``lexemes(words, parts=True)`` is for text being indexed: compounds give their
parts too, and the compounds within them ("tannhelsetjenesten": tann, helse, tjeneste,
tannhelse, helsetjeneste); a query word gives
only its whole lemmas, so "fastlege" never matches a text that merely says "fast"."""

from __future__ import annotations

import itertools
import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import snowballstemmer
from django.conf import settings

from .hunspell import Hunspell
from .process import LtProc, ProcessError
from .stopwords import STOP_WORDS

logger = logging.getLogger(__name__)

APERTIUM_DIR = "/usr/share/apertium/apertium-nno-nob"
HUNSPELL_DIR = "/usr/share/hunspell"
SIDES = ("nob-nno", "nno-nob")  # the bokmål analyser first, then the nynorsk one
RECIPE = 5  # raise when the lexemes of a word change: every vector is then made again
CACHE_SIZE = 200_000
BATCH = 2_000  # words per request to lt-proc
WORD = re.compile(r"[^\W_]+")
UNIT = re.compile(r"\^(.*?)\$", re.S)
MAX_COMBINATIONS = 8  # translated spellings of one compound
# Guessing the parts of a long unknown string costs lt-proc about a second; real compounds
# are shorter ("arbeidsmiljøtillitsvalgt" has 24 letters). Longer ones get the fallbacks.
MAX_APERTIUM_LENGTH = 40
VARIANT_GAP = 2  # letters: see _native


@dataclass(frozen=True)
class Analysis:
    """A word's ``whole`` lemmas (both standards) and, for a compound, its ``parts``';
    ``known`` is false when no dictionary knew the word (the lemmas are then guesses).
    ``native`` are the whole lemmas an analyser read in the text itself, not translated
    from the other standard (empty: all of ``whole``)."""

    whole: frozenset[str]
    parts: frozenset[str] = frozenset()
    known: bool = True
    native_only: frozenset[str] = frozenset()
    pieces: tuple[frozenset[str], ...] = ()  # a compound's parts in order, each as spelled

    @property
    def native(self) -> frozenset[str]:
        return self.native_only or self.whole

    @property
    def translated(self) -> frozenset[str]:
        """The lemmas only the other standard's spelling gives ("sykehjem" of "sjukeheim")."""
        return self.whole - self.native


def _lexeme(lemma: str) -> str | None:
    lemma = lemma.split("#")[0].lower().replace("-", "")
    return lemma if lemma and " " not in lemma else None


def _readings(unit: str) -> tuple[str, list[list[tuple[str, str]]]]:
    """``surface/reading/…`` → the surface and its readings, each a list of (lemma, tags)."""
    surface, *readings = unit.split("/")
    parsed = []
    for reading in readings:
        if reading.startswith("*"):
            return surface, []
        parts = []
        for part in reading.split("+"):
            lemma, _, tags = part.partition("<")
            parts.append((lemma, "<" + tags if tags else ""))
        parsed.append(parts)
    return surface, parsed


def _lines(answer: str, count: int) -> list[list[str]]:
    """The units of each line of an answer: one line per line asked."""
    lines = answer.split("\n")[:count]
    if len(lines) != count:
        raise ProcessError(f"{count} lines asked, {len(lines)} answered")
    return [UNIT.findall(line) for line in lines]


class Analyser:
    """Thread-safe; its lt-proc processes start when first needed."""

    def __init__(self, apertium_dir: str | Path, hunspell_dir: str | Path):
        self.apertium_dir, self.hunspell_dir = Path(apertium_dir), Path(hunspell_dir)
        self.snowball = snowballstemmer.stemmer("norwegian")
        self.snowball_lock = threading.Lock()
        self.cache: OrderedDict[str, Analysis] = OrderedDict()
        self.cache_lock = threading.Lock()
        self.apertium = self._apertium()
        self.hunspell = self._hunspell()

    def _apertium(self) -> dict[str, tuple[LtProc, LtProc]] | None:
        files = [
            self.apertium_dir / f"{side}.{kind}.bin"
            for side in SIDES
            for kind in ("automorf", "autobil")
        ]
        missing = [str(file) for file in files if not file.exists()]
        if missing:
            logger.warning(
                "apertium-nno-nob is not installed (%s missing): search uses plain Snowball "
                "stems, without compounds or bokmål/nynorsk. Run scripts/norsk-deps.sh.",
                missing[0],
            )
            return None
        return {
            side: (
                LtProc("-w", "-e", str(self.apertium_dir / f"{side}.automorf.bin")),
                LtProc("-b", str(self.apertium_dir / f"{side}.autobil.bin")),
            )
            for side in SIDES
        }

    def _hunspell(self) -> list[Hunspell]:
        found = []
        for name in ("nb_NO", "nn_NO"):
            try:
                found.append(Hunspell(self.hunspell_dir / name))
            except OSError as error:
                logger.warning("hunspell %s is not available (%s)", name, error)
        return found

    @property
    def available(self) -> bool:
        """Does it know Norwegian words (Apertium), or only cut endings off (Snowball)?"""
        return self.apertium is not None

    @property
    def version(self) -> int:
        """What the index was made with: another number means the vectors are outdated."""
        return RECIPE * 10 + (2 if self.apertium else 0) + (1 if self.hunspell else 0)

    def close(self) -> None:
        for processes in (self.apertium or {}).values():
            for process in processes:
                process.close()

    # --- the public API -------------------------------------------------------------

    def lexemes(self, words: Iterable[str], *, parts: bool = True) -> dict[str, frozenset[str]]:
        """Each word's lexemes (lower case); stop words and non-words give none."""
        analyses = self.analyse(words)
        return {
            word: (found.whole | found.parts) if parts else found.whole
            for word, found in analyses.items()
        }

    def analyse(self, words: Iterable[str]) -> dict[str, Analysis]:
        wanted = {word for word in words}
        result, missing = {}, []
        with self.cache_lock:
            for word in wanted:
                if word.lower() in STOP_WORDS or not WORD.fullmatch(word):
                    result[word] = Analysis(frozenset())
                elif word in self.cache:
                    self.cache.move_to_end(word)
                    result[word] = self.cache[word]
                else:
                    missing.append(word)
        if missing:
            found = self._analyse(sorted(missing))
            with self.cache_lock:
                for word, analysis in found.items():
                    self.cache[word] = analysis
                while len(self.cache) > CACHE_SIZE:
                    self.cache.popitem(last=False)
            result.update(found)
        return result

    def unknown(self, words: Iterable[str]) -> set[str]:
        """The words no dictionary knows (misspelt, or names the dictionaries lack)."""
        return {word for word, found in self.analyse(words).items() if not found.known}

    def stem(self, word: str) -> str:
        """The Snowball stem, the same as PostgreSQL's ``norwegian`` configuration gives."""
        with self.snowball_lock:
            return self.snowball.stemWord(word.lower())

    # --- the chain: Apertium, hunspell, Snowball ---------------------------------------

    def _analyse(self, words: list[str]) -> dict[str, Analysis]:
        found: dict[str, Analysis] = {}
        known = [word for word in words if len(word) <= MAX_APERTIUM_LENGTH]
        if self.apertium is not None and known:
            try:
                for start in range(0, len(known), BATCH):
                    found.update(self._apertium_batch(known[start : start + BATCH]))
            except (OSError, ProcessError) as error:
                logger.warning("Apertium failed (%s): Snowball stems for this batch", error)
        for word in words:
            if word not in found:
                found[word] = self._fallback(word)
        return found

    def _fallback(self, word: str) -> Analysis:
        lower = word.lower()
        stems = {_lexeme(stem) for speller in self.hunspell for stem in speller.stems(word)}
        stems.discard(None)
        known = bool(stems)
        if not stems:
            stems = {self.stem(lower)}
        if self.apertium is not None:
            stems.add(lower)  # an unknown word is also indexed as written
        return Analysis(frozenset(stems), known=known)

    def _apertium_batch(self, words: list[str]) -> dict[str, Analysis]:
        for processes in self.apertium.values():
            for process in processes:
                process.start()  # the four load their dictionaries side by side
        readings = {}
        for side in SIDES:
            answer = self.apertium[side][0].ask("\n".join(words) + "\n")
            for word, units in zip(words, _lines(answer, len(words)), strict=True):
                # a word the analyser cuts in several units ("3D", odd letters) is unknown
                parsed = _readings(units[0])[1] if len(units) == 1 else []
                readings.setdefault(word, []).extend((side, reading) for reading in parsed)
        kept = {}
        for word, found in readings.items():
            if found:
                fewest = min(len(reading) for _, reading in found)
                kept[word] = [(side, r) for side, r in found if len(r) == fewest]
        translations = self._translate(kept)
        return {
            word: self._combine(found, translations, word.lower()) for word, found in kept.items()
        }

    def _translate(self, kept) -> dict[tuple[str, str, str], set[str]]:
        """(side, lemma, tags) → the lemmas in the other standard (bilingual dictionary)."""
        translations = {}
        for side in SIDES:
            pairs = sorted(
                {
                    (lemma, tags.replace("<cmp>", ""))
                    for found in kept.values()
                    for s, reading in found
                    if s == side
                    for lemma, tags in reading
                    if tags
                }
            )
            if not pairs:
                continue
            request = "".join(f"^{lemma}{tags}$\n" for lemma, tags in pairs)
            answer = self.apertium[side][1].ask(request)
            for (lemma, tags), units in zip(pairs, _lines(answer, len(pairs)), strict=True):
                _, *targets = units[0].split("/") if len(units) == 1 else [""]
                translations[side, lemma, tags] = {
                    target.partition("<")[0]
                    for target in targets
                    if target and target[0] not in "@*#"
                }
        return translations

    def _combine(self, found, translations, surface: str) -> Analysis:
        whole, parts = set(), set()
        native = _native(found, surface)
        pieces: list[set[str]] = [set() for _ in found[0][1]] if len(found[0][1]) > 1 else []
        for side, reading in found:
            options = []
            for lemma, tags in reading:
                spelled = {lemma, *translations.get((side, lemma, tags.replace("<cmp>", "")), ())}
                spelled = {x for x in map(_lexeme, spelled) if x}
                options.append(sorted(spelled))
                if len(reading) > 1:
                    parts.update(spelled)
                    pieces[len(options) - 1] |= spelled
            whole.update(_joined(options))
            for start, end in itertools.combinations(range(len(options) + 1), 2):
                if 1 < end - start < len(options):  # "tannhelse" of tann+helse+tjeneste
                    parts.update(_joined(options[start:end]))
        whole.discard("")
        native &= whole
        return Analysis(
            frozenset(whole),
            frozenset(parts - whole),
            native_only=frozenset(native),
            pieces=tuple(frozenset(piece) for piece in pieces if piece),
        )


def _joined(options: list[list[str]]) -> set[str]:
    """The spellings of consecutive compound parts written together (a few at most)."""
    combinations = itertools.islice(itertools.product(*options), MAX_COMBINATIONS)
    return {"".join(combination) for combination in combinations} - {""}


def _shared_start(lemma: str, surface: str) -> int:
    return next(
        (i for i, (a, b) in enumerate(zip(lemma, surface, strict=False)) if a != b),
        min(len(lemma), len(surface)),
    )


def _native(found, surface: str) -> set[str]:
    """The lemmas read in the word as written. Each analyser also accepts some of the other
    standard's spellings as variants ("skolen" is nynorsk ``skule`` too): where both read the
    word with different lemmas, a side whose lemmas share at least ``VARIANT_GAP`` fewer
    letters with the start of what is written read a variant, and its lemmas count as
    translations ("tilsette", the bokmål verb and the nynorsk noun, stays both)."""
    by_side: dict[str, set[str]] = {}
    for side, reading in found:
        by_side.setdefault(side, set()).add("".join(_lexeme(lemma) or "" for lemma, _ in reading))
    closest = {
        side: max(_shared_start(lemma, surface) for lemma in lemmas)
        for side, lemmas in by_side.items()
    }
    best = max(closest.values(), default=0)
    near = {side for side, letters in closest.items() if letters > best - VARIANT_GAP}
    return {lemma for side in near for lemma in by_side[side]}


_lock = threading.Lock()
_analyser: Analyser | None = None


def analyser() -> Analyser:
    """The process's analyser, made from the settings ``NORSK_ANALYSER_DIR`` (Apertium's
    nno-nob files) and ``NORSK_HUNSPELL_DIR`` when first needed."""
    global _analyser
    apertium_dir = getattr(settings, "NORSK_ANALYSER_DIR", APERTIUM_DIR)
    hunspell_dir = getattr(settings, "NORSK_HUNSPELL_DIR", HUNSPELL_DIR)
    with _lock:
        current = _analyser
        if current is None or (current.apertium_dir, current.hunspell_dir) != (
            Path(apertium_dir),
            Path(hunspell_dir),
        ):
            if current is not None:
                current.close()
            _analyser = current = Analyser(apertium_dir, hunspell_dir)
        return current
