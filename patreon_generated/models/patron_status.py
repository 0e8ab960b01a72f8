# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

PatronStatus = Literal["active_patron", "declined_patron", "former_patron"]

PATRON_STATUS_VALUES: set[PatronStatus] = {
    "active_patron",
    "declined_patron",
    "former_patron",
}


def check_patron_status(value: str) -> PatronStatus:
    if value in PATRON_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PATRON_STATUS_VALUES!r}")
