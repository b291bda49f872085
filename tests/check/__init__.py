"""Tests of thidua.check."""
