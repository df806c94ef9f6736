"""The demo's data files: read as written (paragraphs kept, lines joined), and a broken file
is refused with a message that names the text."""

import re

import pytest

from initiatives.demo.content import (
    DATA_DIR,
    DemoContentError,
    read_conversation,
    read_experience,
    read_initiatives,
    read_notes,
)


def test_wrapped_lines_join_with_one_space_and_paragraphs_stay():
    first = read_initiatives()[0]
    assert first.title == "Færre skjema i hjemmetjenesten"
    paragraphs = first.description.split("\n\n")
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("Ansatte i hjemmetjenesten brukte mye tid på å fylle ut")
    assert "\n" not in paragraphs[0] and "  " not in first.description
    assert first.results.outputs == "Elleve skjemaer fjernet og fire slått sammen til ett."
    markdown = read_conversation().threads[0].text
    assert "**selv**" in markdown
    assert markdown.endswith(
        "\n\n- Hvem leser rapporten?\n- Hva skjer hvis vi slutter å skrive den?"
    )


def test_every_file_reads():
    assert len(read_initiatives()) >= 40
    assert read_notes().return_notes
    assert read_experience().reports[0].initiative == "Tid til samtale på sykehjemmet"


def _broken(tmp_path, old, new):
    text = (DATA_DIR / "initiatives.toml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "initiatives.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('kind = "prosjekt"', 'kind = "dugnad"', "unknown kind 'dugnad'"),
        ('exemption = ""\n', "", "keys ['exemption'] wrong"),
        (
            '"mindre-rapportering", "faglig-frihet"]',
            '"mindre-rapport"]',
            "unknown ['mindre-rapport']",
        ),
        ("\nstate_agency = false", '\nstate_agency = "nei"', "state_agency is not true/false"),
        (
            'title = "Faste team',
            'title = "Færre skjema i hjemmetjenesten"\n#',
            "a title is used twice",
        ),
    ],
)
def test_a_broken_file_is_refused_naming_the_text(tmp_path, old, new, message):
    with pytest.raises(DemoContentError, match=re.escape(message)):
        read_initiatives(_broken(tmp_path, old, new))


def test_a_toml_syntax_error_names_the_file(tmp_path):
    with pytest.raises(DemoContentError, match=r"initiatives\.toml"):
        read_initiatives(_broken(tmp_path, 'kind = "prosjekt"', 'kind = "prosjekt'))
