"""The types reject what Patreon would reject: mypy --strict over usage snippets, good and bad."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

GOOD = """
import datetime as dt
from patreon_generated import Patreon
from patreon_generated.raw import MemberJSON
from patreon_generated.resources import Tier, User

client = Patreon(token="t")
doc = client.members.list("1", include=["user", "currently_entitled_tiers"],
                          fields={"member": ["full_name", "patron_status"], "user": ["email"]}, count=1000)
member = doc.data[0]
name: str | None = member.attributes.full_name
when: dt.datetime | None = member.attributes.last_charge_date
cents: int | None = member.attributes.currently_entitled_amount_cents
user: User | None = doc.related(member, "user")
tiers: list[Tier] = doc.related(member, "currently_entitled_tiers")
cursor: str | None = doc.next_cursor
for m in client.members.iterate("1", fields={"pledge-event": ["amount_cents"]}):
    reveal_type(m)
    owner: User | None = m.related("user")
    entitled: list[Tier] = m.related("currently_entitled_tiers")
# Raw access is typed too (datamodel-code-generator TypedDicts in patreon_generated.raw).
raw_member: MemberJSON = member.raw
raw_name: str | None = member.attributes.to_dict().get("full_name")
raw_first_id: str = doc.raw["data"][0]["id"]
# Plain nested output is typed by patreon_generated.plain (attributes by the raw TypedDicts).
from patreon_generated.plain import PlainMember
plain_page: list[PlainMember] = doc.to_plain()
plain_user = member.to_plain().get("relationships", {}).get("user")
plain_name: str | None = plain_user.get("attributes", {}).get("full_name") if plain_user else None
everything = client.members.list("1", include="all", fields="all")
"""

BAD = {
    "misspelled_field": 'client.members.list("1", fields={"member": ["ful_name"]})',
    "unknown_include": 'client.members.list("1", include=["tiers"])',
    "field_of_other_type": 'client.members.list("1", fields={"member": ["title"]})',
    "unknown_fields_type": 'client.posts.list("1", fields={"member": ["full_name"]})',
    "wrong_attribute_type": 'x: int = client.members.get("1").data.attributes.full_name  # str | None',
    "to_one_is_not_a_list": 'y: list[object] = (d := client.members.get("1")).related(d.data, "user")',
    "unknown_relationship": '(d := client.members.get("1")).related(d.data, "friends")',
    "unknown_relationship_on_resource": 'client.members.get("1").data.related("friends")',
    "raw_misspelled_attribute": 'client.members.get("1").data.raw["attributes"]["ful_name"]',
    "raw_attributes_misspelled": 'client.members.get("1").data.attributes.to_dict()["ful_name"]',
    "plain_misspelled_attribute": 'client.members.get("1").to_plain().get("attributes", {})["ful_name"]',
    "plain_wrong_relationship_type": 'x: list[object] = client.members.get("1").to_plain()["relationships"]["user"]',
    "unknown_trigger": 'client.webhooks.create(campaign_id="1", triggers=["members:explode"], uri="https://x")',
}

HEADER = "from patreon_generated import Patreon\nclient = Patreon(token='t')\n"


def run_mypy(tmp_path: Path) -> dict[str, str]:
    files = {"good": GOOD} | {name: HEADER + body for name, body in BAD.items()}
    for name, text in files.items():
        (tmp_path / f"snippet_{name}.py").write_text(text)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-error-summary",
            "--cache-dir",
            str(tmp_path / ".cache"),
            *sorted(str(p) for p in tmp_path.glob("snippet_*.py")),
        ],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    by_file: dict[str, str] = dict.fromkeys(files, "")
    for line in result.stdout.splitlines():
        for name in files:
            if f"snippet_{name}.py:" in line:
                by_file[name] += line + "\n"
    return by_file


def test_snippets_type_check_as_expected(tmp_path: Path) -> None:
    report = run_mypy(tmp_path)
    good = report.pop("good")
    assert "error:" not in good, good
    assert 'Revealed type is "patreon_generated.resources.Member"' in good
    for name, output in report.items():
        assert "error:" in output, f"mypy accepted the bad snippet {name!r}"


def test_a_misspelled_include_is_named_in_the_mypy_message(tmp_path: Path) -> None:
    report = run_mypy(tmp_path)
    assert "\"Literal['tiers']\"" in report["unknown_include"], report["unknown_include"]
    # `fields` is `XFields | Literal["all"] | None`: over that union mypy reports the whole dict
    # (`dict[str, list[str]]`), not the attribute; the run-time check names it (test_names.py).
    assert "ListCampaignMembersFields" in report["misspelled_field"], report["misspelled_field"]
