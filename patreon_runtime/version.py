"""The distribution's version: one place, read by pyproject.toml, the User-Agent and the generator."""

LIBRARY_VERSION = "0.1.0"
