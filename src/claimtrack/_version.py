"""The package version, in one place (the CLI and the store read it here)."""

__version__ = "0.1.0"
