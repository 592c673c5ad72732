"""Time to tabulate ResNet-50 (build its layer list, parse it, evaluate every layer's
closed forms), warm and in a new process."""

from __future__ import annotations

import subprocess
import sys

from derivations.closed_forms import forms
from derivations.networks import model_network, tabulate
from derivations.benchmarks.core import _best

__all__ = ["run"]


def run(report) -> None:
    for bias in (False, True):  # derive once, so the warm figure is the tabulation alone
        forms("per-side", bias)
    warm, = _best(lambda: tabulate(model_network("resnet50")), repeat=10)
    report("tabulate ResNet-50 (forms derived)", warm * 1e3, "ms")
    command = [sys.executable, "-m", "derivations", "network", "resnet50", "--json"]
    cold, = _best(lambda: subprocess.run(command, check=True, capture_output=True), repeat=3)
    report("cold `network resnet50 --json` (new process)", cold * 1e3, "ms")
