"""The newsline command line: a thin Typer app over the `timeline` library, with Rich rendering."""
