"""Tests of thidua.change."""
