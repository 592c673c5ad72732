"""Derived, executed and checkable costs of a convolution layer.

Layer model -> closed forms (SymPy) -> proof by execution (instrumented NumPy) ->
documents and verdicts.  The public API is small; see ``__all__``.
"""

from derivations.closed_forms import ClosedForm, evaluate_all, forms
from derivations.errors import DerivationError
from derivations.model import CONVENTIONS, Layer, output_size

__all__ = ["CONVENTIONS", "ClosedForm", "DerivationError", "Layer", "evaluate_all", "forms",
           "output_size"]
__version__ = "0.1.0"
