# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_source import ErrorSource


T = TypeVar("T", bound="ErrorObject")


@_attrs_define
class ErrorObject:
    """A JSON:API error [PD _rate_limits.md sample, GO, patreon-js#28, PAT error.ts].

    Attributes:
        code (int | None | Unset): Patreon error code, e.g. 1 (Unauthorized); null when throttled.
        code_name (str | Unset): e.g. Unauthorized, RequestThrottled.
        detail (str | Unset): Human-readable detail.
        id (str | Unset): Error id (UUID).
        status (str | Unset): HTTP status as a string, e.g. "401".
        title (str | Unset): Short title.
        source (ErrorSource | Unset): Where the error came from [PAT error.ts].
        code_challenge (None | str | Unset): Always null per [PAT]; string allowed to stay lenient.
        retry_after_seconds (int | Unset): Seconds to wait; only on 429 [PD _rate_limits.md].
    """

    code: int | None | Unset = UNSET
    code_name: str | Unset = UNSET
    detail: str | Unset = UNSET
    id: str | Unset = UNSET
    status: str | Unset = UNSET
    title: str | Unset = UNSET
    source: ErrorSource | Unset = UNSET
    code_challenge: None | str | Unset = UNSET
    retry_after_seconds: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code: int | None | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        code_name = self.code_name

        detail = self.detail

        id = self.id

        status = self.status

        title = self.title

        source: dict[str, Any] | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.to_dict()

        code_challenge: None | str | Unset
        if isinstance(self.code_challenge, Unset):
            code_challenge = UNSET
        else:
            code_challenge = self.code_challenge

        retry_after_seconds = self.retry_after_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if code_name is not UNSET:
            field_dict["code_name"] = code_name
        if detail is not UNSET:
            field_dict["detail"] = detail
        if id is not UNSET:
            field_dict["id"] = id
        if status is not UNSET:
            field_dict["status"] = status
        if title is not UNSET:
            field_dict["title"] = title
        if source is not UNSET:
            field_dict["source"] = source
        if code_challenge is not UNSET:
            field_dict["code_challenge"] = code_challenge
        if retry_after_seconds is not UNSET:
            field_dict["retry_after_seconds"] = retry_after_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_source import ErrorSource  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        code_name = d.pop("code_name", UNSET)

        detail = d.pop("detail", UNSET)

        id = d.pop("id", UNSET)

        status = d.pop("status", UNSET)

        title = d.pop("title", UNSET)

        _source = d.pop("source", UNSET)
        source: ErrorSource | Unset
        if isinstance(_source, Unset):
            source = UNSET
        else:
            source = ErrorSource.from_dict(_source)

        def _parse_code_challenge(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code_challenge = _parse_code_challenge(d.pop("code_challenge", UNSET))

        retry_after_seconds = d.pop("retry_after_seconds", UNSET)

        error_object = cls(
            code=code,
            code_name=code_name,
            detail=detail,
            id=id,
            status=status,
            title=title,
            source=source,
            code_challenge=code_challenge,
            retry_after_seconds=retry_after_seconds,
        )

        error_object.additional_properties = d
        return error_object

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
