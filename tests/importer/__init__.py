"""Tests of thidua.importer."""
