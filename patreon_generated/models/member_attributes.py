# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.charge_status import ChargeStatus, check_charge_status
from ..models.patron_status import PatronStatus, check_patron_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemberAttributes")


@_attrs_define
class MemberAttributes:
    """Attributes of member. Only those asked for with fields[member] are returned [PD _oauth_v2.md].

    Attributes:
        campaign_lifetime_support_cents (int | Unset): Total ever paid to the campaign, in campaign currency.
        currently_entitled_amount_cents (int | None | Unset): Amount the member is entitled to now. Docs type it
            integer; the [PD] webhook sample shows null for a follower.
        email (None | str | Unset): Member email. Needs campaigns.members[email] and fields[member]=email [PD]. Nullable
            here: members without an email were reported (RaiderIO/keystone.guru#1538).
        full_name (str | Unset): Member's full name.
        is_follower (bool | Unset): Deprecated; always false [PD].
        is_free_trial (bool | Unset): The member is on a free trial.
        is_gifted (bool | Unset): The membership is a gift (PD PR #94).
        last_charge_date (datetime.datetime | None | Unset): Date of the last charge.
        last_charge_status (ChargeStatus | None | str | Unset): Outcome of the last charge.
        lifetime_support_cents (int | Unset): Deprecated; use campaign_lifetime_support_cents [PD 2024-12].
        next_charge_date (datetime.datetime | None | Unset): Date of the next charge; null for an annual pledge
            downgrade.
        note (str | Unset): The creator's private note on the member.
        patron_status (None | PatronStatus | str | Unset): Membership state; null means the member never pledged (free
            member or follower).
        pledge_cadence (int | None | Unset): Months between charges.
        pledge_relationship_start (datetime.datetime | None | Unset): Start of the current pledge chain.
        will_pay_amount_cents (int | Unset): Amount of the next charge.
    """

    campaign_lifetime_support_cents: int | Unset = UNSET
    currently_entitled_amount_cents: int | None | Unset = UNSET
    email: None | str | Unset = UNSET
    full_name: str | Unset = UNSET
    is_follower: bool | Unset = UNSET
    is_free_trial: bool | Unset = UNSET
    is_gifted: bool | Unset = UNSET
    last_charge_date: datetime.datetime | None | Unset = UNSET
    last_charge_status: ChargeStatus | None | str | Unset = UNSET
    lifetime_support_cents: int | Unset = UNSET
    next_charge_date: datetime.datetime | None | Unset = UNSET
    note: str | Unset = UNSET
    patron_status: None | PatronStatus | str | Unset = UNSET
    pledge_cadence: int | None | Unset = UNSET
    pledge_relationship_start: datetime.datetime | None | Unset = UNSET
    will_pay_amount_cents: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        campaign_lifetime_support_cents = self.campaign_lifetime_support_cents

        currently_entitled_amount_cents: int | None | Unset
        if isinstance(self.currently_entitled_amount_cents, Unset):
            currently_entitled_amount_cents = UNSET
        else:
            currently_entitled_amount_cents = self.currently_entitled_amount_cents

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        full_name = self.full_name

        is_follower = self.is_follower

        is_free_trial = self.is_free_trial

        is_gifted = self.is_gifted

        last_charge_date: None | str | Unset
        if isinstance(self.last_charge_date, Unset):
            last_charge_date = UNSET
        elif isinstance(self.last_charge_date, datetime.datetime):
            last_charge_date = self.last_charge_date.isoformat()
        else:
            last_charge_date = self.last_charge_date

        last_charge_status: None | str | Unset
        if isinstance(self.last_charge_status, Unset):
            last_charge_status = UNSET
        elif isinstance(self.last_charge_status, str):
            last_charge_status = self.last_charge_status
        else:
            last_charge_status = self.last_charge_status

        lifetime_support_cents = self.lifetime_support_cents

        next_charge_date: None | str | Unset
        if isinstance(self.next_charge_date, Unset):
            next_charge_date = UNSET
        elif isinstance(self.next_charge_date, datetime.datetime):
            next_charge_date = self.next_charge_date.isoformat()
        else:
            next_charge_date = self.next_charge_date

        note = self.note

        patron_status: None | str | Unset
        if isinstance(self.patron_status, Unset):
            patron_status = UNSET
        elif isinstance(self.patron_status, str):
            patron_status = self.patron_status
        else:
            patron_status = self.patron_status

        pledge_cadence: int | None | Unset
        if isinstance(self.pledge_cadence, Unset):
            pledge_cadence = UNSET
        else:
            pledge_cadence = self.pledge_cadence

        pledge_relationship_start: None | str | Unset
        if isinstance(self.pledge_relationship_start, Unset):
            pledge_relationship_start = UNSET
        elif isinstance(self.pledge_relationship_start, datetime.datetime):
            pledge_relationship_start = self.pledge_relationship_start.isoformat()
        else:
            pledge_relationship_start = self.pledge_relationship_start

        will_pay_amount_cents = self.will_pay_amount_cents

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if campaign_lifetime_support_cents is not UNSET:
            field_dict["campaign_lifetime_support_cents"] = campaign_lifetime_support_cents
        if currently_entitled_amount_cents is not UNSET:
            field_dict["currently_entitled_amount_cents"] = currently_entitled_amount_cents
        if email is not UNSET:
            field_dict["email"] = email
        if full_name is not UNSET:
            field_dict["full_name"] = full_name
        if is_follower is not UNSET:
            field_dict["is_follower"] = is_follower
        if is_free_trial is not UNSET:
            field_dict["is_free_trial"] = is_free_trial
        if is_gifted is not UNSET:
            field_dict["is_gifted"] = is_gifted
        if last_charge_date is not UNSET:
            field_dict["last_charge_date"] = last_charge_date
        if last_charge_status is not UNSET:
            field_dict["last_charge_status"] = last_charge_status
        if lifetime_support_cents is not UNSET:
            field_dict["lifetime_support_cents"] = lifetime_support_cents
        if next_charge_date is not UNSET:
            field_dict["next_charge_date"] = next_charge_date
        if note is not UNSET:
            field_dict["note"] = note
        if patron_status is not UNSET:
            field_dict["patron_status"] = patron_status
        if pledge_cadence is not UNSET:
            field_dict["pledge_cadence"] = pledge_cadence
        if pledge_relationship_start is not UNSET:
            field_dict["pledge_relationship_start"] = pledge_relationship_start
        if will_pay_amount_cents is not UNSET:
            field_dict["will_pay_amount_cents"] = will_pay_amount_cents

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        campaign_lifetime_support_cents = d.pop("campaign_lifetime_support_cents", UNSET)

        def _parse_currently_entitled_amount_cents(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        currently_entitled_amount_cents = _parse_currently_entitled_amount_cents(
            d.pop("currently_entitled_amount_cents", UNSET)
        )

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        full_name = d.pop("full_name", UNSET)

        is_follower = d.pop("is_follower", UNSET)

        is_free_trial = d.pop("is_free_trial", UNSET)

        is_gifted = d.pop("is_gifted", UNSET)

        def _parse_last_charge_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_charge_date_type_0 = datetime.datetime.fromisoformat(data)

                return last_charge_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_charge_date = _parse_last_charge_date(d.pop("last_charge_date", UNSET))

        def _parse_last_charge_status(data: object) -> ChargeStatus | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_charge_status_type_0 = check_charge_status(data)

                return last_charge_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChargeStatus | None | str | Unset, data)

        last_charge_status = _parse_last_charge_status(d.pop("last_charge_status", UNSET))

        lifetime_support_cents = d.pop("lifetime_support_cents", UNSET)

        def _parse_next_charge_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_charge_date_type_0 = datetime.datetime.fromisoformat(data)

                return next_charge_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_charge_date = _parse_next_charge_date(d.pop("next_charge_date", UNSET))

        note = d.pop("note", UNSET)

        def _parse_patron_status(data: object) -> None | PatronStatus | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                patron_status_type_0 = check_patron_status(data)

                return patron_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PatronStatus | str | Unset, data)

        patron_status = _parse_patron_status(d.pop("patron_status", UNSET))

        def _parse_pledge_cadence(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        pledge_cadence = _parse_pledge_cadence(d.pop("pledge_cadence", UNSET))

        def _parse_pledge_relationship_start(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pledge_relationship_start_type_0 = datetime.datetime.fromisoformat(data)

                return pledge_relationship_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        pledge_relationship_start = _parse_pledge_relationship_start(d.pop("pledge_relationship_start", UNSET))

        will_pay_amount_cents = d.pop("will_pay_amount_cents", UNSET)

        member_attributes = cls(
            campaign_lifetime_support_cents=campaign_lifetime_support_cents,
            currently_entitled_amount_cents=currently_entitled_amount_cents,
            email=email,
            full_name=full_name,
            is_follower=is_follower,
            is_free_trial=is_free_trial,
            is_gifted=is_gifted,
            last_charge_date=last_charge_date,
            last_charge_status=last_charge_status,
            lifetime_support_cents=lifetime_support_cents,
            next_charge_date=next_charge_date,
            note=note,
            patron_status=patron_status,
            pledge_cadence=pledge_cadence,
            pledge_relationship_start=pledge_relationship_start,
            will_pay_amount_cents=will_pay_amount_cents,
        )

        member_attributes.additional_properties = d
        return member_attributes

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
