"""The installed package's types reach a user's type checker from a folder outside the checkout.

`make` puts the checkout on the venv's path with a .pth file; with setuptools' default editable finder mypy
reported every import as untyped ("missing library stubs or py.typed marker") and a misspelled
attribute went unnoticed. This runs mypy as a user would: in an empty temporary folder, on a snippet
of their code, with no PYTHONPATH pointing at the repo.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SNIPPET = textwrap.dedent(
    """\
    from patreon_auth import PatreonCreatorClient


    def first_member_name(client: PatreonCreatorClient, campaign_id: str) -> str | None:
        page = client.members.list(campaign_id, fields={"member": ["full_name"]})
        member = page.data[0]
        name: str | None = member.attributes.full_name
        print(member.attributes.full_nme)
        return name
    """
)


@pytest.mark.timeout(600)
def test_mypy_outside_the_repo_sees_the_types(tmp_path: Path) -> None:
    (tmp_path / "user_code.py").write_text(SNIPPET, encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key not in {"PYTHONPATH", "MYPYPATH"}}
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "user_code.py"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = result.stdout + result.stderr
    assert "import-not-found" not in output and "import-untyped" not in output, output
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    # Exactly the typo is reported, on its line, naming the bad attribute.
    assert len(errors) == 1, output
    assert errors[0].startswith("user_code.py:8:"), output
    assert '"full_nme"' in errors[0] and "[attr-defined]" in errors[0], output
    assert result.returncode == 1, output
