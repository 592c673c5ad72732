"""The outcome of checking one answer: plain data, rendered by :mod:`.explaining`.

Names: an *assumption* is what a student's answer assumed to be right (per-side padding,
MACs, stride 1 ...); the JSON and CSV outputs keep the key ``conventions`` for them
(documented in the README), and :attr:`Result.conventions` reads the same list.
"""

from __future__ import annotations

from derivations.records import asdict, field, record

__all__ = ["Result", "VERDICTS", "EXIT_STATUS", "RESTRICTED_EXIT", "exit_status", "DROPPED_FLOOR"]

VERDICTS = ("equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input", "error")
# the assumption of an answer with its floor left out: the one convention that restricts
# the layers an answer is right at (where the stride divides)
DROPPED_FLOOR = "exact_division"
# `check`'s exit status per verdict (2 is also argparse's usage error)
EXIT_STATUS = {
    "equivalent": 0,
    "equivalent_under_convention": 0,
    "not_equivalent": 1,
    "invalid_input": 2,
    "error": 3,
}
# ... and of an answer right only at some layers (:attr:`Result.restricted`): not 0, so a
# script that counts exit 0 as right does not count a floor left out (s12exam E8)
RESTRICTED_EXIT = 4


def exit_status(result: Result) -> int:
    """``check``'s exit status for ``result``: :data:`RESTRICTED_EXIT` when it is right
    only at some layers, else :data:`EXIT_STATUS` of its verdict."""
    return RESTRICTED_EXIT if result.restricted else EXIT_STATUS[result.verdict]


@record
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
    def restricted(self) -> bool:
        """Whether the answer is right only at some layers of the question: right under
        a convention that restricts the layers (its floor left out: right where the
        stride divides) and wrong at a layer it was checked at (its counterexample).
        Such a verdict stays ``equivalent_under_convention`` (issue 21) but is never
        shown as plainly right (its own banner on the practice page, its own words in
        ``check``'s output)."""
        return (
            self.verdict == "equivalent_under_convention"
            and DROPPED_FLOOR in self.assumptions
            and self.counterexample is not None
        )

    @property
    def conventions(self) -> list:
        """The assumption ids (the name the CSV/JSON outputs use)."""
        return self.assumptions

    def as_dict(self) -> dict:
        data = asdict(self)
        data["conventions"] = data.pop("assumptions")
        data["restricted"] = self.restricted
        data["misconception_conventions"] = data.pop("misconception_assumptions")
        return data

    # --- Jupyter's rich display (composed from derivations.display's blocks) ---------
    def _shown(self) -> tuple[str, list[tuple[str, str | None, str | None]]]:
        """The feedback in the display language, and (label, text, latex) of the answer
        as read and of the reference."""
        from derivations import display  # Jupyter only: a check's start-up skips it
        from derivations.checking.explaining.feedback import feedback

        rows = []
        for key, part in (("display.answer", self.parsed), ("display.reference", self.reference)):
            if part:
                rows.append((display.label(key), part.get("text"), part.get("latex")))
        return feedback(self, display.language), rows

    def _repr_markdown_(self) -> str:
        from derivations import display

        said, rows = self._shown()
        escape = display.escape_markdown
        lines = [f"**{escape(self.verdict)}** ({escape(self.question)}): {escape(said)}"]
        for name, text, latex in rows:
            lines.append(f"- {escape(name)}: " + (f"${latex}$" if latex else escape(text or "")))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from derivations import display

        said, rows = self._shown()
        escape = display.escape_html
        items = "".join(
            f"<li>{escape(name)}: {display.html_math(latex) if latex else escape(text or '')}</li>"
            for name, text, latex in rows
        )
        return (
            f"<div><strong>{escape(self.verdict)}</strong> "
            f"(<code>{escape(self.question)}</code>): {escape(said)}"
            + (f"<ul>{items}</ul>" if items else "")
            + "</div>"
        )
