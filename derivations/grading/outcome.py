"""Grading one answer for a class: the checker's result reduced to what the outputs
need (plain strings, picklable, small enough to cache by the thousand).

An unexpected internal error of the checker becomes the verdict ``error`` for that
answer (one line: the reason), never an aborted class.  An answer whose checking hit the
work budget is flagged (``budget``): such an outcome is never cached and is graded once
more, alone, before it is reported.
"""

from __future__ import annotations

from derivations.checking.checker import check
from derivations.checking.explaining.feedback import feedback, parsed_line
from derivations.checking.explaining.wording import ids_text
from derivations.checking.result import Result
from derivations.errors import DerivationError
from derivations.messages import text
from derivations.records import record

__all__ = ["Outcome", "grade_answer", "invalid", "internal_error", "hit_budget"]


@record(frozen=True)
class Outcome:
    verdict: str
    assumptions: tuple = ()  # the checker's assumption ids (published as "conventions")
    misconception: str = ""
    feedback: str = ""  # the instructor's: everything the checker found
    student_feedback: str = ""  # what the rubric releases to students
    parsed: str = ""
    counterexample: str = ""
    budget: bool = False  # the work budget was hit: not cached, retried once
    restricted: bool = False  # right only at some layers (Result.restricted)


def hit_budget(result: Result) -> bool:
    """Whether checking this answer ran out of its work budget somewhere."""
    return bool(result.budget_hit)


def _feedback(result: Result, lang: str, reveal: str) -> str:
    return feedback(result, lang, reveal=reveal)


def _counterexample(result: Result, lang: str) -> str:
    """The report's counterexample cell: the layer, then both values, said in ``lang``
    (a value compared in place of the reference's with the ids of the conventions it
    is under, as the conventions column names them)."""
    example = result.counterexample
    if not example:
        return ""
    derived = example.get("derived", ())
    layer = " ".join(f"{k}={v}" for k, v in example["layer"].items() if k not in derived)
    if derived:  # output sizes the others give (a diagnosis names them): said so
        sizes = " ".join(f"{k}={example['layer'][k]}" for k in derived)
        layer = text("checker.phrase.layer_derived", lang, layer=layer, derived=sizes)
    under = example.get("conventions")
    return text(
        "grading.counterexample_cell_under" if under else "grading.counterexample_cell",
        lang,
        layer=layer,
        reference=example["reference"],
        answer=example["answer"],
        **({"conventions": ids_text(under, lang)} if under else {}),
    )


def invalid(reason: str, lang: str) -> Outcome:
    """The outcome of a row that cannot be graded (its reason is the feedback)."""
    line = text("grading.row_invalid", lang, reason=reason)
    return Outcome("invalid_input", feedback=line, student_feedback=line)


def internal_error(error: BaseException, lang: str) -> Outcome:
    """The outcome of an answer the checker failed on: the error named in one line (a
    :class:`DerivationError` in ``lang``)."""
    said = error.text(lang) if isinstance(error, DerivationError) else str(error)
    line = text(
        "grading.internal_error",
        lang,
        kind=type(error).__name__,
        reason=said.splitlines()[0][:200] if said else "-",
    )
    return Outcome("error", feedback=line, student_feedback=line)


def grade_answer(
    question: str,
    answer: str,
    lang: str,
    reveal: str,
    symbolic: bool = True,
    notation: dict | None = None,
    infer: bool = True,
) -> Outcome:
    """Check one answer (``notation``, ``infer``: the rubric's reading of letters, see
    :func:`derivations.checking.check`); never raises for anything the answer holds."""
    try:
        result = check(question, answer, symbolic=symbolic, notation=notation, infer=infer)
        if result.verdict == "error":
            line = _feedback(result, lang, "answer")
            return Outcome("error", feedback=line, student_feedback=line, budget=hit_budget(result))
        return Outcome(
            verdict=result.verdict,
            assumptions=tuple(result.conventions),
            misconception=result.misconception or "",
            feedback=_feedback(result, lang, "answer"),
            student_feedback=_feedback(result, lang, reveal),
            parsed=parsed_line(result),
            counterexample=_counterexample(result, lang),
            budget=hit_budget(result),
            restricted=result.restricted,
        )
    except (MemoryError, RecursionError, Exception) as error:
        return internal_error(error, lang)
