"""Element types and their sizes in bytes: the one table ``cost``, ``network`` and the
checker's questions in bytes read (memory is counted in elements; bytes = elements x
this size).

bfloat16 is not a NumPy dtype, so the table is ours; the tests hold every size against
NumPy's ``itemsize`` (and PyTorch's ``itemsize`` for bfloat16, where it is installed).
"""

from __future__ import annotations

__all__ = ["DTYPE_BYTES", "DTYPES", "DEFAULT_DTYPE"]

DTYPE_BYTES = {"float16": 2, "bfloat16": 2, "float32": 4, "float64": 8, "int8": 1}
DTYPES = tuple(sorted(DTYPE_BYTES))  # what every --dtype accepts
DEFAULT_DTYPE = "float32"  # the book's; the checker's questions in bytes assume it
