"""The chart beside the summary: answers per verdict, one stacked bar per question
(matplotlib, SVG).  Byte-reproducible: no date in the metadata, a fixed hash salt for
the SVG's ids, a fixed font list; matplotlib missing stops with one line saying how to
install it."""

from __future__ import annotations

import io

from derivations.errors import DerivationError
from derivations.grading.rubric import GRADED_VERDICTS
from derivations.messages import text

__all__ = ["chart_svg", "COLOURS"]

# one colour per verdict (colour-blind safe: Okabe-Ito)
COLOURS = {
    "equivalent": "#009E73",
    "equivalent_under_convention": "#56B4E9",
    "not_equivalent": "#D55E00",
    "invalid_input": "#E69F00",
    "error": "#000000",
}


def _pyplot():
    try:
        import matplotlib
    except ImportError:
        raise DerivationError(key="grading.no_matplotlib") from None
    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return matplotlib, plt


def chart_svg(rows) -> bytes:
    """``rows``: [(question id, Counter of verdicts)] in catalogue order."""
    matplotlib, plt = _pyplot()
    from derivations.checking.explaining.feedback import verdict_text

    labels = [qid for qid, _ in rows]
    with matplotlib.rc_context(
        {
            "svg.hashsalt": "derivations-grade",
            "svg.fonttype": "none",
            "font.family": "DejaVu Sans",
            "font.size": 9,
        }
    ):
        figure, axes = plt.subplots(figsize=(7.5, 0.45 * max(len(rows), 1) + 1.4))
        try:
            left = [0] * len(rows)
            for verdict in GRADED_VERDICTS:
                counts = [c[verdict] for _, c in rows]
                if not any(counts):
                    continue
                name = verdict_text(verdict, "en") if verdict != "error" else "error"
                axes.barh(labels, counts, left=left, color=COLOURS[verdict], label=name)
                left = [a + b for a, b in zip(left, counts)]
            axes.invert_yaxis()
            axes.set_xlabel(text("grading.chart_axis", "en"))
            axes.set_title(text("grading.chart_title", "en"))
            axes.legend(loc="lower right", fontsize=8, frameon=False)
            figure.tight_layout()
            out = io.BytesIO()
            figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
        finally:
            plt.close(figure)
    return out.getvalue()
