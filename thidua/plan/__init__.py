"""The plan file: its model and the results model, the YAML loader with positions, validation, JSON Schema."""
