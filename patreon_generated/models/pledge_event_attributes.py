# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.charge_status import ChargeStatus, check_charge_status
from ..models.pledge_event_type import PledgeEventType, check_pledge_event_type
from ..models.pledge_payment_status import PledgePaymentStatus, check_pledge_payment_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="PledgeEventAttributes")


@_attrs_define
class PledgeEventAttributes:
    """Attributes of pledge-event. Only those asked for with fields[pledge-event] are returned [PD _oauth_v2.md].

    Attributes:
        amount_cents (int | Unset): Amount in the patron's payment currency (see currency_code).
        currency_code (str | Unset): ISO currency code.
        date (datetime.datetime | Unset): When the event happened.
        payment_status (ChargeStatus | str | Unset): Charge outcome; same values as member.last_charge_status.
        pledge_payment_status (PledgePaymentStatus | str | Unset): Payment processing state.
        tier_id (None | str | Unset): Id of the tier at the time.
        tier_title (None | str | Unset): Title of the tier at the time.
        type_ (PledgeEventType | str | Unset): Event kind (an attribute, distinct from the JSON:API type).
    """

    amount_cents: int | Unset = UNSET
    currency_code: str | Unset = UNSET
    date: datetime.datetime | Unset = UNSET
    payment_status: ChargeStatus | str | Unset = UNSET
    pledge_payment_status: PledgePaymentStatus | str | Unset = UNSET
    tier_id: None | str | Unset = UNSET
    tier_title: None | str | Unset = UNSET
    type_: PledgeEventType | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_cents = self.amount_cents

        currency_code = self.currency_code

        date: str | Unset = UNSET
        if not isinstance(self.date, Unset):
            date = self.date.isoformat()

        payment_status: str | Unset
        if isinstance(self.payment_status, Unset):
            payment_status = UNSET
        elif isinstance(self.payment_status, str):
            payment_status = self.payment_status
        else:
            payment_status = self.payment_status

        pledge_payment_status: str | Unset
        if isinstance(self.pledge_payment_status, Unset):
            pledge_payment_status = UNSET
        elif isinstance(self.pledge_payment_status, str):
            pledge_payment_status = self.pledge_payment_status
        else:
            pledge_payment_status = self.pledge_payment_status

        tier_id: None | str | Unset
        if isinstance(self.tier_id, Unset):
            tier_id = UNSET
        else:
            tier_id = self.tier_id

        tier_title: None | str | Unset
        if isinstance(self.tier_title, Unset):
            tier_title = UNSET
        else:
            tier_title = self.tier_title

        type_: str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, str):
            type_ = self.type_
        else:
            type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if amount_cents is not UNSET:
            field_dict["amount_cents"] = amount_cents
        if currency_code is not UNSET:
            field_dict["currency_code"] = currency_code
        if date is not UNSET:
            field_dict["date"] = date
        if payment_status is not UNSET:
            field_dict["payment_status"] = payment_status
        if pledge_payment_status is not UNSET:
            field_dict["pledge_payment_status"] = pledge_payment_status
        if tier_id is not UNSET:
            field_dict["tier_id"] = tier_id
        if tier_title is not UNSET:
            field_dict["tier_title"] = tier_title
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_cents = d.pop("amount_cents", UNSET)

        currency_code = d.pop("currency_code", UNSET)

        _date = d.pop("date", UNSET)
        date: datetime.datetime | Unset
        if isinstance(_date, Unset):
            date = UNSET
        else:
            date = datetime.datetime.fromisoformat(_date)

        def _parse_payment_status(data: object) -> ChargeStatus | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                payment_status_type_0 = check_charge_status(data)

                return payment_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChargeStatus | str | Unset, data)

        payment_status = _parse_payment_status(d.pop("payment_status", UNSET))

        def _parse_pledge_payment_status(data: object) -> PledgePaymentStatus | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pledge_payment_status_type_0 = check_pledge_payment_status(data)

                return pledge_payment_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(PledgePaymentStatus | str | Unset, data)

        pledge_payment_status = _parse_pledge_payment_status(d.pop("pledge_payment_status", UNSET))

        def _parse_tier_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tier_id = _parse_tier_id(d.pop("tier_id", UNSET))

        def _parse_tier_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tier_title = _parse_tier_title(d.pop("tier_title", UNSET))

        def _parse_type_(data: object) -> PledgeEventType | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = check_pledge_event_type(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(PledgeEventType | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        pledge_event_attributes = cls(
            amount_cents=amount_cents,
            currency_code=currency_code,
            date=date,
            payment_status=payment_status,
            pledge_payment_status=pledge_payment_status,
            tier_id=tier_id,
            tier_title=tier_title,
            type_=type_,
        )

        pledge_event_attributes.additional_properties = d
        return pledge_event_attributes

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
