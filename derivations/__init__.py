"""Derived, executed and checkable costs of a convolution layer.

Layer model -> closed forms (SymPy) -> proof by execution (instrumented NumPy) ->
documents and verdicts.  The public API is small; see ``__all__``.
"""

from .closed_forms import ClosedForm, evaluate_all, forms
from .errors import DerivationError
from .model import CONVENTIONS, Layer, output_size

__all__ = ["CONVENTIONS", "ClosedForm", "DerivationError", "Layer", "evaluate_all", "forms",
           "output_size"]
__version__ = "0.1.0"
