"""The `patreon` command: log in, inspect tokens, export members, manage webhooks, run the sandbox.

Needs the `cli` extra (`pip install 'patreonkit[cli]'`) for rich progress bars and tables and for
the per-user config directory; `python -m patreon_cli --help` lists the commands.
"""

__all__ = ["__version__"]


def __getattr__(name: str) -> object:
    """PEP 562: `__version__` loads on first use. `python -m patreon_cli` imports this package
    before `__main__` can install its stop-signal handlers (patreon_cli.termination), so it
    imports nothing here."""
    if name == "__version__":
        from patreon_generated import LIBRARY_VERSION  # one version: patreon_runtime.version

        return LIBRARY_VERSION
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
