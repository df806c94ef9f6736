"""Reading the reference data kept in ``tillit/data/`` (copied from the national lists)."""

import csv
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def read_rows(filename: str) -> list[dict[str, str]]:
    with open(DATA_DIR / filename, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


PORTAL_OPERATOR_NAME = "Tillitsportalen (redaksjonen)"
