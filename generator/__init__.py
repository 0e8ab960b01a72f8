"""How spec/patreon-v2.yaml becomes patreon_generated/: `python -m generator build|check`."""
