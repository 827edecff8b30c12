"""Errors the engine raises on arguments a user typed: the CLI turns each into a usage error.

Kept free of imports, so that the CLI's entry point can catch them without loading the engine.
"""


class WindowReversed(ValueError):
    """A window whose start is after its end."""
