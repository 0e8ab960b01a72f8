"""The `patreon` command: log in, inspect tokens, export members, manage webhooks, run the sandbox.

Needs the `cli` extra (`pip install 'patreonkit[cli]'`) for rich progress bars and tables and for
the per-user config directory; `python -m patreon_cli --help` lists the commands.
"""

from patreon_generated import LIBRARY_VERSION as __version__  # one version, from pyproject.toml

__all__ = ["__version__"]
