"""Registries: one declaration per fact (what), read by the machinery (how).

One module or data file per concept: symbols, counting conventions, form keys and how
each counts, questions, the restrictions an answer may assume (a question's domain),
exercises, misconceptions.  Tests and templates read these; nothing retypes them.
"""
