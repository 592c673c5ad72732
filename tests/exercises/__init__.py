"""Tests of the exercise modules (answer sheets)."""
