"""Tests of thidua.cli."""
