"""Bokmål ↔ nynorsk with Apertium (``apertium-nno-nob``), run as a subprocess: which written
standard a text is in, and its translation into the other one. No domain imports.

Where Apertium is missing (``settings.APERTIUM_COMMAND`` / ``NORSK_ANALYSER_DIR`` not found) a
warning is logged once, ``available()`` is False, and both functions answer None."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from django.conf import settings

logger = logging.getLogger("tillit.norsk")

BOKMAL, NYNORSK = "nb", "nn"
# nob-nno_e: nynorsk with e-infinitive ("å fylle"), the form public administration mostly
# writes; plain nob-nno gives the a-infinitive ("å fylla").
MODES = {(BOKMAL, NYNORSK): "nob-nno_e", (NYNORSK, BOKMAL): "nno-nob"}
# Each standard's morphological analyser in the pair's directory.
ANALYSERS = {BOKMAL: "nob-nno.automorf.bin", NYNORSK: "nno-nob.automorf.bin"}
# Between the parts of one text: a line Apertium passes through as it is.
SEPARATOR = "\n\n⁂⁂⁂\n\n"
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
WORDS_READ = 400  # detection looks at the first words only: enough to tell, and quick


class TranslationUnavailable(RuntimeError):
    """Apertium is not installed, or failed on this text."""


def _command() -> str | None:
    return shutil.which(getattr(settings, "APERTIUM_COMMAND", "apertium"))


def _lt_proc() -> str | None:
    return shutil.which(getattr(settings, "APERTIUM_LT_PROC", "lt-proc"))


def _pair_dir() -> Path:
    return Path(getattr(settings, "NORSK_ANALYSER_DIR", "/usr/share/apertium/apertium-nno-nob"))


def _timeout() -> float:
    return float(getattr(settings, "APERTIUM_TIMEOUT", 120))


@cache
def _warn_missing(what: str) -> None:
    logger.warning(
        "%s not found: texts are not translated between bokmål and nynorsk "
        "(install the Debian package apertium-nno-nob)",
        what,
    )


def _missing() -> list[str]:
    missing = [
        name
        for name, found in (
            (getattr(settings, "APERTIUM_COMMAND", "apertium"), _command()),
            (getattr(settings, "APERTIUM_LT_PROC", "lt-proc"), _lt_proc()),
        )
        if found is None
    ]
    analysers = (_pair_dir() / name for name in ANALYSERS.values())
    return missing + [str(path) for path in analysers if not path.is_file()]


def available() -> bool:
    """True when Apertium and the nynorsk–bokmål pair are installed; else a warning is
    logged (once per missing file)."""
    missing = _missing()
    for name in missing:
        _warn_missing(name)
    return not missing


def _run(args: Sequence[str], text: str) -> str:
    try:
        done = subprocess.run(
            args, input=text, capture_output=True, text=True, timeout=_timeout(), check=True
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise TranslationUnavailable(f"{args[0]}: {error}") from error
    return done.stdout


def _unknown_words(words: list[str]) -> dict[str, int]:
    """How many of ``words`` each standard's analyser does not know (compounds analysed);
    the two analysers run side by side."""
    text = "\n".join(words) + "\n"
    running = {
        standard: subprocess.Popen(
            [_lt_proc(), "-e", "-w", str(_pair_dir() / analyser)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        for standard, analyser in ANALYSERS.items()
    }
    unknown = {}
    try:
        for standard, process in running.items():
            output, _ = process.communicate(text, timeout=_timeout())
            if process.returncode:
                raise TranslationUnavailable(f"lt-proc exited with {process.returncode}")
            unknown[standard] = output.count("/*")
    except (OSError, subprocess.SubprocessError) as error:
        raise TranslationUnavailable(f"lt-proc: {error}") from error
    finally:
        for process in running.values():
            if process.poll() is None:
                process.kill()
                process.wait()
    return unknown


def written_standard(text: str) -> str | None:
    """ "nb" or "nn": the standard whose analyser knows more of the text's words; None when
    they know as many (too short, or a mix), or Apertium is missing."""
    words = WORD.findall(text)[:WORDS_READ]
    if not words or not available():
        return None
    try:
        unknown = _unknown_words(words)
    except TranslationUnavailable as error:
        logger.warning("detecting the written standard failed: %s", error)
        return None
    if unknown[BOKMAL] == unknown[NYNORSK]:
        return None
    return BOKMAL if unknown[BOKMAL] < unknown[NYNORSK] else NYNORSK


def translate(text: str, source: str, target: str) -> str:
    """``text`` from ``source`` into ``target`` ("nb"/"nn"), paragraphs and line breaks kept.
    Raises ``TranslationUnavailable`` when Apertium is missing, fails or takes too long."""
    return translate_parts([text], source, target)[0]


def translate_parts(parts: Sequence[str], source: str, target: str) -> list[str]:
    """Several texts in one run of Apertium (its start-up is most of the time), in order."""
    mode = MODES.get((source, target))
    if mode is None:
        raise ValueError(f"no translation from {source!r} to {target!r}")
    if not available():
        raise TranslationUnavailable("Apertium is not installed")
    if not parts:
        return []
    joined = SEPARATOR.join(part.replace("⁂", "*") for part in parts)
    output = _run([_command(), "-u", mode], joined).split(SEPARATOR.strip())
    if len(output) != len(parts):
        raise TranslationUnavailable("Apertium changed the text's layout")
    return [
        _same_edges(original, done.strip("\n"))
        for original, done in zip(parts, output, strict=True)
    ]


def _same_edges(original: str, translated: str) -> str:
    """Apertium may add or drop a closing line break: keep the original's edges."""
    core = translated.strip()
    lead = original[: len(original) - len(original.lstrip())]
    trail = original[len(original.rstrip()) :]
    return f"{lead}{core}{trail}"
