"""Element types and their sizes in bytes: the one table ``cost``, ``network`` and the
checker's questions in bytes read (memory is counted in elements; bytes = elements x
this size).

bfloat16 is not a NumPy dtype, so the table is ours; the tests hold every size against
NumPy's ``itemsize`` (and PyTorch's ``itemsize`` for bfloat16, where it is installed).
"""

from __future__ import annotations

__all__ = ["DTYPE_BYTES", "DTYPES", "DEFAULT_DTYPE", "C_TYPES"]

DTYPE_BYTES = {"float16": 2, "bfloat16": 2, "float32": 4, "float64": 8, "int8": 1}
DTYPES = tuple(sorted(DTYPE_BYTES))  # what every --dtype accepts
DEFAULT_DTYPE = "float32"  # the book's; the checker's questions in bytes assume it
# C's and CUDA's names of the element types, as ``sizeof(…)`` takes them in a formula in
# bytes (``sizeof(float)``: 4); a name that is no type is a tensor's, of the book's type
C_TYPES = {
    "float": "float32",
    "double": "float64",
    "half": "float16",
    "__half": "float16",
    "__nv_bfloat16": "bfloat16",
    "int8_t": "int8",
    "char": "int8",
    **{name: name for name in DTYPE_BYTES},
}
