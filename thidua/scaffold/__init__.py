"""A union's own repository: `thidua init`, a plan from nothing (`thidua new --issuer`), the schemas it keeps."""
