"""What the practice page's worker calls for one answer, in Pyodide (and in CPython).

:func:`answer` returns exactly the JSON text ``derivations check --question Q --answer A
--lang L --json`` prints (``--reveal hint``: no reference), so the page and the command
line cannot disagree.  It imports only what checking needs (no SymPy: the derivations are
the package's prebuilt files).
"""

from __future__ import annotations

__all__ = ["answer"]


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
