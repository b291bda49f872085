"""`thidua track`, `record` and `report`: where targets stand, adding results, the results report."""
