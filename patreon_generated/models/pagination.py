# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pagination_cursors import PaginationCursors


T = TypeVar("T", bound="Pagination")


@_attrs_define
class Pagination:
    """
    Attributes:
        total (int | Unset): Total number of items [PD sample].
        cursors (PaginationCursors | Unset):
    """

    total: int | Unset = UNSET
    cursors: PaginationCursors | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        cursors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cursors, Unset):
            cursors = self.cursors.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if total is not UNSET:
            field_dict["total"] = total
        if cursors is not UNSET:
            field_dict["cursors"] = cursors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pagination_cursors import PaginationCursors  # noqa: PLC0415

        d = dict(src_dict)
        total = d.pop("total", UNSET)

        _cursors = d.pop("cursors", UNSET)
        cursors: PaginationCursors | Unset
        if isinstance(_cursors, Unset):
            cursors = UNSET
        else:
            cursors = PaginationCursors.from_dict(_cursors)

        pagination = cls(
            total=total,
            cursors=cursors,
        )

        pagination.additional_properties = d
        return pagination

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
