"""Build the committed map geometry (tillit/data/kart-norge.json) from Kartverket's boundaries.

    make map-data GEODATA=<folder with kommuner.geojson>   # Kartverket, CC BY 4.0

The municipalities (WGS84) are projected once to UTM zone 33 (EPSG:25833), simplified as a
topology (``topojson``, Douglas-Peucker on the shared arcs, so neighbours keep one border),
stripped of islands too small to see, and written as SVG path strings in kilometres (y down,
relative moves). The counties are the municipalities of ``tillit/data/kommuner.csv`` merged,
so both levels share every line; the arcs between counties are also written once, as lines to
draw over the municipalities, and the areas around Oslo are listed for an enlarged inset. The
site only reads the result: ``topojson``, ``shapely`` and ``pyproj`` are the ``map``
dependency group, needed here alone. The same source gives the same file.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

import numpy
import pyproj
import shapely
import topojson
from shapely.geometry import MultiPolygon, Polygon, shape

BASE_DIR = Path(__file__).resolve().parent.parent
MUNICIPALITIES_CSV = BASE_DIR / "tillit" / "data" / "kommuner.csv"
OUTPUT = BASE_DIR / "tillit" / "data" / "kart-norge.json"

UNIT = 1000  # metres per unit of the drawing (its viewBox is in kilometres)
TOLERANCE = 2500  # metres: Douglas-Peucker on the shared arcs
MIN_PART = 12e6  # m²: smaller islands go (an area's largest part always stays)
MIN_HOLE = 40e6  # m²: smaller holes (lakes cut out of an area) are filled


def _projected(features: list[dict]) -> dict[str, Polygon | MultiPolygon]:
    to_utm = pyproj.Transformer.from_crs("EPSG:4326", "EPSG:25833", always_xy=True)
    projected = {}
    for feature in features:
        number = feature["properties"]["kommunenummer"]
        geometry = shape(feature["geometry"])
        projected[number] = shapely.transform(
            geometry, lambda xy: numpy.column_stack(to_utm.transform(xy[:, 0], xy[:, 1]))
        )
    return projected


def _simplified(areas: dict[str, Polygon | MultiPolygon]) -> tuple[dict[str, MultiPolygon], list]:
    """The simplified areas, and the lines they share with an area of another county."""
    numbers = list(areas)
    topology = topojson.Topology(
        [areas[number] for number in numbers],
        prequantize=False,
        toposimplify=TOLERANCE,
        simplify_with="shapely",
        prevent_oversimplify=True,
    )
    collection = json.loads(topology.to_geojson())
    simplified = {}
    for number, feature in zip(numbers, collection["features"], strict=True):
        simplified[number] = _visible(shape(feature["geometry"]))
    return simplified, _county_borders(topology.to_dict(), numbers)


def _arc_indices(arcs) -> list[int]:
    if isinstance(arcs, int):
        return [arcs]
    return [index for part in arcs for index in _arc_indices(part)]


def _county_borders(topology: dict, numbers: list[str]) -> list:
    """The arcs between municipalities of different counties, each once: drawn over the
    municipalities, they show the counties without drawing every shared border twice."""
    county_of = _county_of()
    counties_of_arc: dict[int, set[str]] = {}
    geometries = topology["objects"]["data"]["geometries"]
    for number, geometry in zip(numbers, geometries, strict=True):
        for index in _arc_indices(geometry.get("arcs", [])):
            counties_of_arc.setdefault(~index if index < 0 else index, set()).add(county_of[number])
    return [
        topology["arcs"][i] for i, counties in sorted(counties_of_arc.items()) if len(counties) > 1
    ]


def _county_of() -> dict[str, str]:
    with MUNICIPALITIES_CSV.open(encoding="utf-8") as handle:
        return {row["kommunenummer"]: row["fylkesnummer"] for row in csv.DictReader(handle)}


def _visible(geometry) -> MultiPolygon:
    """The parts big enough to see (at least the largest), without small holes."""
    parts = list(geometry.geoms) if hasattr(geometry, "geoms") else [geometry]
    parts = [part for part in parts if isinstance(part, Polygon) and not part.is_empty]
    largest = max(parts, key=lambda part: part.area)
    kept = []
    for part in parts:
        if part is largest or part.area >= MIN_PART:
            holes = [ring for ring in part.interiors if Polygon(ring).area >= MIN_HOLE]
            kept.append(Polygon(part.exterior, holes))
    return MultiPolygon(kept)


def _counties(municipalities: dict[str, MultiPolygon]) -> dict[str, MultiPolygon]:
    county_of = _county_of()
    grouped: dict[str, list] = {}
    for number, geometry in municipalities.items():
        grouped.setdefault(county_of[number], []).append(geometry)
    return {
        county: _visible(shapely.union_all([shapely.make_valid(part) for part in parts]))
        for county, parts in grouped.items()
    }


def _line(coordinates, left: float, top: float, *, closed: bool) -> str:
    """A ring (``closed``) or a line as an absolute move, then relative lines in whole units."""
    points = []
    for x, y in coordinates:
        point = (round((x - left) / UNIT), round((top - y) / UNIT))
        if not points or point != points[-1]:
            points.append(point)
    if closed and points[-1] == points[0]:
        points.pop()
    if len(points) < (3 if closed else 2):
        return ""
    (x0, y0), steps = points[0], []
    previous = points[0]
    for x, y in points[1:]:
        steps.append(f"{x - previous[0]} {y - previous[1]}")
        previous = (x, y)
    return f"M{x0} {y0}l{' '.join(steps)}{'z' if closed else ''}".replace(" -", "-")


def _path(geometry: MultiPolygon, left: float, top: float) -> str:
    """An SVG path of every ring of ``geometry``."""
    return "".join(
        _line(ring.coords, left, top, closed=True)
        for polygon in geometry.geoms
        for ring in [polygon.exterior, *polygon.interiors]
    )


# Where the municipalities are too small to see, an enlarged copy in the empty sea or Sweden of
# the drawing: the window (left, top, width, height in the drawing's units) around ``centre``
# and where its copy goes (left, top, size).
INSETS = {"oslo": {"centre": "0301", "size": 110, "place": (640, 960, 420)}}


def _bounds(path: str) -> tuple[int, int, int, int]:
    """The bounding box of a path as ``_path`` writes it."""
    xs, ys = [], []
    for x, y, steps in re.findall(r"M(-?\d+) (-?\d+)l([^z]*)z", path):
        x, y = int(x), int(y)
        xs.append(x), ys.append(y)
        numbers = [int(n) for n in re.findall(r"-?\d+", steps)]
        for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
            x, y = x + dx, y + dy
            xs.append(x), ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


def _insets(levels: dict[str, dict[str, str]]) -> dict:
    insets = {}
    for name, inset in INSETS.items():
        left, top, right, bottom = _bounds(levels["kommune"][inset["centre"]])
        size = inset["size"]
        window = ((left + right - size) // 2, (top + bottom - size) // 2, size, size)
        x, y = window[0], window[1]
        inside = {}
        for level, paths in levels.items():
            inside[level] = [
                number
                for number, path in paths.items()
                for (a, b, c, d) in [_bounds(path)]
                if a < x + size and c > x and b < y + size and d > y
            ]
        insets[name] = {"window": window, "place": inset["place"], **inside}
    return insets


def build(geodata: Path) -> dict:
    features = json.loads((geodata / "kommuner.geojson").read_text(encoding="utf-8"))["features"]
    municipalities, county_borders = _simplified(_projected(features))
    counties = _counties(municipalities)
    left, bottom, right, top = shapely.union_all(list(counties.values())).bounds
    margin = 5 * UNIT
    left, top = left - margin, top + margin
    levels = {
        "fylke": {n: _path(g, left, top) for n, g in sorted(counties.items())},
        "kommune": {n: _path(g, left, top) for n, g in sorted(municipalities.items())},
    }
    return {
        "source": "Kartverket (CC BY 4.0), 2024 division; projected to EPSG:25833",
        "unit_m": UNIT,
        "width": round((right + margin - left) / UNIT),
        "height": round((top - (bottom - margin)) / UNIT),
        **levels,
        "county_borders": "".join(_line(arc, left, top, closed=False) for arc in county_borders),
        "insets": _insets(levels),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("geodata", type=Path, help="folder with kommuner.geojson")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    arguments = parser.parse_args()
    result = build(arguments.geodata)
    text = json.dumps(result, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    arguments.output.write_text(text + "\n", encoding="utf-8")
    print(f"{arguments.output}: {len(text)} bytes, {len(result['kommune'])} municipalities")


if __name__ == "__main__":
    main()
