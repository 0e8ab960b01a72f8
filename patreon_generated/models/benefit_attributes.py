# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.benefit_attributes_app_meta_type_0 import BenefitAttributesAppMetaType0


T = TypeVar("T", bound="BenefitAttributes")


@_attrs_define
class BenefitAttributes:
    """Attributes of benefit. Only those asked for with fields[benefit] are returned [PD _oauth_v2.md].

    Attributes:
        app_external_id (None | str | Unset): Id of the benefit in a third-party app.
        app_meta (BenefitAttributesAppMetaType0 | None | Unset): App metadata.
        benefit_type (None | str | Unset): Kind of benefit, e.g. custom.
        created_at (datetime.datetime | Unset): When the benefit was created.
        deliverables_due_today_count (int | Unset): Deliverables due today.
        delivered_deliverables_count (int | Unset): Deliverables already delivered.
        description (None | str | Unset): Benefit description.
        is_deleted (bool | Unset): The benefit was deleted.
        is_ended (bool | Unset): No longer offered to new patrons.
        is_published (bool | Unset): Ready to be fulfilled.
        next_deliverable_due_date (datetime.datetime | None | Unset): When the next deliverable is due.
        not_delivered_deliverables_count (int | Unset): Deliverables not delivered yet.
        rule_type (None | str | Unset): Delivery rule, e.g. eom_monthly or one_time_immediate.
        tiers_count (int | Unset): Number of tiers holding this benefit.
        title (str | Unset): Benefit title.
    """

    app_external_id: None | str | Unset = UNSET
    app_meta: BenefitAttributesAppMetaType0 | None | Unset = UNSET
    benefit_type: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    deliverables_due_today_count: int | Unset = UNSET
    delivered_deliverables_count: int | Unset = UNSET
    description: None | str | Unset = UNSET
    is_deleted: bool | Unset = UNSET
    is_ended: bool | Unset = UNSET
    is_published: bool | Unset = UNSET
    next_deliverable_due_date: datetime.datetime | None | Unset = UNSET
    not_delivered_deliverables_count: int | Unset = UNSET
    rule_type: None | str | Unset = UNSET
    tiers_count: int | Unset = UNSET
    title: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.benefit_attributes_app_meta_type_0 import BenefitAttributesAppMetaType0  # noqa: PLC0415

        app_external_id: None | str | Unset
        if isinstance(self.app_external_id, Unset):
            app_external_id = UNSET
        else:
            app_external_id = self.app_external_id

        app_meta: dict[str, Any] | None | Unset
        if isinstance(self.app_meta, Unset):
            app_meta = UNSET
        elif isinstance(self.app_meta, BenefitAttributesAppMetaType0):
            app_meta = self.app_meta.to_dict()
        else:
            app_meta = self.app_meta

        benefit_type: None | str | Unset
        if isinstance(self.benefit_type, Unset):
            benefit_type = UNSET
        else:
            benefit_type = self.benefit_type

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        deliverables_due_today_count = self.deliverables_due_today_count

        delivered_deliverables_count = self.delivered_deliverables_count

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        is_deleted = self.is_deleted

        is_ended = self.is_ended

        is_published = self.is_published

        next_deliverable_due_date: None | str | Unset
        if isinstance(self.next_deliverable_due_date, Unset):
            next_deliverable_due_date = UNSET
        elif isinstance(self.next_deliverable_due_date, datetime.datetime):
            next_deliverable_due_date = self.next_deliverable_due_date.isoformat()
        else:
            next_deliverable_due_date = self.next_deliverable_due_date

        not_delivered_deliverables_count = self.not_delivered_deliverables_count

        rule_type: None | str | Unset
        if isinstance(self.rule_type, Unset):
            rule_type = UNSET
        else:
            rule_type = self.rule_type

        tiers_count = self.tiers_count

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if app_external_id is not UNSET:
            field_dict["app_external_id"] = app_external_id
        if app_meta is not UNSET:
            field_dict["app_meta"] = app_meta
        if benefit_type is not UNSET:
            field_dict["benefit_type"] = benefit_type
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if deliverables_due_today_count is not UNSET:
            field_dict["deliverables_due_today_count"] = deliverables_due_today_count
        if delivered_deliverables_count is not UNSET:
            field_dict["delivered_deliverables_count"] = delivered_deliverables_count
        if description is not UNSET:
            field_dict["description"] = description
        if is_deleted is not UNSET:
            field_dict["is_deleted"] = is_deleted
        if is_ended is not UNSET:
            field_dict["is_ended"] = is_ended
        if is_published is not UNSET:
            field_dict["is_published"] = is_published
        if next_deliverable_due_date is not UNSET:
            field_dict["next_deliverable_due_date"] = next_deliverable_due_date
        if not_delivered_deliverables_count is not UNSET:
            field_dict["not_delivered_deliverables_count"] = not_delivered_deliverables_count
        if rule_type is not UNSET:
            field_dict["rule_type"] = rule_type
        if tiers_count is not UNSET:
            field_dict["tiers_count"] = tiers_count
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.benefit_attributes_app_meta_type_0 import BenefitAttributesAppMetaType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_app_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        app_external_id = _parse_app_external_id(d.pop("app_external_id", UNSET))

        def _parse_app_meta(data: object) -> BenefitAttributesAppMetaType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                app_meta_type_0 = BenefitAttributesAppMetaType0.from_dict(data)

                return app_meta_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BenefitAttributesAppMetaType0 | None | Unset, data)

        app_meta = _parse_app_meta(d.pop("app_meta", UNSET))

        def _parse_benefit_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        benefit_type = _parse_benefit_type(d.pop("benefit_type", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        deliverables_due_today_count = d.pop("deliverables_due_today_count", UNSET)

        delivered_deliverables_count = d.pop("delivered_deliverables_count", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        is_deleted = d.pop("is_deleted", UNSET)

        is_ended = d.pop("is_ended", UNSET)

        is_published = d.pop("is_published", UNSET)

        def _parse_next_deliverable_due_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_deliverable_due_date_type_0 = datetime.datetime.fromisoformat(data)

                return next_deliverable_due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_deliverable_due_date = _parse_next_deliverable_due_date(d.pop("next_deliverable_due_date", UNSET))

        not_delivered_deliverables_count = d.pop("not_delivered_deliverables_count", UNSET)

        def _parse_rule_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rule_type = _parse_rule_type(d.pop("rule_type", UNSET))

        tiers_count = d.pop("tiers_count", UNSET)

        title = d.pop("title", UNSET)

        benefit_attributes = cls(
            app_external_id=app_external_id,
            app_meta=app_meta,
            benefit_type=benefit_type,
            created_at=created_at,
            deliverables_due_today_count=deliverables_due_today_count,
            delivered_deliverables_count=delivered_deliverables_count,
            description=description,
            is_deleted=is_deleted,
            is_ended=is_ended,
            is_published=is_published,
            next_deliverable_due_date=next_deliverable_due_date,
            not_delivered_deliverables_count=not_delivered_deliverables_count,
            rule_type=rule_type,
            tiers_count=tiers_count,
            title=title,
        )

        benefit_attributes.additional_properties = d
        return benefit_attributes

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
