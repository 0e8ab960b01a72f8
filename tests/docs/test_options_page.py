"""The defaults are documented, and documented right: every client option in docs/options.md with
the default the code uses, the retry, backoff, timeout and page-size facts as the code has them,
and the built site's API reference showing each option (type, default) with source tags as links.

Every expected value is read from the code here (ClientOptions, retry_policy, the generated
schema), never copied, so a changed default fails this test until the page says the new one.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest

from patreon_generated.schema import ENDPOINTS
from patreon_runtime import retry_policy
from patreon_runtime.options import AsyncPatreonOptions, PatreonOptions
from patreon_runtime.sender import DEFAULT_TIMEOUT, ClientOptions

from .blocks import REPO_ROOT

PAGE = REPO_ROOT / "docs" / "options.md"


def _defaults() -> dict[str, Any]:
    """What a client uses for each option it is not given: ClientOptions' defaults, and the
    default timeout that `timeout=None` stands for."""
    fields = {field.name: field for field in attrs.fields(ClientOptions)}
    found: dict[str, Any] = {}
    for name in PatreonOptions.__annotations__:
        default = fields[name].default
        factory = getattr(default, "factory", None)  # attrs.Factory(dict) for `headers`
        if callable(factory):
            default = factory()
        found[name] = DEFAULT_TIMEOUT if name == "timeout" and default is None else default
    return found


def _row(name: str) -> str:
    text = PAGE.read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith(f"| `{name}` |")]
    assert len(rows) == 1, f"docs/options.md has {len(rows)} table rows for {name!r}"
    return rows[0]


def _section(heading: str) -> str:
    text = PAGE.read_text(encoding="utf-8")
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    return " ".join(text[start : end if end != -1 else len(text)].split())


def test_sync_and_async_options_have_the_same_names() -> None:
    assert list(PatreonOptions.__annotations__) == list(AsyncPatreonOptions.__annotations__)


@pytest.mark.parametrize("name", list(PatreonOptions.__annotations__))
def test_every_option_has_a_row_with_its_real_default(name: str) -> None:
    default = _defaults()[name]
    cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", _row(name).strip("|")) if cell.strip()]
    assert f"`{default!r}`" in cells[2], (
        f"{name}: the code's default is {default!r}, the page says {cells[2]}"
    )
    assert len(cells) >= 4 and cells[3], f"{name}: no description"


def test_timeouts_section_says_the_default_in_seconds() -> None:
    text = _section("## Timeouts")
    assert f"{DEFAULT_TIMEOUT.read:g} s" in text and f"{DEFAULT_TIMEOUT.connect:g} s" in text


def test_retry_section_has_the_policy_the_code_has() -> None:
    text = _section("## Retries and backoff")
    for method in sorted(retry_policy.IDEMPOTENT_METHODS):
        assert f"`{method}`" in text, method
    for status in sorted(retry_policy.RETRYABLE_STATUSES):
        assert f"`{status}`" in text, status
    assert f"`{retry_policy.MAX_BACKOFF!r}` s" in text
    assert f"at most `{retry_policy.MAX_RATE_LIMIT_WAITS}`" in text
    first, second = retry_policy.INITIAL_BACKOFF, retry_policy.INITIAL_BACKOFF * 2
    assert f"up to {first:g} s, then up to {second:g} s" in text
    assert f"max_retries={retry_policy.DEFAULT_MAX_RETRIES})" in text


def test_page_size_section_has_the_spec_limits() -> None:
    text = _section("## Page sizes")
    collections = [info for info in ENDPOINTS.values() if info["collection"]]
    assert collections
    for info in collections:
        assert f"`{info['page_max']}`" in text
        assert f"`{info['page_default']}`" in text
        for include, limit in info["page_max_with"].items():
            assert f"`{limit}` when `{include}`" in text


def _hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("options_hook", REPO_ROOT / "docs" / "options_hook.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_reference_table_is_built_from_the_code() -> None:
    table = _hook().options_table("../options.md")
    for name, default in _defaults().items():
        (row,) = [line for line in table.splitlines() if line.startswith(f"| [`{name}`]")]
        assert row.endswith(f"| `{default!r}` |"), row
    assert "(async: `httpx.AsyncBaseTransport | None`)" in table


def test_source_tags_become_links_outside_code_blocks() -> None:
    hook = _hook()
    html = (
        "<p>single use [PD <code>_oauth.md</code>] and [PAT] issue #180</p>"
        "<pre><code>x = [PD]  # kept as written</code></pre><p>[PDX] and [link](y) stay</p>"
    )
    linked = hook.link_source_tags(html, "../")
    assert (
        '<a class="source-tag" href="https://github.com/Patreon/platform-documentation/blob/46077b3/'
        'source/includes/_oauth.md" title="source: PD">[PD <code>_oauth.md</code>]</a>'
    ) in linked
    assert (
        '<a class="source-tag" href="../design/reference/patreon-api-v2.html" title="source: PAT">[PAT]</a>'
        in linked
    )
    assert "<pre><code>x = [PD]  # kept as written</code></pre>" in linked
    assert "[PDX] and [link](y) stay" in linked


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`make docs`, into a temporary directory."""
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=REPO_ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return out


def test_the_built_reference_shows_every_option_with_its_default(site: Path) -> None:
    page = (site / "reference" / "clients" / "index.html").read_text(encoding="utf-8")
    assert "patreonkit:options-table" not in page
    for name, default in _defaults().items():
        escaped = repr(default).replace("'", "&#39;")
        pattern = rf"<code>{name}</code></a></td>\s*<td>.*?</td>\s*<td><code>({re.escape(escaped)}|{re.escape(repr(default))})</code>"
        assert re.search(pattern, page, re.S), name
    assert (site / "options" / "index.html").exists()


def test_the_built_site_shows_no_bare_source_tag(site: Path) -> None:
    bare = []
    for page in site.rglob("*.html"):
        text = re.sub(r"<pre\b.*?</pre>", "", page.read_text(encoding="utf-8"), flags=re.S)
        text = re.sub(r'<a class="source-tag"[^>]*>.*?</a>', "", text, flags=re.S)
        bare += [
            f"{page.relative_to(site)}: {m.group(0)}"
            for m in re.finditer(r"\[(?:PD|PAT|WP|GO|KG|NET)\b[^\]]{0,80}\]", text)
        ]
    assert bare == [], bare[:10]
    linked = (site / "reference" / "sandbox" / "index.html").read_text(encoding="utf-8")
    assert 'class="source-tag"' in linked  # docstrings in the API reference too


def test_the_quickstart_summary_agrees_with_the_code() -> None:
    text = " ".join((REPO_ROOT / "docs" / "quickstart.md").read_text(encoding="utf-8").split())
    times = {1: "once", 2: "twice", 3: "three times"}[retry_policy.DEFAULT_MAX_RETRIES]
    expected = f"({times}, with backoff; a request times out after {DEFAULT_TIMEOUT.read:g} s, {DEFAULT_TIMEOUT.connect:g} s to connect)"
    assert expected in text
