# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grant_type import GrantType, check_grant_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="TokenRequest")


@_attrs_define
class TokenRequest:
    """Form body of POST /api/oauth2/token [PD _oauth.md].

    Attributes:
        grant_type (GrantType):
        client_id (str):
        client_secret (str):
        code (str | Unset): Single-use code from the redirect (authorization_code).
        refresh_token (str | Unset): The current refresh token (refresh_token).
        redirect_uri (str | Unset): Same redirect_uri as the authorize request (authorization_code).
    """

    grant_type: GrantType
    client_id: str
    client_secret: str
    code: str | Unset = UNSET
    refresh_token: str | Unset = UNSET
    redirect_uri: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grant_type: str = self.grant_type

        client_id = self.client_id

        client_secret = self.client_secret

        code = self.code

        refresh_token = self.refresh_token

        redirect_uri = self.redirect_uri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grant_type": grant_type,
                "client_id": client_id,
                "client_secret": client_secret,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if refresh_token is not UNSET:
            field_dict["refresh_token"] = refresh_token
        if redirect_uri is not UNSET:
            field_dict["redirect_uri"] = redirect_uri

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grant_type = check_grant_type(d.pop("grant_type"))

        client_id = d.pop("client_id")

        client_secret = d.pop("client_secret")

        code = d.pop("code", UNSET)

        refresh_token = d.pop("refresh_token", UNSET)

        redirect_uri = d.pop("redirect_uri", UNSET)

        token_request = cls(
            grant_type=grant_type,
            client_id=client_id,
            client_secret=client_secret,
            code=code,
            refresh_token=refresh_token,
            redirect_uri=redirect_uri,
        )

        token_request.additional_properties = d
        return token_request

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
