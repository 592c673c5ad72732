"""Explaining: what a student reads: :mod:`.present` (the book's term order, printed by
:mod:`derivations.expr.printers`), :mod:`.diagnose` (what is wrong, in words),
:mod:`.feedback` (sentences chosen and filled, per reveal level), :mod:`.wording` (the
texts, by id)."""
