"""What the Redis token store and the Redis rate limiter both need to know of a redis-py client:
which of its exceptions mean "Redis did not answer", and where it points (for reprs and logs)."""

from __future__ import annotations


def redis_errors() -> tuple[type[Exception], ...]:
    # Lazy: the caller handed us a client, so redis is installed whenever this runs.
    from redis.exceptions import RedisError

    return (RedisError, OSError)


def describe_client(client: object) -> str:
    """host:port/db of the client (or its socket path), never its password or username."""
    pool = getattr(client, "connection_pool", None)
    kwargs = getattr(pool, "connection_kwargs", None)
    if not isinstance(kwargs, dict):
        return f"<{type(client).__qualname__}>"
    if kwargs.get("path"):
        return f"unix://{kwargs['path']}?db={kwargs.get('db', 0)}"
    return f"redis://{kwargs.get('host', 'localhost')}:{kwargs.get('port', 6379)}/{kwargs.get('db', 0)}"
