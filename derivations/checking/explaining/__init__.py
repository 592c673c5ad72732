"""Explaining: what a student reads: :mod:`.render` (math), :mod:`.feedback`
(sentences chosen and filled), :mod:`.messages` (the texts)."""
