"""Tests of thidua.plan."""
