"""Reading: pasted text -> the checker's expression tree, never evaluating the text.

:mod:`.normalize` -> :mod:`.lexer` (spellings in :mod:`derivations.registry.spellings`) -> :mod:`.grammar`
(:mod:`.lalr` over the tables of :mod:`.grammar`) -> :mod:`.transform`; bounds in :mod:`.limits`; :mod:`.parse` is the entry point.
"""
