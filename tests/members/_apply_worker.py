"""One receiver process: verify and apply every delivery in a file, in its own order; print what it applied.

``python -m tests.members._apply_worker DATABASE SECRET DELIVERIES.json SEED``; DATABASE is a SQLite
path or a postgresql:// URL. Prints one JSON line: the deliveries it applied (not duplicates) and
the changes they made.
"""

from __future__ import annotations

import base64
import json
import random
import sys

from patreon_auth.webhooks import verify_and_parse
from patreon_members import MemberMirror


def main(database: str, secret: str, path: str, seed: int) -> None:
    with open(path) as file:
        deliveries = [(headers, base64.b64decode(body)) for headers, body in json.load(file)]
    random.Random(seed).shuffle(deliveries)
    applied = 0
    changes: list[list[str]] = []
    with MemberMirror(database) as mirror:
        for headers, body in deliveries:
            result = mirror.apply(verify_and_parse(headers, body, secret))
            if result is not None:
                applied += 1
                changes.extend([c.member_id, c.kind] for c in result)
    print(json.dumps({"applied": applied, "changes": changes}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
