"""Grading a class: a class file in, a report, summary and gradebook out."""
