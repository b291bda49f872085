"""Tests of thidua.track."""
