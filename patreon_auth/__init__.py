"""Hand-written auth for the Patreon v2 client (filled in as it lands)."""
