# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

LiveAccessRuleType = Literal["patron", "public", "tier"]

LIVE_ACCESS_RULE_TYPE_VALUES: set[LiveAccessRuleType] = {
    "patron",
    "public",
    "tier",
}


def check_live_access_rule_type(value: str) -> LiveAccessRuleType:
    if value in LIVE_ACCESS_RULE_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIVE_ACCESS_RULE_TYPE_VALUES!r}")
