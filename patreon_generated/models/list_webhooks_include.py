# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

ListWebhooksInclude = Literal["campaign", "client"]

LIST_WEBHOOKS_INCLUDE_VALUES: set[ListWebhooksInclude] = {
    "campaign",
    "client",
}


def check_list_webhooks_include(value: str) -> ListWebhooksInclude:
    if value in LIST_WEBHOOKS_INCLUDE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_WEBHOOKS_INCLUDE_VALUES!r}")
