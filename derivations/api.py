"""Notebook-facing values over the library: a layer's cost table, a class graded in memory.

Nothing here computes anything new: :class:`CostTable` holds the closed forms of
:mod:`derivations.closed_forms` and their values at one layer; :func:`grade` runs the class
grader of :mod:`derivations.grading` on rows held in memory (a list of mappings or a pandas
DataFrame) instead of a CSV file.  Both display as tables in Jupyter
(composed from :mod:`derivations.display`'s blocks).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from derivations.closed_forms import ClosedForm
    from derivations.model import Layer
    from derivations.registry.forms import Form

__all__ = ["CostRow", "CostTable", "cost_table", "grade"]


@dataclass(frozen=True)
class CostRow:
    """One closed form and its value at the table's layer."""

    key: Form
    form: ClosedForm
    value: int


@dataclass(frozen=True)
class CostTable(Mapping):
    """Every closed form of one layer and its value: a read-only mapping key -> int.

    >>> from derivations import Layer, cost_table
    >>> table = cost_table(Layer(c_i=2, c_o=4, h=5, w=5, k_h=3, k_w=3))
    >>> table["forward_mults"], table["forward_adds"]       # 4*3*3 outputs of 2*3*3 products
    (648, 612)
    >>> table.rows[2].form.description
    'forward multiplications'
    """

    layer: Layer
    rows: tuple[CostRow, ...]

    def __getitem__(self, key: str) -> int:
        for row in self.rows:
            if row.key == key:
                return row.value
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return (row.key for row in self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    # --- Jupyter's rich display: the layer, then one compact table (display language) --
    def _table(self, kind: str) -> str:
        from derivations.closed_forms import table

        return table({row.key: row.form for row in self.rows}, kind, dict(self))

    def _repr_markdown_(self) -> str:
        return self.layer._repr_markdown_() + "\n\n" + self._table("markdown")

    def _repr_html_(self) -> str:
        return self.layer._repr_html_() + self._table("html")

    def _repr_latex_(self) -> str:
        return self._table("latex")


def cost_table(layer: Layer) -> CostTable:
    """The closed forms for ``layer``'s padding convention and bias, each evaluated at it."""
    from derivations.closed_forms import forms_for

    return CostTable(
        layer,
        tuple(CostRow(key, form, form.evaluate(layer)) for key, form in forms_for(layer).items()),
    )


def _records(rows: Any) -> tuple[list[str], list[list[str]]]:
    """A header and string cells from a DataFrame or an iterable of mappings."""
    if hasattr(rows, "columns") and hasattr(rows, "itertuples"):  # a pandas DataFrame
        columns = [str(c) for c in rows.columns]
        cells = [
            ["" if _missing(v) else str(v) for v in t]
            for t in rows.itertuples(index=False, name=None)
        ]
        return columns, cells
    if isinstance(rows, (str, bytes)) or not isinstance(rows, Iterable):
        from derivations.errors import DerivationError

        raise DerivationError(key="api.rows_not_a_table", kind=type(rows).__name__)
    records = list(rows)
    header: list[str] = []
    for number, record in enumerate(records, 1):
        if not isinstance(record, Mapping):
            from derivations.errors import DerivationError

            raise DerivationError(
                key="api.row_not_a_mapping", row=number, kind=type(record).__name__
            )
        header += [str(k) for k in record if str(k) not in header]
    cells = [["" if _missing(r.get(k)) else str(r.get(k)) for k in header] for r in records]
    return header, cells


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)  # None or NaN


def grade(rows: Any, lang: str = "en") -> Any:
    """Grade a class held in memory, as ``derivations grade`` grades a CSV file.

    ``rows``: a list of mappings with keys ``student``, ``question``, ``answer`` (other keys
    are kept), or a pandas DataFrame with those columns.  Returns the same kind: a list of
    dicts, or a DataFrame, every row in order with the report's columns added (``verdict``,
    ``conventions``, ``misconception``, ``feedback``, ``parsed``, ``counterexample``, ``flags``).  The
    cells are the report's own (escaped as the CSV report escapes them); a malformed row gets
    ``invalid_input`` and the others are graded.
    """
    from derivations.grading.bulk import grade_rows

    header, cells = _records(rows)
    columns, graded = grade_rows(header, cells, lang)
    if hasattr(rows, "columns") and hasattr(rows, "itertuples"):
        return type(rows)(graded, columns=columns)
    return [dict(zip(columns, row)) for row in graded]
