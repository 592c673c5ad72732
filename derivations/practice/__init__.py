"""The practice pages: every checkable question of the section with an answer box, the
real checker running in the reader's browser (Pyodide in a Web Worker), offline.

- :mod:`.page`: the page ``{lang}/practice.html`` (questions grouped by exercise in that
  edition's numbering, the reference folded in a closed ``<details>``);
- :mod:`.archive`: ``practice/checker.zip``, the checker's pure-Python code and what it
  needs (no lark, no PyYAML: their data ships as prebuilt JSON) in one archive of deterministic bytes;
- :mod:`.runtime`: the Pyodide runtime copied from ``node_modules/pyodide`` (npm, pinned in
  ``package.json``, never committed);
- :mod:`.browser`: what the worker calls for one answer (``check --json``'s object);
- ``static/``: the page's script and the worker.
"""

from __future__ import annotations

__all__: list[str] = []
