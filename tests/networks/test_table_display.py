"""Network tables that fit: the terminal table within its width (columns chosen by
priority, long names cut, notes wrapped, the columns left out named; ``--wide`` for all),
a subtotal per block of a module-path table, and a compact notebook display."""

import re

import pytest

from derivations.cli import main
from derivations.networks import model_network, tabulate
from derivations.networks.report import HEADER, blocks, html_table, text_table


@pytest.mark.parametrize("width", [60, 80, 120])
def test_terminal_table_fits_its_width(capsys, monkeypatch, width):
    monkeypatch.setenv("COLUMNS", str(width))
    assert main(["network", "resnet50"]) == 0
    out = capsys.readouterr().out
    assert max(map(len, out.splitlines())) <= width
    assert "columns left out to fit the terminal" in out
    header = next(line for line in out.splitlines() if line.startswith("layer "))
    assert header.split()[:2] == ["layer", "kind"] and "params" in header


def test_wide_prints_every_column(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["network", "resnet50", "--wide"]) == 0
    out = capsys.readouterr().out
    header = next(line for line in out.splitlines() if line.startswith("layer "))
    assert re.split(r"\s{2,}", header.strip()) == list(HEADER)
    assert "columns left out" not in out


def test_blocks_have_subtotals():
    """torchvision's ResNet-50 rows are named by module path: one subtotal per block
    (``layer1`` ...), its sums those of the block's rows."""
    table = tabulate(model_network("resnet50"))
    text = text_table(table)
    runs = {block: rows for block, rows in blocks(table) if block}
    assert set(runs) == {"layer1", "layer2", "layer3", "layer4"}
    for block, rows in runs.items():
        line = next(x for x in text.splitlines() if x.startswith(f"{block} (block)"))
        assert f"{sum(r.params for r in rows):,}" in line
        assert f"{sum(r.macs for r in rows):,}" in line


def test_notebook_display_is_compact_and_escaped(torch):
    from derivations.networks.torch import from_torch

    nn = torch.nn
    model = nn.Sequential()
    model.add_module("<b>evil</b>", nn.Sequential(nn.Conv2d(3, 4, 3), nn.ReLU()))
    model.add_module("head", nn.Flatten())
    table = from_torch(model, (3, 8, 8))
    html = table._repr_html_()
    assert "<b>evil</b>" not in html and "&lt;b&gt;evil&lt;/b&gt;" in html
    assert "<details>" in html  # every row collapsed
    summary = html.split("<details>")[0]
    assert summary.count("<tr>") == 1 + 1 + 1  # header, the one block, the total
    assert len(repr(table)) < 200 and "2 rows" in repr(table)
    built = tabulate(model_network("resnet50"))
    assert html_table(built).split("<details>")[0].count("<tr>") < 20
