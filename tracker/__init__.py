"""tracker: what each side of a conflict demands, how that changed, with sources."""

__version__ = "0.1.0"
