"""`thidua check`: the lint engine, existing documents as text, and the rules."""
