"""Derived, executed and checkable costs of a convolution layer.

Layer model -> closed forms (SymPy) -> proof by execution (instrumented NumPy) ->
documents and verdicts.  The public API is the names in ``__all__``; each is imported
on first use (``import derivations`` imports no SymPy, so a command that does not compute
starts fast).

A tour (run as a doctest by ``tests/test_package.py``; the README shows the same):

>>> import derivations as d
>>> layer = d.Layer(c_i=3, c_o=64, h=32, w=32, k_h=3, k_w=3, p_h=2, p_w=2)
>>> layer.output_shape                     # n, c_o, m_h, m_w (total padding, the book's)
(1, 64, 32, 32)
>>> mults = d.forms_for(layer)[d.Form.FORWARD_MULTS]   # a ClosedForm, derived by SymPy
>>> mults.compact
c_i*c_o*k_h*k_w*m_h*m_w*n/g
>>> mults.evaluate(layer)
1769472
>>> table = d.cost_table(layer)            # every closed form at this layer
>>> table["forward_flops"]
3538944
>>> result = d.check("forward-mults", "c_o*c_i*k_h*k_w*m_h*m_w")
>>> result.verdict
'equivalent'
>>> rows = [{"student": "ann", "question": "forward-mults", "answer": "c_o*c_i*k_h*k_w*m_h*m_w"},
...         {"student": "bob", "question": "forward-mults", "answer": "c_i*k_h*k_w*m_h*m_w"}]
>>> [row["verdict"] for row in d.grade(rows)]
['equivalent', 'not_equivalent']
>>> resnet = d.tabulate(d.model_network("resnet18"))
>>> resnet.totals["macs"]                  # torchvision's published 1.81 G multiply-adds
1814073344

In Jupyter, layers, closed forms, cost tables and check results display as tables and
math (:mod:`derivations.display`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> the module that defines it (imported on first access)
_SOURCES = {
    "Layer": "derivations.model",
    "CONVENTIONS": "derivations.model",
    "output_size": "derivations.model",
    "DerivationError": "derivations.errors",
    "ClosedForm": "derivations.closed_forms",
    "forms": "derivations.closed_forms",
    "forms_for": "derivations.closed_forms",
    "Form": "derivations.registry.forms",
    "evaluate_all": "derivations.closed_forms",
    "CostTable": "derivations.api",
    "cost_table": "derivations.api",
    "grade": "derivations.api",
    "check": "derivations.checking",
    "feedback": "derivations.checking",
    "Result": "derivations.checking",
    "QUESTIONS": "derivations.checking",
    "model_network": "derivations.networks",
    "parse_network": "derivations.networks",
    "read_layer_file": "derivations.networks",
    "tabulate": "derivations.networks",
    "from_torch": "derivations.networks.torch",
    "MODELS": "derivations.networks",
    "BOOK_SECTION": "derivations.registry.exercises",
    "EXERCISES": "derivations.registry.exercises",
}

__all__ = [
    # the layer model
    "Layer",
    "CONVENTIONS",
    "output_size",
    "DerivationError",
    # closed forms and the cost table
    "ClosedForm",
    "Form",
    "forms_for",
    "forms",
    "evaluate_all",
    "CostTable",
    "cost_table",
    # checking and grading answers
    "check",
    "feedback",
    "Result",
    "QUESTIONS",
    "grade",
    # whole networks
    "model_network",
    "parse_network",
    "read_layer_file",
    "tabulate",
    "from_torch",
    "MODELS",
    # the book
    "BOOK_SECTION",
    "EXERCISES",
    "__version__",
]

if TYPE_CHECKING:  # what a type checker and an IDE see; at run time __getattr__ imports
    from derivations.api import CostTable, cost_table, grade
    from derivations.checking import QUESTIONS, Result, check, feedback
    from derivations.closed_forms import ClosedForm, evaluate_all, forms, forms_for
    from derivations.errors import DerivationError
    from derivations.model import CONVENTIONS, Layer, output_size
    from derivations.networks import MODELS, model_network, parse_network, read_layer_file, tabulate
    from derivations.networks.torch import from_torch
    from derivations.registry.exercises import BOOK_SECTION, EXERCISES
    from derivations.registry.forms import Form


def __getattr__(name: str) -> Any:
    """Import a public name's module on first access (PEP 562)."""
    try:
        module = _SOURCES[name]
    except KeyError:
        raise AttributeError(f"module 'derivations' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later accesses skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
