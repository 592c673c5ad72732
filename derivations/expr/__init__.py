"""The expression language every wing uses for derived expressions and read answers:

* :mod:`.tree`: the typed tree (frozen nodes, ``gcd`` included) and its one serialized
  form (:func:`.tree.to_data`, validated back by :func:`.tree.from_data`);
* :mod:`.evaluate`: exact evaluation (ints and Fractions, no SymPy);
* :mod:`.bridge`: the one bridge from and to SymPy (derived expressions only);
* :mod:`.printers`: the tree as ASCII text, Unicode and LaTeX.

The closed forms (:mod:`derivations.closed_forms`) are cached and evaluated as trees; the
checker reads answers into trees.  Importing this package imports nothing else.
"""

__all__: list[str] = []
