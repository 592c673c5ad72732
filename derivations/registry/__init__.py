"""Registries: one declaration per fact (what), read by the machinery (how).

One module or data file per concept: symbols, counting conventions, questions,
exercises, misconceptions.  Tests and templates read these; nothing retypes them.
"""
