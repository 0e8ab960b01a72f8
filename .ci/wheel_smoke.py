"""Smoke test of the installed wheel: run by .ci/package in a fresh venv, outside the checkout.

It proves what a user gets from `pip install 'patreonkit[cli]'`: the packages import from
site-packages (not from a source tree), carry their type information, make a real call against the
in-process sandbox, and install a working `patreon` command.
"""

import importlib.metadata
import os
import subprocess
import sys
from pathlib import Path

import patreon_auth
import patreon_cli
import patreon_generated
import patreon_members
import patreon_runtime
import patreon_sandbox
from patreon_auth import PatreonCreatorClient
from patreon_sandbox import Sandbox

version = importlib.metadata.version("patreonkit")
for package in (
    patreon_runtime,
    patreon_auth,
    patreon_generated,
    patreon_members,
    patreon_sandbox,
    patreon_cli,
):
    where = Path(package.__file__ or "").resolve()
    assert "site-packages" in where.parts, f"{package.__name__} imported from {where}, not the wheel"
    assert package.__version__ == version, (package.__name__, package.__version__, version)
    assert (where.parent / "py.typed").exists(), f"{package.__name__}: no py.typed in the wheel"

with Sandbox(seed=1, members=25) as world:
    client = PatreonCreatorClient(
        client_id=world.client_id,
        client_secret=world.client_secret,
        token=world.creator_token(),
        transport=world.transport(),
        base_url=world.base_url,
    )
    campaign = client.campaigns.list().data[0]
    members = list(client.members.iterate(campaign.id, fields={"member": ["full_name"]}, count=10))
    assert len(members) == 25, len(members)
    # The membership layer from the wheel: a SQLite mirror of the same campaign.
    import tempfile

    with (
        tempfile.TemporaryDirectory() as workdir,
        patreon_members.MemberMirror(Path(workdir) / "m.db") as mirror,
    ):
        assert mirror.resync(client, campaign.id).joined == 25

# The binary wheel (EXPECT_COMPILED=1 from .ci/package): the decode path is mypyc's native code.
if os.environ.get("EXPECT_COMPILED") == "1":
    import patreon_generated.documents
    import patreon_generated.resources
    import patreon_runtime.jsonapi

    for module in (patreon_runtime.jsonapi, patreon_generated.resources, patreon_generated.documents):
        assert not (module.__file__ or ".py").endswith(".py"), f"{module.__name__} is not compiled"
    assert patreon_runtime.jsonapi.NATIVE
    build = "compiled"
else:
    build = "pure Python"

help_text = subprocess.run(["patreon", "--help"], capture_output=True, text=True, check=True).stdout
assert "members" in help_text and "webhooks" in help_text, help_text
version_text = subprocess.run(["patreon", "--version"], capture_output=True, text=True, check=True).stdout
assert version_text.strip() == f"patreon (patreonkit) {version}", version_text

print(
    f"wheel smoke ({build}): patreonkit {version} on Python {sys.version.split()[0]}: imports, 25 members, patreon --help ok"
)
