"""`members export` streams: peak memory at 100,000 members is that at 10,000 (issue 6, "Done when").

Each export runs in its own process (bench/export_memory.py), against a sandbox served by
another, so the peak RSS is the command's alone. Measured: ~57 MiB at both sizes.
"""

from __future__ import annotations

from bench.export_memory import Measurement, measure, served_sandbox

# Ten times the members may cost page-to-page noise, never another page's worth or more.
ALLOWED_GROWTH_MIB = 8.0


def _export(members: int) -> Measurement:
    with served_sandbox(members) as server:
        return measure(server, members, "csv")


def test_peak_rss_is_flat_from_10k_to_100k_members() -> None:
    small = _export(10_000)
    large = _export(100_000)
    assert (small.rows, large.rows) == (10_000, 100_000)
    growth = large.rss_peak_mib - small.rss_peak_mib
    assert growth < ALLOWED_GROWTH_MIB, f"{small.line()}\n{large.line()}"
