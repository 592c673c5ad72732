"""Deciding: which reference variant an answer equals, exactly, on the valid domain.

:mod:`.derive` (variants from the closed forms; SymPy), :mod:`.catalogue` (their trees,
cached on disk), :mod:`.samples` (valid points), :mod:`.decide`, :mod:`.asymptotic`,
:mod:`.symbolic` (proof, difference), :mod:`.budget`.
"""
