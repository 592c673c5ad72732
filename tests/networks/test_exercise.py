"""The appendix built from the network tables: it builds, and refuses a wrong figure."""

import dataclasses

import pytest

from derivations.exercises import networks as appendix
from derivations.exercises.document import CheckFailed
from derivations.exercises.maths import networks as appendix_maths
from derivations.networks import graph


def test_builds_bilingual():
    exercise = appendix.build()
    assert exercise.numbers == {"en": None, "zh": None}
    for block in exercise.blocks:
        if block.type in ("heading", "paragraph"):
            assert block.text["en"] and block.text["zh"]
        if block.type == "table":
            assert all(len(row) == len(block.header) for row in block.rows)


def test_published_totals_checked(monkeypatch):
    monkeypatch.setitem(appendix_maths.PUBLISHED, "resnet18", (11_689_513, "1.814"))
    with pytest.raises(CheckFailed, match="resnet18: tabulated 11689512 parameters"):
        appendix.build()


def test_small_layers_checked_against_execution(monkeypatch):
    real = graph.tabulate

    def off_by_one(network, batch=1):
        table = real(network, batch)
        first = dataclasses.replace(table.rows[0], macs=table.rows[0].macs + 1)
        return dataclasses.replace(table, rows=(first, *table.rows[1:]))

    monkeypatch.setattr(appendix_maths, "tabulate", off_by_one)
    with pytest.raises(CheckFailed, match="network MACs of"):
        appendix.small_layers_checked()
