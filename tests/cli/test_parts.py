"""The small pieces on their own: masking, the config precedence, column selection, cell text."""

from __future__ import annotations

from pathlib import Path

import pytest

from patreon_cli.config import ConfigDir, Credentials, resolve_config_dir
from patreon_cli.export.records import _cell
from patreon_cli.export.selection import DEFAULT_INCLUDES, parse_selection
from patreon_cli.failures import USAGE, CLIError
from patreon_cli.masking import mask


@pytest.mark.parametrize(
    ("secret", "shown"),
    [
        (None, "-"),
        ("", "-"),
        ("short", "****"),
        ("x" * 15, "****"),
        ("abcdefghijklmnopqrst", "abcd…(20 chars)"),
    ],
)
def test_mask(secret: str | None, shown: str) -> None:
    assert mask(secret) == shown


def test_config_precedence_flag_env_file(tmp_path: Path) -> None:
    config = ConfigDir(tmp_path)
    config.write({"client_id": "file-id", "client_secret": "file-secret", "base_url": "http://file"})
    assert config.credentials({}) == Credentials("file-id", "file-secret", "http://file")
    env = {"PATREON_CLIENT_ID": "env-id", "PATREON_BASE_URL": "http://env/"}
    assert config.credentials(env) == Credentials("env-id", "file-secret", "http://env")
    assert config.credentials(env, client_id="flag-id", base_url="http://flag").client_id == "flag-id"
    assert "file-secret" not in repr(config.credentials({}))


def test_config_dir_resolution(tmp_path: Path) -> None:
    assert resolve_config_dir(str(tmp_path / "flag"), {"PATREON_CONFIG_DIR": "/env"}) == tmp_path / "flag"
    assert resolve_config_dir(None, {"PATREON_CONFIG_DIR": str(tmp_path)}) == tmp_path
    assert resolve_config_dir(None, {}).name == "patreonkit"  # platformdirs' per-user config dir


def test_default_selection() -> None:
    selection = parse_selection(None, None)
    assert selection.includes == list(DEFAULT_INCLUDES)
    assert "full_name" in selection.member_fields and "email" in selection.member_fields
    assert selection.api_fields()["tier"] == ["title", "amount_cents"]
    assert selection.page_size() == 1000


def test_pledge_history_halves_the_page() -> None:
    # Patreon caps page[count] at 500 when pledge_history is included [PD members].
    assert parse_selection(["full_name"], ["pledge_history"]).page_size() == 500


def test_fields_of_several_types_merge() -> None:
    selection = parse_selection(["full_name,email", "user=vanity", "user=url,vanity"], ["user"])
    assert selection.member_fields == ("full_name", "email")
    assert selection.api_fields() == {"member": ["full_name", "email"], "user": ["vanity", "url"]}


def test_unknown_names_are_usage_errors() -> None:
    with pytest.raises(CLIError) as caught:
        parse_selection(["tier=titel"], None)
    assert caught.value.exit_code == USAGE and "tier has no attribute 'titel'" in caught.value.message


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (True, "true"),
        (False, "false"),
        (0, "0"),
        (2.5, "2.5"),
        ("a,b", "a,b"),
        ({"k": [1]}, '{"k":[1]}'),
    ],
)
def test_cells(value: object, text: str) -> None:
    assert _cell(value) == text
