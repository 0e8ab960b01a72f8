# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

LiveAccessRuleField = Literal["access_rule_type"]

LIVE_ACCESS_RULE_FIELD_VALUES: set[LiveAccessRuleField] = {
    "access_rule_type",
}


def check_live_access_rule_field(value: str) -> LiveAccessRuleField:
    if value in LIVE_ACCESS_RULE_FIELD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIVE_ACCESS_RULE_FIELD_VALUES!r}")
