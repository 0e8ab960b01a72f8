# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.webhook_update_attributes import WebhookUpdateAttributes


T = TypeVar("T", bound="WebhookUpdateData")


@_attrs_define
class WebhookUpdateData:
    """
    Attributes:
        type_ (Literal['webhook']):
        id (str):
        attributes (WebhookUpdateAttributes):
    """

    type_: Literal["webhook"]
    id: str
    attributes: WebhookUpdateAttributes
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = self.id

        attributes = self.attributes.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "attributes": attributes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_update_attributes import WebhookUpdateAttributes  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["webhook"], d.pop("type"))
        if type_ != "webhook":
            raise ValueError(f"type must match const 'webhook', got '{type_}'")

        id = d.pop("id")

        attributes = WebhookUpdateAttributes.from_dict(d.pop("attributes"))

        webhook_update_data = cls(
            type_=type_,
            id=id,
            attributes=attributes,
        )

        webhook_update_data.additional_properties = d
        return webhook_update_data

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
