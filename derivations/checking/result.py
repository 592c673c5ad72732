"""The outcome of checking one answer: plain data, rendered by :mod:`.feedback`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from derivations import display

__all__ = ["Result", "VERDICTS", "EXIT_STATUS"]

VERDICTS = ("equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input")
EXIT_STATUS = {"equivalent": 0, "equivalent_under_convention": 0, "not_equivalent": 1,
               "invalid_input": 2}


@dataclass
class Result:
    question: str
    answer: str
    verdict: str
    conventions: list = field(default_factory=list)      # convention ids
    notes: list = field(default_factory=list)            # note ids: how symbols were read
    alternatives: list = field(default_factory=list)     # other convention id lists
    parsed: dict | None = None                           # {"text", "latex"}
    reference: dict | None = None    # {"text", "latex", "expanded", "definitions", "convention"}
    counterexample: dict | None = None                   # {"layer", "reference", "answer"}
    difference: dict | None = None                       # {"text", "latex"}
    misconception: str | None = None                     # id
    misconception_conventions: list = field(default_factory=list)
    proof: str | None = None                             # "symbolic" | "sampled"
    samples: int = 0
    error: dict | None = None                            # {"reason", "position"}
    order: dict | None = None                            # big-O mismatch {"size", "sign"}

    def as_dict(self) -> dict:
        return asdict(self)

    def _repr_html_(self) -> str:  # Jupyter's rich display
        return display.result_html(self)

    def _repr_markdown_(self) -> str:  # Jupyter's rich display
        return display.result_markdown(self)
