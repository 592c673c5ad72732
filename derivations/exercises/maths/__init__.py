"""The maths of each exercise, apart from its prose and layout.

One module per exercise (the same name as its sheet, ``derivations/exercises/<name>.py``):
pure functions returning typed results (frozen dataclasses of numbers, SymPy
expressions, executed counts), every figure checked where it is produced
(:mod:`derivations.exercises.checks`).  No prose and no blocks: a maths module imports
nothing of :mod:`derivations.exercises.document`, :mod:`~derivations.exercises.notation`,
:mod:`~derivations.exercises.layout` or :mod:`derivations.messages`
(``tests/exercises/test_maths.py`` checks it); the sheet words and lays out the results.
"""
