# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from typing import Literal

GetPostInclude = Literal["campaign", "user"]

GET_POST_INCLUDE_VALUES: set[GetPostInclude] = {
    "campaign",
    "user",
}


def check_get_post_include(value: str) -> GetPostInclude:
    if value in GET_POST_INCLUDE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_POST_INCLUDE_VALUES!r}")
