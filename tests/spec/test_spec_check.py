"""`patreon spec check` against the sandbox: each kind of drift is found, no value is ever shown."""

from __future__ import annotations

import io
import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from patreon_cli.__main__ import main
from patreon_cli.commands.spec import DRIFT
from patreon_generated.schema import ENDPOINTS
from patreon_sandbox import Sandbox
from patreon_sandbox.drift import KINDS
from patreon_sandbox.limits import RateLimits
from patreon_spec.drift import FAILING_KINDS
from patreon_spec.live import LiveCheck, covered_operations, plan
from tests.integration.clients import creator

SANDBOX = ["--sandbox", "--sandbox-members", "6", "--sandbox-seed", "11"]


def check(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, dict[str, Any]]:
    code = main([*SANDBOX, "spec", "check", "--format", "json", *extra])
    return code, json.loads(capsys.readouterr().out)


def kinds_found(report: dict[str, Any]) -> set[str]:
    return {finding["kind"] for finding in report["findings"]}


def test_the_sandbox_matches_the_spec(capsys: pytest.CaptureFixture[str]) -> None:
    code, report = check(capsys)
    assert code == 0
    assert not kinds_found(report) & FAILING_KINDS
    called = {call["operation"] for call in report["calls"]}
    assert called == covered_operations() - {"get_live"}  # lives cannot be listed, so no id
    assert all(call["status"] == 200 for call in report["calls"])
    assert "get_live" in report["skipped"]


@pytest.mark.parametrize("kind", sorted(set(KINDS) - {"never-seen"}))
def test_each_kind_of_drift_is_reported_and_fails_the_run(
    capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    code, report = check(capsys, "--sandbox-drift", kind)
    assert code == DRIFT
    assert kinds_found(report) & FAILING_KINDS == {kind}
    assert report["drift"] is True


def test_where_the_drift_is_names_paths_and_types() -> None:
    # One document per kind: the paths say where, including resources in included[].
    findings = {(f["kind"], f["operation"], f["path"], f["detail"]) for f in _report_with(*KINDS)["findings"]}
    members = "list_campaign_members"
    assert (
        "type-mismatch",
        members,
        "included[*](tier).attributes.amount_cents",
        "spec: integer; seen: string",
    ) in findings
    assert (
        "nullability",
        members,
        "data[*](member).attributes.full_name",
        "spec: string; seen: null",
    ) in findings
    assert (
        "unknown-attribute",
        members,
        "data[*](member).attributes.sandbox_drift_attribute",
        "seen: string",
    ) in findings
    assert ("unknown-type", members, "included[*](sandbox-drift-type)", "type sandbox-drift-type") in findings
    assert (
        "unknown-relationship",
        members,
        "data[*](member).relationships.sandbox_drift_link",
        "",
    ) in findings
    assert any(f[0] == "unknown-enum-value" and f[3] == "value sandbox_drift_value" for f in findings)
    assert ("never-seen", "*", "member.attributes.will_pay_amount_cents", "") in findings  # fmt: skip


def test_never_seen_attributes_are_reported_and_fail_only_when_asked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, report = check(capsys, "--sandbox-drift", "never-seen")
    assert code == 0
    unseen = {f["path"] for f in report["findings"] if f["kind"] == "never-seen"}
    assert "member.attributes.will_pay_amount_cents" in unseen
    code, _ = check(capsys, "--sandbox-drift", "never-seen", "--fail-on-unseen")
    assert code == DRIFT


def _report_with(*kinds: str) -> dict[str, Any]:
    out = io.StringIO()
    import contextlib

    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        main([*SANDBOX, "spec", "check", "--format", "json", "--sandbox-drift", ",".join(kinds)])
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


def test_no_value_from_any_answer_is_printed(capsys: pytest.CaptureFixture[str], tmp_path: Any) -> None:
    with Sandbox(seed=11, members=6) as sandbox:
        values = {user.full_name for user in sandbox.users} | {
            user.email for user in sandbox.users if user.email
        }
        values |= set(sandbox.member_ids) | {sandbox.campaign_id} | {user.id for user in sandbox.users}
    assert len(values) > 10
    report_file = tmp_path / "report.md"
    code = main([*SANDBOX, "spec", "check", "--sandbox-drift", ",".join(KINDS), "-o", str(report_file)])
    assert code == DRIFT
    printed = capsys.readouterr()
    text = report_file.read_text() + printed.out + printed.err
    assert "## Drift" in text and "included[*](tier).attributes.amount_cents" in text
    leaked = sorted(value for value in values if value in text)
    assert leaked == []


def test_every_readable_operation_is_covered_and_planned_within_scopes() -> None:
    assert covered_operations() == {op for op, info in ENDPOINTS.items() if info["method"] == "GET"}
    members = plan("list_campaign_members", frozenset({"campaigns.members"}))
    assert not isinstance(members, str)
    assert "email" not in members.fields["member"] and "email" not in members.fields["user"]
    assert "address" not in members.include
    full = plan("list_campaign_members", None)
    assert not isinstance(full, str) and "email" in full.fields["user"] and "address" in full.include
    assert plan("list_webhooks", frozenset({"identity"})) == "the token lacks w:campaigns.webhook"


def test_calls_are_paced_to_the_per_token_limit() -> None:
    moments: list[float] = []
    now = [1000.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    def clock() -> float:
        return now[0]

    with Sandbox(seed=11, members=6) as sandbox:
        client = creator(sandbox)
        client.http_client.event_hooks["response"].append(lambda response: moments.append(now[0]))
        LiveCheck(client, granted=None, min_interval=0.6, sleep=sleep, clock=clock).run()
    gaps = [later - earlier for earlier, later in itertools.pairwise(moments)]
    assert len(gaps) >= 7
    assert min(gaps) >= 0.6 - 1e-9  # 100 a minute per token [PD _rate_limits.md]


def test_a_rate_limited_run_waits_and_finishes() -> None:
    with Sandbox(seed=11, members=6, rate_limits=RateLimits(per_client=(4, 1.0), per_token=None)) as sandbox:
        report = LiveCheck(creator(sandbox), granted=None, min_interval=0).run()
    statuses = [call.status for call in report.calls]
    assert 429 in statuses
    assert not report.skipped.keys() - {"get_live"}
    assert not report.drift


def test_the_spec_ships_with_the_check_and_is_the_repository_spec() -> None:
    from patreon_spec.source import PACKAGED_SPEC, spec_path

    # The checkout's spec, found from here: patreon_spec may be an installed copy (the compiled run).
    repo_spec = Path(__file__).resolve().parents[2] / "spec" / "patreon-v2.yaml"
    assert spec_path() == PACKAGED_SPEC
    assert PACKAGED_SPEC.read_bytes() == repo_spec.read_bytes()
