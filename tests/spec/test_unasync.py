"""The sync twins are generated from the async ones (generator/unasync.py) and cannot drift."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from generator import __main__ as generator_main
from generator import unasync
from generator.spec_model import pascal
from patreon_generated.schema import ENDPOINTS


def test_the_sync_twins_match_their_async_sources() -> None:
    assert unasync.drift() == []


def test_unasync_rewrites_keywords_names_and_markers() -> None:
    line = unasync.unasync_line
    assert line("    async def get(self) -> Token | None:\n") == "    def get(self) -> Token | None:\n"
    assert line("        token = await self.store.get()\n") == "        token = self.store.get()\n"
    assert line("        async with store.refresh_lock():\n") == "        with store.refresh_lock():\n"
    assert line("x: AsyncGenerator[httpx.Request, httpx.Response]\n") == (
        "x: Generator[httpx.Request, httpx.Response, None]\n"
    )
    assert line("from patreon_auth._async.seeded import AsyncSeededStore\n") == (
        "from patreon_auth._sync.seeded import SeededStore\n"
    )
    # Whole words only: a name that merely contains `Async` is left alone.
    assert line("MyAsyncTokenStore, asyncio.Lock\n") == "MyAsyncTokenStore, asyncio.Lock\n"
    assert line("import inspect  # async only\n") is None
    assert line("    r = f(x)  # unasync: f(x)\n") == "    f(x)\n"


def test_the_generic_rule_drops_the_async_prefix_of_any_capitalised_name() -> None:
    # No entry names these: the one generic rule (httpcore's `Async([A-Z]...)`) covers them all.
    assert "AsyncWidgetFactory" not in unasync.EXCEPTIONS
    assert (
        unasync.unasync_line("x: AsyncWidgetFactory = AsyncHTTPStore()\n")
        == "x: WidgetFactory = HTTPStore()\n"
    )
    # Only a capital after the prefix: prose and lower-case names stay.
    assert unasync.unasync_line("Async code; Asyncness\n") == "Async code; Asyncness\n"


def test_a_named_exception_wins_over_the_generic_rule_and_is_recorded() -> None:
    used: set[str] = set()
    line = "from patreon_auth.stores._async.callback import AsyncLock, AsyncCallbackStore\n"
    assert unasync.unasync_line(line, used) == (
        "from patreon_auth.stores._sync.callback import SyncLock, CallbackStore\n"
    )
    assert used == {"_async", "AsyncLock"}  # the generic rule is not an exception
    # An exception is a whole word: a longer name that starts with it takes the generic rule.
    assert unasync.unasync_line("AsyncLockFactory\n") == "LockFactory\n"
    assert unasync.unasync_line("await x.aclose()\n") == "x.close()\n"


def test_every_named_exception_is_used_by_the_real_sources() -> None:
    unasync.expected()  # raises UnusedRuleError otherwise


def test_an_exception_that_matches_nothing_fails_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "twinned"
    (package / "_async").mkdir(parents=True)
    (package / "_async" / "seeded.py").write_text("async def f() -> None:\n    await g.aclose()\n")
    monkeypatch.setattr(unasync, "ROOT", tmp_path)
    monkeypatch.setattr(unasync, "TWINS", ["twinned"])
    monkeypatch.setattr(
        unasync, "EXCEPTIONS", {"aclose": "close", "take_flock_polling": "take_flock_blocking"}
    )
    with pytest.raises(
        unasync.UnusedRuleError, match="'take_flock_polling' -> 'take_flock_blocking'"
    ) as raised:
        unasync.build()
    assert "aclose" not in str(raised.value)
    assert not (package / "_sync").exists()  # nothing is written when a rule is dead
    # `python -m generator check` (make check-generated) exits non-zero with the rule's name.
    assert generator_main.main(["generator", "check"]) == 1
    assert "'take_flock_polling' -> 'take_flock_blocking'" in capsys.readouterr().err


def test_a_changed_or_extra_sync_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "twinned"
    (package / "_async").mkdir(parents=True)
    (package / "_async" / "seeded.py").write_text("async def f() -> None:\n    await g()\n")
    monkeypatch.setattr(unasync, "ROOT", tmp_path)
    monkeypatch.setattr(unasync, "TWINS", ["twinned"])
    monkeypatch.setattr(unasync, "EXCEPTIONS", {})  # the real ones have nothing to match here
    unasync.build()
    assert unasync.drift() == []
    assert "def f() -> None:\n    g()" in (package / "_sync" / "seeded.py").read_text()
    (package / "_sync" / "seeded.py").write_text("# edited by hand\n")
    (package / "_sync" / "extra.py").write_text("")
    assert sorted(Path(path).name for path in unasync.drift()) == ["extra.py", "seeded.py"]


GENERATED = Path(__file__).resolve().parents[2] / "patreon_generated"


def _classes(path: Path) -> dict[str, ast.ClassDef]:
    return {node.name: node for node in ast.parse(path.read_text()).body if isinstance(node, ast.ClassDef)}


@pytest.mark.parametrize(
    "module",
    [
        "client.py",
        *(p.relative_to(GENERATED).as_posix() for p in sorted(GENERATED.glob("api/*/__init__.py"))),
    ],
)
def test_each_generated_sync_class_is_what_unasync_makes_of_its_async_twin(module: str) -> None:
    """The templates write the async declarations once; the sync ones are generator/unasync.py's."""
    classes = _classes(GENERATED / module)
    twins = [name for name in classes if name.startswith("Async") and name[len("Async") :] in classes]
    assert twins
    namespaces = {pascal(info["namespace"]) + "Resource" for info in ENDPOINTS.values()}
    renames = {"Async" + name: name for name in namespaces}
    for name in twins:
        made = ast.parse(unasync.unasync_code(ast.unparse(classes[name]), renames)).body[0]
        assert ast.dump(made) == ast.dump(classes[name[len("Async") :]]), name


def test_unasync_code_renames_the_given_words_first() -> None:
    code = "class AsyncMembersResource(AsyncNamespace):\n    async def get(self) -> None:\n        await self._send(x)\n"
    assert unasync.unasync_code(code, {"AsyncMembersResource": "MembersResource"}) == (
        "class MembersResource(Namespace):\n    def get(self) -> None:\n        self._send(x)\n"
    )
