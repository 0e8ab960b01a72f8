# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

AddressField = Literal[
    "addressee", "city", "country", "created_at", "line_1", "line_2", "phone_number", "postal_code", "state"
]

ADDRESS_FIELD_VALUES: set[AddressField] = {
    "addressee",
    "city",
    "country",
    "created_at",
    "line_1",
    "line_2",
    "phone_number",
    "postal_code",
    "state",
}


def check_address_field(value: str) -> AddressField:
    if value in ADDRESS_FIELD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ADDRESS_FIELD_VALUES!r}")
