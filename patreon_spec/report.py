"""The drift report as Markdown (to paste into an issue) or JSON (for tools): paths, types, counts."""

from __future__ import annotations

import json
from typing import Any

from patreon_spec.drift import KINDS, DriftReport


def as_data(report: DriftReport, *, about: dict[str, str]) -> dict[str, Any]:
    """Plain data: `about` (spec hash, library version, API host), calls, findings, coverage."""
    return {
        "about": about,
        "drift": report.has_drift(),
        "calls": [
            {"operation": c.operation, "method": c.method, "status": c.status, "resources": c.resources}
            for c in report.calls
        ],
        "skipped": dict(sorted(report.skipped.items())),
        "findings": [
            {"kind": f.kind, "operation": f.operation, "path": f.path, "detail": f.detail, "count": n}
            for f, n in sorted(report.findings.items())
        ],
        "coverage": {
            type_name: {
                name: {"requested": c.requested, "present": c.present, "null": c.null}
                for name, c in sorted(counts.items())
            }
            for type_name, counts in sorted(report.coverage.items())
        },
    }


def _cell(text: str) -> str:
    return text.replace("|", "\\|") or "-"


def as_markdown(report: DriftReport, *, about: dict[str, str]) -> str:
    lines = ["# Patreon API drift report", ""]
    lines += [f"- {key}: `{value}`" for key, value in about.items()]
    drift = report.drift
    verdict = f"**Drift found in {len(drift)} places.**" if drift else "**No drift found.**"
    lines += [
        "",
        verdict,
        "",
        "No value from any answer appears below: only JSON paths, JSON types and counts.",
    ]
    if drift:
        lines += [
            "",
            "## Drift",
            "",
            "| kind | operation | JSON path | detail | count |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| {f.kind} | {f.operation} | `{_cell(f.path)}` | {_cell(f.detail)} | {n} |" for f, n in drift
        ]
    unseen = report.unseen
    if unseen:
        lines += ["", "## Documented but never seen", ""]
        lines += ["Asked for, and absent from every answer (an empty account can explain these).", ""]
        lines += [f"- `{f.path}`" + (f": {f.detail}" if f.detail else "") for f in unseen]
    lines += ["", "## Calls", "", "| operation | method | status | resources |", "|---|---|---|---|"]
    lines += [f"| {c.operation} | {c.method} | {c.status} | {c.resources} |" for c in report.calls]
    if report.skipped:
        lines += ["", "## Not called", ""]
        lines += [f"- {operation}: {why}" for operation, why in sorted(report.skipped.items())]
    lines += [
        "",
        "## Coverage",
        "",
        "| type | attributes seen / asked | null at least once |",
        "|---|---|---|",
    ]
    for type_name, counts in sorted(report.coverage.items()):
        seen = sum(1 for c in counts.values() if c.present)
        nulls = sum(1 for c in counts.values() if c.null)
        lines.append(f"| {type_name} | {seen} / {len(counts)} | {nulls} |")
    lines += ["", "## Kinds", ""]
    lines += [f"- {kind}: {meaning}" for kind, meaning in KINDS.items()]
    return "\n".join(lines) + "\n"


def as_json(report: DriftReport, *, about: dict[str, str]) -> str:
    return json.dumps(as_data(report, about=about), indent=2) + "\n"
