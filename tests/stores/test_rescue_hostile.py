"""A rescue file that is not one (cut off, nested past any sane depth) is skipped with a log line.

The next store on the path must still read its token: a broken rescue file never turns into an
exception from `get()` (a deeply nested one raised RecursionError), and the log names the file
but none of what it holds.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from patreon_auth import Token
from patreon_auth.stores import FileStore

ACCESS = "access-0123456789abcdef"
REFRESH = "refresh-0123456789abcdef"
TOKEN = Token(access_token=ACCESS, refresh_token=REFRESH)


@pytest.mark.parametrize(
    "content",
    [
        json.dumps({"format": "patreon-token-rescue/1", "token": TOKEN.to_dict()})[:-3],  # cut off
        "[" * 200_000 + "]" * 200_000,  # nested far past the recursion limit
    ],
    ids=["cut-off", "deep"],
)
def test_a_broken_rescue_file_is_skipped(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, content: str
) -> None:
    path = tmp_path / "token.json"
    FileStore(path).put(TOKEN)
    (tmp_path / "token.json.rescue").write_text(content)
    with caplog.at_level(logging.DEBUG, logger="patreon"):
        assert FileStore(path).get() == TOKEN
    assert "token.json.rescue" in caplog.text
    assert ACCESS not in caplog.text and REFRESH not in caplog.text
