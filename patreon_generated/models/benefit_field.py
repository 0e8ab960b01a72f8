# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

BenefitField = Literal[
    "app_external_id",
    "app_meta",
    "benefit_type",
    "created_at",
    "deliverables_due_today_count",
    "delivered_deliverables_count",
    "description",
    "is_deleted",
    "is_ended",
    "is_published",
    "next_deliverable_due_date",
    "not_delivered_deliverables_count",
    "rule_type",
    "tiers_count",
    "title",
]

BENEFIT_FIELD_VALUES: set[BenefitField] = {
    "app_external_id",
    "app_meta",
    "benefit_type",
    "created_at",
    "deliverables_due_today_count",
    "delivered_deliverables_count",
    "description",
    "is_deleted",
    "is_ended",
    "is_published",
    "next_deliverable_due_date",
    "not_delivered_deliverables_count",
    "rule_type",
    "tiers_count",
    "title",
}


def check_benefit_field(value: str) -> BenefitField:
    if value in BENEFIT_FIELD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BENEFIT_FIELD_VALUES!r}")
