"""One module per command group; each exposes `register(subparsers)` and handlers taking (args, session, out)."""
