"""Explaining: what a student reads: :mod:`.typeset` (math), :mod:`.present` (the book's
term order), :mod:`.diagnose` (what is wrong, in words), :mod:`.feedback` (sentences
chosen and filled, per reveal level), :mod:`.wording` (the texts, by id)."""
