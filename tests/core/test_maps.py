"""The map's platform half: the committed outline covers every county and municipality of the
reference data, stays small, and the shading's classes, colours and order hold."""

import csv
import itertools
import re

from tillit.core.maps import choropleth, geometry

KOMMUNER = geometry.DATA.parent / "kommuner.csv"


def _reference() -> tuple[set[str], set[str]]:
    with KOMMUNER.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return {row["kommunenummer"] for row in rows}, {row["fylkesnummer"] for row in rows}


def test_the_outline_has_a_path_for_every_county_and_municipality():
    municipalities, counties = _reference()
    outline = geometry.outline()
    assert set(outline.paths["kommune"]) == municipalities and len(municipalities) == 357
    assert set(outline.paths["fylke"]) == counties and len(counties) == 15
    path = re.compile(r"^(M-?\d+ -?\d+l(-?\d+[ -]?)+z)+$")
    for level in geometry.LEVELS:
        for number, d in outline.paths[level].items():
            assert path.match(d), (level, number, d[:80])
    # Norway in kilometres, north up: about 1 200 wide and 1 500 tall
    assert 1000 < outline.width < 1400 and 1300 < outline.height < 1700


def test_the_outline_is_small_enough_to_send_with_every_map():
    outline = geometry.outline()
    municipalities = sum(len(d) for d in outline.paths["kommune"].values())
    counties = sum(len(d) for d in outline.paths["fylke"].values())
    assert municipalities + len(outline.county_borders) < 40_000  # the municipality level
    assert counties < 20_000
    assert geometry.DATA.stat().st_size < 60_000


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(first: str, second: str) -> float:
    low, high = sorted([_luminance(first), _luminance(second)])
    return (high + 0.05) / (low + 0.05)


def test_every_fill_keeps_its_border_visible_wcag_1_4_11():
    for fill in choropleth.PALETTE:
        assert _contrast(fill, choropleth.BOUNDARY) >= 3, fill
    # and the shades grow darker, so that "the darker, the more" holds
    luminances = [_luminance(fill) for fill in choropleth.PALETTE]
    assert luminances == sorted(luminances, reverse=True)


def test_bands_cover_every_count_with_zero_apart():
    counts = [0, 0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89]
    legend = choropleth.bands(counts)
    assert legend[0] == choropleth.Band(0, 0, 0)
    assert len(legend) == choropleth.SHADES + 1
    assert [band.shade for band in legend] == list(range(choropleth.SHADES + 1))
    for count in counts:  # each count in exactly one band
        assert sum(band.low <= count <= band.high for band in legend) == 1
    assert legend[-1].high == 89 and legend[1].low == 1
    for lower, upper in itertools.pairwise(legend[1:]):
        assert upper.low == lower.high + 1  # no gaps: every count has its band
    assert [band.label for band in legend][:3] == ["0", "1", "2–3"]


def test_few_distinct_counts_get_a_band_each_and_the_largest_the_darkest():
    legend = choropleth.bands([4, 4, 9])
    assert [(band.low, band.high) for band in legend] == [(1, 4), (5, 9)]
    assert legend[-1].shade == choropleth.SHADES
    assert choropleth.bands([0, 0]) == [choropleth.Band(0, 0, 0)]


def test_shading_gives_each_area_its_band():
    areas = [choropleth.Area(str(n), f"Område {n}", count) for n, count in enumerate([0, 1, 50])]
    legend = choropleth.shade(areas)
    assert [area.shade for area in areas] == [0, legend[1].shade, choropleth.SHADES]
    assert areas[0].fill == choropleth.PALETTE[0]


def test_the_table_sorts_by_count_or_in_norwegian_alphabetical_order():
    names = {"Ås": 2, "Aurskog-Høland": 5, "Ørland": 2, "Ærø": 1, "Bø": 9, "Unjárga-Nesseby": 1}
    areas = [choropleth.Area(name, name, count) for name, count in names.items()]
    by_name = [area.name for area in choropleth.sorted_areas(areas, "navn")]
    assert by_name == ["Aurskog-Høland", "Bø", "Unjárga-Nesseby", "Ærø", "Ørland", "Ås"]
    assert [a.name for a in choropleth.sorted_areas(areas, "navn-synkende")] == by_name[::-1]
    by_count = [area.name for area in choropleth.sorted_areas(areas, "antall")]
    assert by_count == ["Bø", "Aurskog-Høland", "Ørland", "Ås", "Unjárga-Nesseby", "Ærø"]
    fewest = [area.name for area in choropleth.sorted_areas(areas, "antall-stigende")]
    assert fewest == ["Unjárga-Nesseby", "Ærø", "Ørland", "Ås", "Aurskog-Høland", "Bø"]
