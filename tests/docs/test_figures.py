"""The figures: one per key the exercises may place, byte-reproducible, self-contained
(no fonts, links or dates in the files), a failed check in one a one-line error."""

import re

import pytest

from derivations import figures
from derivations.errors import DerivationError
from derivations.exercises.document import FIGURE_KEYS

AGREED = set(FIGURE_KEYS)  # the keys the exercises' Figure blocks may name


@pytest.fixture(scope="module")
def drawn():
    return {key: figures.render(key) for key in figures.KEYS}


def test_every_agreed_key_has_a_drawing():
    assert set(figures.KEYS) == AGREED


@pytest.mark.parametrize("key", sorted(AGREED))
def test_two_renders_are_byte_identical(drawn, key):
    again = figures.render(key)
    assert again.svg == drawn[key].svg
    assert again.pdf == drawn[key].pdf


@pytest.mark.parametrize("key", sorted(AGREED))
def test_files_carry_no_date_tool_font_or_link(drawn, key):
    svg = drawn[key].svg.decode("utf-8")
    assert svg.startswith("<?xml") and "<svg" in svg
    assert "<dc:date>" not in svg and "Matplotlib" not in svg
    assert "<text" not in svg  # glyphs are paths: no font needed to show the figure
    assert not re.search(r'(?:xlink:)?href="(?!#|data:)', svg)  # nothing outside the file
    pdf = drawn[key].pdf
    assert pdf.startswith(b"%PDF-")
    assert b"/CreationDate" not in pdf and b"/Producer" not in pdf and b"matplotlib" not in pdf


def test_unknown_key_is_one_line_error():
    with pytest.raises(DerivationError, match="figure 'no-such' is not one of"):
        figures.render("no-such")


def test_failed_check_in_a_figure_is_one_line_error(monkeypatch):
    from derivations.exercises.maths import strips

    class Miscounting(strips.LoadCounter):
        def load(self, rows, cols):
            block = super().load(rows, cols)
            self.loads += 1  # one load too many: the closed form no longer matches
            return block

    monkeypatch.setattr(strips, "LoadCounter", Miscounting)
    with pytest.raises(DerivationError) as error:
        figures.render("strip-loads")
    message = str(error.value)
    assert message.startswith("figure strip-loads: check failed: loads, Delta="), message
    assert "\n" not in message


def test_paths_name_both_formats():
    assert figures.paths("strip-loads") == {
        "svg": "figures/strip-loads.svg",
        "pdf": "figures/strip-loads.pdf",
    }
