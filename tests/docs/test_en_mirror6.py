"""The English sheet says what the sixth session's Chinese examiner corrected in the zh
sheet (issue 25): the Laplacian's shape pairs are candidates (it has no split), the
network tables' input sizes are the table's (the book's GoogLeNet trains at 96×96), and
the network figure's alt text holds for every network. Read back from the committed
documents (``test_committed_output_is_fresh`` keeps them current)."""

from __future__ import annotations

import re

import pytest

from tests.docs.sheets import read_sheet
from tests.docs.test_zh_review6 import _split_shapes


@pytest.mark.parametrize("fmt", ["md", "tex"])
def test_en_laplacian_split_shapes_are_candidates_not_splits(fmt):
    unordered, ordered = _split_shapes(3)
    said = read_sheet("en", fmt)
    assert "distinct splits" not in said
    assert f"There are {unordered} candidate" in said
    assert f"({ordered} ordered ones" in said
    assert "Groebner" not in said


@pytest.mark.parametrize("fmt", ["md", "tex"])
def test_en_network_inputs_not_said_to_be_the_codes_own(fmt):
    said = read_sheet("en", fmt)
    assert "input size of the code each model comes" not in said
    assert "at the input size the next table gives" in said


def test_en_network_figure_alt_text_holds_for_every_network():
    said = read_sheet("en")
    alt = re.search(r"!\[([^\]]*)\]\(\.\./figures/en/network-costs\.svg\)", said).group(1)
    assert "fully connected end" not in alt
    assert "fully connected layers or the later, wider convolutions" in alt
