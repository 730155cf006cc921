"""Command-line interface: one Typer app with a sub-module per stage."""
