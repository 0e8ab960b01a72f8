"""Runnable examples: `python -m examples.demo`, and webhook receivers for ASGI, Flask and Django."""
