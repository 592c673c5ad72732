"""The outcome of checking one answer: plain data, rendered by :mod:`.explaining`.

Names: an *assumption* is what a student's answer assumed to be right (per-side padding,
MACs, stride 1 ...); the JSON and CSV outputs keep the key ``conventions`` for them
(documented in the README), and :attr:`Result.conventions` reads the same list.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from derivations import display

__all__ = ["Result", "VERDICTS", "EXIT_STATUS"]

VERDICTS = ("equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input", "error")
# `check`'s exit status per verdict (2 is also argparse's usage error)
EXIT_STATUS = {
    "equivalent": 0,
    "equivalent_under_convention": 0,
    "not_equivalent": 1,
    "invalid_input": 2,
    "error": 3,
}


@dataclass
class Result:
    question: str
    answer: str
    verdict: str
    assumptions: list = field(default_factory=list)  # assumption ids (output: "conventions")
    notes: list = field(default_factory=list)  # note ids: how symbols were read
    alternatives: list = field(default_factory=list)  # other assumption id lists
    parsed: dict | None = None  # {"text", "latex"}
    reference: dict | None = None  # {"text", "latex", "expanded", "definitions", ...}
    counterexample: dict | None = None  # {"layer", "reference", "answer"}
    difference: dict | None = None  # {"text", "latex"}
    misconception: str | None = None  # id (registry/misconceptions.yaml)
    misconception_assumptions: list = field(default_factory=list)
    diagnosis: list = field(default_factory=list)  # [{"id", "fields"}] (explaining)
    proof: str | None = None  # "symbolic" | "sampled"
    samples: int = 0
    error: dict | None = None  # {"reason", "position"}
    order: dict | None = None  # big-O mismatch {"size", "sign"}
    budget_hit: bool = False  # the work budget ran out somewhere: never cache this result

    @property
    def conventions(self) -> list:
        """The assumption ids (the name the CSV/JSON outputs use)."""
        return self.assumptions

    def as_dict(self) -> dict:
        data = asdict(self)
        data["conventions"] = data.pop("assumptions")
        data["misconception_conventions"] = data.pop("misconception_assumptions")
        return data

    def _repr_html_(self) -> str:  # Jupyter's rich display
        return display.result_html(self)

    def _repr_markdown_(self) -> str:  # Jupyter's rich display
        return display.result_markdown(self)
