"""Issue 20's "Done when", end to end: three spec edits at once, regenerated, used as a user would.

A maintainer adds a member attribute, a paged GET under an existing tag (`campaigns/{id}/benefits`,
named `list_benefits` with `x-patreon-method`) and a paged GET under a new tag (`founders`), by
editing a copy of the spec only. The regenerated package goes into a temporary folder placed first
on the import and type search paths (the checkout is never changed), and then:

- the pinned mypy (`--strict`, the repo's pyproject config) accepts a user program that calls the
  new methods with the new attribute in `fields` and reads its typed property, and rejects the same
  call with a misspelled name, naming the regenerated Literal;
- a subprocess imports the regenerated package and calls the new endpoints against the sandbox:
  the sandbox serves the new attribute with no change (it reads the regenerated schema table), and
  the new operations answer once their sandbox branch is in the dispatch table
  (`patreon_sandbox.handler.OPERATIONS`; without it: 501 OperationNotImplemented naming the
  operation and its route, and tests/sandbox/test_dispatch.py fails naming the operations); every
  answer of the run conforms to the edited spec (patreon_spec.conformance, schemas and linkage).

The collision message itself is checked in test_naming.py; here only that the same three edits
without `x-patreon-method` are refused.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import ROOT, operations
from patreon_spec import coverage

from .maintainer import generate, load, with_campaign_benefits, with_founders_tag, with_member_attribute

ATTRIBUTE = "is_founding_member"

GOOD = f"""
from patreon_generated import AsyncPatreon, Patreon
from patreon_generated.resources import Benefit, Campaign, Member, Tier

client = Patreon(token="t")
founders = client.founders.list("1", fields={{"member": ["{ATTRIBUTE}", "full_name"]}})
first: Member = founders.data[0]
founding: bool | None = first.attributes.{ATTRIBUTE}
reveal_type(first.attributes.{ATTRIBUTE})
for member in client.founders.iterate("1", fields={{"member": ["{ATTRIBUTE}"]}}, count=5):
    also: bool | None = member.attributes.{ATTRIBUTE}
# The existing members endpoint takes the new name too: one Literal for every fields[member].
old_route: bool | None = client.members.list("1", fields={{"member": ["{ATTRIBUTE}"]}}).data[0].attributes.{ATTRIBUTE}
benefits = client.campaigns.list_benefits("1", include=["tiers"], fields={{"benefit": ["title"], "tier": ["title"]}})
benefit: Benefit = benefits.data[0]
title: str | None = benefit.attributes.title
tiers: list[Tier] = benefits.related(benefit, "tiers")
for each in client.campaigns.iterate_benefits("1"):
    also_benefit: Benefit = each
campaign: Campaign = client.campaigns.list().data[0]  # `list` still lists campaigns


async def main() -> bool | None:
    async with AsyncPatreon(token="t") as aclient:
        page = await aclient.founders.list("1", fields={{"member": ["{ATTRIBUTE}"]}})
        return page.data[0].attributes.{ATTRIBUTE}
"""

# Inline, mypy reports the whole `fields` dict against the union `XFields | Literal["all"] | None`
# (tests/generated/test_typing.py); annotated with the generated TypedDict, it names the Literal.
MISSPELLED = f"""
from patreon_generated import Patreon
from patreon_generated.literals import ListCampaignFoundersFields

Patreon(token="t").founders.list("1", fields={{"member": ["{ATTRIBUTE[:-1]}"]}})
wanted: ListCampaignFoundersFields = {{"member": ["{ATTRIBUTE[:-1]}"]}}
"""

# Run against the regenerated package and the checkout's sandbox and runtime. The sandbox branch
# for each new operation is an entry of the dispatch table, written here as a maintainer would
# write it in patreon_sandbox/handler.py (docs/regenerate.md, "A new endpoint").
CALLS = """
import json
import sys
from pathlib import Path

import httpx

import patreon_generated
from patreon_generated import Patreon
from patreon_generated.resources import Benefit, Campaign, Member
from patreon_generated.schema import ENDPOINTS
from patreon_runtime.errors import APIStatusError
from patreon_sandbox import Sandbox, handler
from patreon_spec import conformance

ATTRIBUTE = sys.argv[1]
found = {"package": str(Path(patreon_generated.__file__).parent)}
found["unhandled"] = sorted(set(ENDPOINTS) - set(handler.OPERATIONS))


def list_campaign_benefits(core, call):
    query, builder = core._read(call)
    core._require_owned_campaign(call.path_params["campaign_id"], call.grant)
    ids = list(core.world.benefit_ids)
    return core._collection(builder, query, call.op, "benefit", ids, list(range(len(ids))), call.origin, call.path)


def list_campaign_founders(core, call):
    return handler.Core._list_campaign_members(core, call)  # the members page, under the new route


class Recording(httpx.BaseTransport):
    # The sandbox's transport, keeping each exchange for the spec check at the end.
    def __init__(self, inner):
        self.inner, self.exchanges = inner, []

    def handle_request(self, request):
        response = self.inner.handle_request(request)
        response.read()
        self.exchanges.append((request, response))
        return response


with Sandbox(seed=7, members=6, rate_limits=None) as sandbox:
    token = sandbox.creator_token().access_token
    recording = Recording(sandbox.transport())
    client = Patreon(token=token, transport=recording, base_url=sandbox.base_url)
    campaign_id = sandbox.core.world.campaign_id
    try:
        client.founders.list(campaign_id)
    except APIStatusError as error:
        found["before_branch"] = [error.status_code, str(error)]
    handler.OPERATIONS = {
        **handler.OPERATIONS,
        "list_campaign_benefits": list_campaign_benefits,
        "list_campaign_founders": list_campaign_founders,
    }
    page = client.founders.list(campaign_id, fields={"member": [ATTRIBUTE, "full_name"]}, count=4)
    assert all(isinstance(m, Member) for m in page.data)
    found["founder_values"] = [getattr(m.attributes, ATTRIBUTE) for m in page.data]
    found["founder_raw_keys"] = sorted({k for m in page.raw["data"] for k in m["attributes"]})
    found["founders_iterated"] = sum(1 for _ in client.founders.iterate(campaign_id, count=4))
    members = client.members.list(campaign_id, fields={"member": [ATTRIBUTE]})
    found["members_have_it"] = all(ATTRIBUTE in m["attributes"] for m in members.raw["data"])
    benefits = client.campaigns.list_benefits(campaign_id, include=["tiers"], fields={"benefit": ["title"]})
    assert all(isinstance(b, Benefit) for b in benefits.data)
    found["benefit_ids"] = sorted(b.id for b in benefits.data)
    found["world_benefit_ids"] = sorted(sandbox.core.world.benefit_ids)
    found["benefit_tiers"] = sum(len(benefits.related(b, "tiers")) for b in benefits.data)
    found["benefits_iterated"] = sum(1 for _ in client.campaigns.iterate_benefits(campaign_id, count=2))
    campaigns = client.campaigns.list()
    found["campaigns_list"] = [type(c).__name__ for c in campaigns.data]
# Every answer against the edited spec ($PATREON_SPEC): schemas and linkage, as `make test` checks them.
checked = [(q, r) for q, r in recording.exchanges if conformance.is_checkable(q, r)]
found["checked"] = sorted({f"{q.method} {q.url.path.rsplit('/', 1)[-1]} {r.status_code}" for q, r in checked})
found["problems"] = [p for p in (conformance.problem(q, r) for q, r in checked) if p]
print(json.dumps(found))
"""


def _site(tmp_path: Path) -> Path:
    """The three edits generated into `tmp_path/site/patreon_generated`, checked for determinism."""
    spec = with_founders_tag(
        with_campaign_benefits(with_member_attribute(load(), ATTRIBUTE), method="list_benefits")
    )
    site = tmp_path / "site"
    site.mkdir()
    package = generate(spec, site)
    # `make check-generated` on the edited spec: a second build writes the same bytes.
    (tmp_path / "again").mkdir()
    again = generate(spec, tmp_path / "again")
    first = {p.relative_to(package): p.read_bytes() for p in sorted(package.rglob("*.py"))}
    second = {p.relative_to(again): p.read_bytes() for p in sorted(again.rglob("*.py"))}
    assert first == second, "the same spec generated twice differs"
    # ... and the coverage page `make generate` writes beside it follows the same edits.
    page = coverage.render(spec).splitlines()
    assert any(line.startswith(f"| {ATTRIBUTE} | boolean | yes |") for line in page)
    assert any(line.startswith("| list_campaign_founders | fields member.email |") for line in page)
    return site


def _env(site: Path) -> dict[str, str]:
    """The regenerated package first on the import and type search paths; the checkout after it."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(site), str(ROOT)])
    env["MYPYPATH"] = str(site)
    env["PATREON_SPEC"] = str(site / "patreon-v2.yaml")  # what patreon_spec checks answers against
    return env


def test_the_same_three_edits_without_x_patreon_method_are_refused() -> None:
    refused = with_founders_tag(with_campaign_benefits(with_member_attribute(load(), ATTRIBUTE)))
    with pytest.raises(SystemExit, match="list_campaigns and list_campaign_benefits would both be"):
        operations(refused)


def test_three_spec_edits_give_typed_methods_and_sandbox_answers(tmp_path: Path) -> None:
    site = _site(tmp_path)
    programs = tmp_path / "programs"
    programs.mkdir()
    (programs / "good.py").write_text(GOOD)
    (programs / "misspelled.py").write_text(MISSPELLED)
    typed = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--no-error-summary",
            "--show-error-codes",
            "--cache-dir",
            str(tmp_path / "mypy-cache"),
            "good.py",
            "misspelled.py",
        ],
        capture_output=True,
        text=True,
        cwd=programs,
        env=_env(site),
        timeout=600,
    )
    errors = typed.stdout.splitlines()
    assert typed.returncode == 1, typed.stdout + typed.stderr
    assert [line for line in errors if line.startswith("good.py") and "error:" in line] == [], typed.stdout
    revealed = [line.split(": note: ")[-1] for line in errors if line.startswith("good.py")]
    assert revealed == ['Revealed type is "bool | None"'], typed.stdout  # the typed property
    inline, annotated = [line for line in errors if line.startswith("misspelled.py")]
    assert 'to "list" of "FoundersResource"' in inline and "ListCampaignFoundersFields" in inline, inline
    # The expected Literal is the regenerated MemberField: it names the new attribute.
    assert f"\"Literal['{ATTRIBUTE[:-1]}']\"" in annotated and f"'{ATTRIBUTE}'" in annotated, annotated
    assert "[list-item]" in annotated, annotated

    called = subprocess.run(
        [sys.executable, "-c", CALLS, ATTRIBUTE],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_env(site),
        timeout=300,
    )
    assert called.returncode == 0, called.stderr
    found = json.loads(called.stdout)
    assert found["package"] == str(site / "patreon_generated")  # the regenerated package, not the checkout's
    # Before its branch, the sandbox knows the route (from the regenerated table) but has no answer.
    assert found["unhandled"] == ["list_campaign_benefits", "list_campaign_founders"]
    status, message = found["before_branch"]
    assert status == 501, found["before_branch"]
    route = "(GET /api/oauth2/v2/campaigns/{campaign_id}/founders)"
    assert f"does not implement list_campaign_founders {route} yet" in message, message
    assert "patreon_sandbox.handler.OPERATIONS" in message, message
    # The new attribute is served on the new route and the old one with no sandbox change.
    assert len(found["founder_values"]) == 4
    assert all(value is None or isinstance(value, bool) for value in found["founder_values"])
    assert found["founder_raw_keys"] == sorted([ATTRIBUTE, "full_name"])
    assert found["founders_iterated"] == 6 and found["members_have_it"] is True
    assert found["benefit_ids"] == found["world_benefit_ids"] and len(found["benefit_ids"]) == 4
    assert found["benefit_tiers"] > 0 and found["benefits_iterated"] == 4
    assert found["campaigns_list"] == ["Campaign"]
    # The answers of the new routes conform to the edited spec (the refusal before the branch too).
    assert {"GET founders 501", "GET founders 200", "GET benefits 200"} <= set(found["checked"]), found
    assert found["problems"] == [], found["problems"]
