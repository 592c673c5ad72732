"""What the practice page's worker calls for one answer, in Pyodide (and in CPython).

:func:`answer` returns exactly the JSON text ``derivations check --question Q --answer A
--lang L --json`` prints (``--reveal hint``: no reference), so the page and the command
line cannot disagree.  It imports only what checking needs (no SymPy: the derivations are
the package's prebuilt files).
"""

from __future__ import annotations

__all__ = [
    "answer",
    "warm_steps",
    "warm",
    "warm_all",
    "warm_answers",
    "held",
    "WARM_ANSWERS",
    "WARM_INFERRED",
    "WARM_LANG",
]


def answer(qid: str, text: str, lang: str) -> str:
    """``check --json``'s object for ``text`` as an answer to question ``qid`` in
    ``lang`` at the hint level; an unknown question or language is an ``error`` verdict
    saying so in one line (the page only asks the questions it lists)."""
    import json

    from derivations.commands.check import checked, json_text
    from derivations.errors import DerivationError
    from derivations.registry.questions import question

    if lang not in ("en", "zh"):
        lang = "en"
    try:
        question(qid)
    except DerivationError as error:
        return json.dumps(
            {"question": qid, "verdict": "error", "feedback": error.text(lang), "lang": lang},
            ensure_ascii=False,
        )
    result, words = checked(qid, text, lang, "hint")
    return json_text(result, words, lang, "hint")


# besides each question's reference as printed (right): a wrong answer, one of another
# form (a product of a number), and unreadable ones, so the reader's and explainer's
# paths of each kind have run once
WARM_ANSWERS = ("2*{right}", "c_o*(", "4", "c_o c_i + +", "floor(h-")
# and an unknown letter, to one question only: the checker infers it by role and checks
# each of its readings as an answer, on layers of their own (every_reading._gives_away);
# one question runs all that code, while to every question it kept values on 33 sets of
# layers each (27,594 value lists: the snapshot 13.3 MB, not 10.0; the Node step 1.6 s of
# CPU more; measured at 7446184), which a later answer builds only where it needs them
WARM_INFERRED = ("forward-mults", "{right}*q")
WARM_LANG = "en"  # the language warm_all answers in (either would do: see warm_all)


def warm_all() -> list[str]:
    """Everything a first answer of any kind would load or build, done now, but an
    unknown letter's values, built for one question (the page's
    snapshot is made after it: derivations/practice/snapshot.py, WARM): every step of
    :func:`warm_steps`, then in one language (:data:`WARM_LANG`), for every question, its
    reference as the checker prints it and each of :data:`WARM_ANSWERS`, to one question
    :data:`WARM_INFERRED`, and for every question asked at the page's layer a number and
    a formula.  One language is enough:
    what an answer loads or builds does not depend on its language (the message catalogue
    holds both in each file), so the same answers in the other language only run again
    (tests/practice/test_warm.py counts their Python calls: as many as a second run's).
    Returns the names of the modules then imported (what the snapshot holds)."""
    import sys

    for step in warm_steps():
        warm(step)
    warm_answers(WARM_LANG)
    return sorted(sys.modules)


def warm_answers(lang: str) -> None:
    """Answer in ``lang``, for every question, its reference as the checker prints it and
    each of :data:`WARM_ANSWERS`, to its question :data:`WARM_INFERRED`, and for every
    question asked at the page's layer a number and a formula (the answers
    :func:`warm_all` gives)."""
    from derivations.checking.deciding.catalogue import entry
    from derivations.checking.explaining.present import show
    from derivations.practice.numbers import answer_at, questions
    from derivations.registry.questions import QUESTIONS

    for qid in QUESTIONS:
        right = show(entry(qid).reference.tree)[0]
        for text in (right, *(form.format(right=right) for form in WARM_ANSWERS)):
            answer(qid, text, lang)
    inferred, form = WARM_INFERRED
    answer(inferred, form.format(right=show(entry(inferred).reference.tree)[0]), lang)
    for qid in questions():
        answer_at(qid, "42", lang)
        answer_at(qid, "c_o*c_i*k_h*k_w*m_h*m_w", lang)


def warm_steps() -> list[str]:
    """What :func:`warm` loads, one step each: every question's derivations, then the
    numeric questions' layer (``"numbers"``).  The worker runs them one at a time after
    it says it is ready, between answers, so no later answer pays for loading them."""
    from derivations.registry.questions import QUESTIONS

    return [*QUESTIONS, "numbers"]


def warm(step: str) -> None:
    """Load what step ``step`` of :func:`warm_steps` names (verdicts do not depend on it:
    an answer loads the same on first use)."""
    if step == "numbers":
        from derivations.practice.numbers import practice_class

        practice_class()  # the page's layer and its key (closed forms)
        return
    from derivations.checking.deciding.catalogue import entry

    entry(step)


def held(folder: str) -> list[str]:
    """The names in the checker's archive (unpacked in ``folder``) of the modules imported
    now, but for packages' ``__init__.py``: the files a memory snapshot taken now holds
    as imported modules, which the page's worker restoring it does not write (Python
    never reads an imported module's file again).  A package's ``__init__.py`` is
    written all the same: the package's data readers look for it to know they read a
    folder (:func:`derivations.messages._folder`, :func:`derivations.store.package_files`)."""
    import sys
    from pathlib import PurePosixPath

    root = PurePosixPath(folder)
    names = set()
    for module in list(sys.modules.values()):
        path = PurePosixPath(getattr(module, "__file__", None) or "/")
        if root in path.parents and path.name != "__init__.py":
            names.add(path.relative_to(root).as_posix())
    return sorted(names)
