"""The expression language every wing uses for derived expressions: the typed tree
(:mod:`.tree`) and its exact evaluation (:mod:`.evaluate`).

Importing this package imports nothing else (each module is imported where used).
"""

__all__: list[str] = []
