"""The command line: Typer commands (app), the error edge, and the output formats (show/)."""
