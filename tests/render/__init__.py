"""Tests of thidua.render."""
