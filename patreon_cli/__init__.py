"""The `patreon` command: log in, inspect tokens, export members, manage webhooks, run the sandbox.

Needs the `cli` extra (`pip install 'patreon-v2[cli]'`) for rich progress bars and tables and for
the per-user config directory; `python -m patreon_cli --help` lists the commands.
"""
