"""Tests of thidua.text."""
