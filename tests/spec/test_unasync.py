"""The sync twins are generated from the async ones (generator/unasync.py) and cannot drift."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

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
    # Whole words only: a name that merely contains a renamed one is left alone.
    assert line("AsyncTokenStoreFactory\n") == "AsyncTokenStoreFactory\n"
    assert line("import inspect  # async only\n") is None
    assert line("    r = f(x)  # unasync: f(x)\n") == "    f(x)\n"


def test_a_changed_or_extra_sync_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "twinned"
    (package / "_async").mkdir(parents=True)
    (package / "_async" / "seeded.py").write_text("async def f() -> None:\n    await g()\n")
    monkeypatch.setattr(unasync, "ROOT", tmp_path)
    monkeypatch.setattr(unasync, "TWINS", ["twinned"])
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
