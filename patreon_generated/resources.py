# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""Typed resource classes, one per JSON:API type; attributes decode lazily on access.

Each property reads its own key and checks its type inline (no helper call per read), because a
page is read attribute by attribute (bench/decode.py); the error message is built only on error.
`raw` and `attributes.to_dict()` are typed by the TypedDicts in `raw.py`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, ClassVar, Final, Literal, cast, overload

from patreon_runtime.jsonapi import (
    NATIVE,
    AttributesView,
    GenericResource,
    Resource,
    bad_value,
    new,
    not_requested,
)

if TYPE_CHECKING:
    from .plain import (
        PlainAddress,
        PlainBenefit,
        PlainCampaign,
        PlainClient,
        PlainDeliverable,
        PlainGoal,
        PlainLive,
        PlainLiveAccessRule,
        PlainMedia,
        PlainMember,
        PlainOAuthClient,
        PlainPledgeEvent,
        PlainPost,
        PlainTier,
        PlainUser,
        PlainWebhook,
    )
    from .raw import (
        AddressAttributesJSON,
        AddressJSON,
        BenefitAttributesJSON,
        BenefitJSON,
        CampaignAttributesJSON,
        CampaignJSON,
        ChargeStatus,
        ClientAttributesJSON,
        ClientJSON,
        DeliverableAttributesJSON,
        DeliverableJSON,
        DeliveryStatus,
        GoalAttributesJSON,
        GoalJSON,
        LiveAccessRuleAttributesJSON,
        LiveAccessRuleJSON,
        LiveAccessRuleType,
        LiveAttributesJSON,
        LiveJSON,
        LiveState,
        MediaAttributesJSON,
        MediaJSON,
        MemberAttributesJSON,
        MemberJSON,
        OAuthClientJSON,
        PatronStatus,
        PledgeEventAttributesJSON,
        PledgeEventJSON,
        PledgeEventType,
        PledgePaymentStatus,
        PostAttributesJSON,
        PostJSON,
        TierAttributesJSON,
        TierJSON,
        UserAttributesJSON,
        UserJSON,
        WebhookAttributesJSON,
        WebhookJSON,
    )

_fromisoformat = dt.datetime.fromisoformat  # ISO-8601 with or without microseconds, 'Z' or an offset


class AddressAttributes(AttributesView):
    """Attributes of a `address`; unknown ones stay readable with `[name]`."""

    __slots__ = ()
    owner: ClassVar[str] = "address"

    @property
    def addressee(self) -> str | None:
        """Full recipient name. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["addressee"]
        except KeyError:
            raise not_requested(self, "addressee") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("address", "addressee", value, "a string")

    @property
    def city(self) -> str | None:
        """City. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["city"]
        except KeyError:
            raise not_requested(self, "city") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("address", "city", value, "a string")

    @property
    def country(self) -> str | None:
        """Country. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["country"]
        except KeyError:
            raise not_requested(self, "country") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("address", "country", value, "a string")

    @property
    def created_at(self) -> dt.datetime | None:
        """When the address was created. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["created_at"]
        except KeyError:
            raise not_requested(self, "created_at") from None
        if value.__class__ is str:
            try:
                return _fromisoformat(value)
            except ValueError:
                pass
        elif value is None:
            return None
        raise bad_value("address", "created_at", value, "an ISO-8601 date-time")

    @property
    def line_1(self) -> str | None:
        """First street line. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["line_1"]
        except KeyError:
            raise not_requested(self, "line_1") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("address", "line_1", value, "a string")

    @property
    def line_2(self) -> str | None:
        """Second street line. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["line_2"]
        except KeyError:
            raise not_requested(self, "line_2") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("address", "line_2", value, "a string")

    @property
    def phone_number(self) -> str | None:
        """Phone number (given for non-US addresses). None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["phone_number"]
        except KeyError:
            raise not_requested(self, "phone_number") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("address", "phone_number", value, "a string")

    @property
    def postal_code(self) -> str | None:
        """ZIP or postal code. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["postal_code"]
        except KeyError:
            raise not_requested(self, "postal_code") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("address", "postal_code", value, "a string")

    @property
    def state(self) -> str | None:
        """State or province. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["state"]
        except KeyError:
            raise not_requested(self, "state") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("address", "state", value, "a string")

    def to_dict(self) -> AddressAttributesJSON:
        """A copy of the attributes exactly as Patreon sent them, unknown ones included."""
        return cast("AddressAttributesJSON", dict(self._raw))


class Address(Resource):
    """A patron's shipping address. Needs the campaigns.members.address scope. [PD] [PAT]"""

    __slots__ = ()
    resource_type: ClassVar[str] = "address"
    attributes_class: ClassVar[type[AttributesView]] = AddressAttributes
    relationship_names: ClassVar[frozenset[str] | None] = frozenset(("campaigns", "user"))

    @property
    def attributes(self) -> AddressAttributes:
        view = self._view  # kept from the second read on (see Resource in patreon_runtime.jsonapi)
        if view is None or view is False:
            raw = self._raw.get("attributes")
            if NATIVE:  # compiled: the native constructor (see `new` in patreon_runtime.jsonapi)
                made = AddressAttributes(raw if type(raw) is dict else {})
            else:
                made = new(AddressAttributes)  # no __init__ frame
                made._raw = raw if type(raw) is dict else {}
            self._view = made if view is False else False
            return made
        return view  # type: ignore[return-value]  # the AddressAttributes kept above

    @property
    def raw(self) -> AddressJSON:
        """The resource object as parsed from JSON (typed by `raw.AddressJSON`), unknown keys kept."""
        return cast("AddressJSON", self._raw)

    def to_plain(self, depth: int = 2) -> PlainAddress:
        """This `address` as plain nested dicts, related resources in place (`plain.PlainAddress`)."""
        return cast("PlainAddress", super().to_plain(depth))

    @overload
    def related(self, name: Literal["campaigns"]) -> list[Campaign]: ...

    @overload
    def related(self, name: Literal["user"]) -> User | None: ...

    def related(self, name: str) -> Any:
        """What a relationship points at, in the document this resource came from."""
        return self.related_raw(name)


class BenefitAttributes(AttributesView):
    """Attributes of a `benefit`; unknown ones stay readable with `[name]`."""

    __slots__ = ()
    owner: ClassVar[str] = "benefit"

    @property
    def app_external_id(self) -> str | None:
        """Id of the benefit in a third-party app. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["app_external_id"]
        except KeyError:
            raise not_requested(self, "app_external_id") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("benefit", "app_external_id", value, "a string")

    @property
    def app_meta(self) -> dict[str, Any] | None:
        """App metadata. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["app_meta"]
        except KeyError:
            raise not_requested(self, "app_meta") from None
        if value.__class__ is dict or value is None:
            return value
        raise bad_value("benefit", "app_meta", value, "an object")

    @property
    def benefit_type(self) -> str | None:
        """Kind of benefit, e.g. custom. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["benefit_type"]
        except KeyError:
            raise not_requested(self, "benefit_type") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("benefit", "benefit_type", value, "a string")

    @property
    def created_at(self) -> dt.datetime | None:
        """When the benefit was created. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["created_at"]
        except KeyError:
            raise not_requested(self, "created_at") from None
        if value.__class__ is str:
            try:
                return _fromisoformat(value)
            except ValueError:
                pass
        elif value is None:
            return None
        raise bad_value("benefit", "created_at", value, "an ISO-8601 date-time")

    @property
    def deliverables_due_today_count(self) -> int | None:
        """Deliverables due today. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["deliverables_due_today_count"]
        except KeyError:
            raise not_requested(self, "deliverables_due_today_count") from None
        if value.__class__ is int or value is None:
            return value
        raise bad_value("benefit", "deliverables_due_today_count", value, "an integer")

    @property
    def delivered_deliverables_count(self) -> int | None:
        """Deliverables already delivered. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["delivered_deliverables_count"]
        except KeyError:
            raise not_requested(self, "delivered_deliverables_count") from None
        if value.__class__ is int or value is None:
            return value
        raise bad_value("benefit", "delivered_deliverables_count", value, "an integer")

    @property
    def description(self) -> str | None:
        """Benefit description. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["description"]
        except KeyError:
            raise not_requested(self, "description") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("benefit", "description", value, "a string")

    @property
    def is_deleted(self) -> bool | None:
        """The benefit was deleted. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["is_deleted"]
        except KeyError:
            raise not_requested(self, "is_deleted") from None
        if value is True or value is False or value is None:
            return value
        raise bad_value("benefit", "is_deleted", value, "a boolean")

    @property
    def is_ended(self) -> bool | None:
        """No longer offered to new patrons. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["is_ended"]
        except KeyError:
            raise not_requested(self, "is_ended") from None
        if value is True or value is False or value is None:
            return value
        raise bad_value("benefit", "is_ended", value, "a boolean")

    @property
    def is_published(self) -> bool | None:
        """Ready to be fulfilled. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["is_published"]
        except KeyError:
            raise not_requested(self, "is_published") from None
        if value is True or value is False or value is None:
            return value
        raise bad_value("benefit", "is_published", value, "a boolean")

    @property
    def next_deliverable_due_date(self) -> dt.datetime | None:
        """When the next deliverable is due. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["next_deliverable_due_date"]
        except KeyError:
            raise not_requested(self, "next_deliverable_due_date") from None
        if value.__class__ is str:
            try:
                return _fromisoformat(value)
            except ValueError:
                pass
        elif value is None:
            return None
        raise bad_value("benefit", "next_deliverable_due_date", value, "an ISO-8601 date-time")

    @property
    def not_delivered_deliverables_count(self) -> int | None:
        """Deliverables not delivered yet. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["not_delivered_deliverables_count"]
        except KeyError:
            raise not_requested(self, "not_delivered_deliverables_count") from None
        if value.__class__ is int or value is None:
            return value
        raise bad_value("benefit", "not_delivered_deliverables_count", value, "an integer")

    @property
    def rule_type(self) -> str | None:
        """Delivery rule, e.g. eom_monthly or one_time_immediate. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["rule_type"]
        except KeyError:
            raise not_requested(self, "rule_type") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("benefit", "rule_type", value, "a string")

    @property
    def tiers_count(self) -> int | None:
        """Number of tiers holding this benefit. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["tiers_count"]
        except KeyError:
            raise not_requested(self, "tiers_count") from None
        if value.__class__ is int or value is None:
            return value
        raise bad_value("benefit", "tiers_count", value, "an integer")

    @property
    def title(self) -> str | None:
        """Benefit title. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["title"]
        except KeyError:
            raise not_requested(self, "title") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("benefit", "title", value, "a string")

    def to_dict(self) -> BenefitAttributesJSON:
        """A copy of the attributes exactly as Patreon sent them, unknown ones included."""
        return cast("BenefitAttributesJSON", dict(self._raw))


class Benefit(Resource):
    """A benefit offered in one or more tiers. [PD] [PAT]"""

    __slots__ = ()
    resource_type: ClassVar[str] = "benefit"
    attributes_class: ClassVar[type[AttributesView]] = BenefitAttributes
    relationship_names: ClassVar[frozenset[str] | None] = frozenset(("campaign", "deliverables", "tiers"))

    @property
    def attributes(self) -> BenefitAttributes:
        view = self._view  # kept from the second read on (see Resource in patreon_runtime.jsonapi)
        if view is None or view is False:
            raw = self._raw.get("attributes")
            if NATIVE:  # compiled: the native constructor (see `new` in patreon_runtime.jsonapi)
                made = BenefitAttributes(raw if type(raw) is dict else {})
            else:
                made = new(BenefitAttributes)  # no __init__ frame
                made._raw = raw if type(raw) is dict else {}
            self._view = made if view is False else False
            return made
        return view  # type: ignore[return-value]  # the BenefitAttributes kept above

    @property
    def raw(self) -> BenefitJSON:
        """The resource object as parsed from JSON (typed by `raw.BenefitJSON`), unknown keys kept."""
        return cast("BenefitJSON", self._raw)

    def to_plain(self, depth: int = 2) -> PlainBenefit:
        """This `benefit` as plain nested dicts, related resources in place (`plain.PlainBenefit`)."""
        return cast("PlainBenefit", super().to_plain(depth))

    @overload
    def related(self, name: Literal["campaign"]) -> Campaign | None: ...

    @overload
    def related(self, name: Literal["deliverables"]) -> list[Deliverable]: ...

    @overload
    def related(self, name: Literal["tiers"]) -> list[Tier]: ...

    def related(self, name: str) -> Any:
        """What a relationship points at, in the document this resource came from."""
        return self.related_raw(name)


class CampaignAttributes(AttributesView):
    """Attributes of a `campaign`; unknown ones stay readable with `[name]`."""

    __slots__ = ()
    owner: ClassVar[str] = "campaign"

    @property
    def created_at(self) -> dt.datetime | None:
        """When campaign creation started. Nullable here because [GO] shows null on a campaign included from /identity. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["created_at"]
        except KeyError:
            raise not_requested(self, "created_at") from None
        if value.__class__ is str:
            try:
                return _fromisoformat(value)
            except ValueError:
                pass
        elif value is None:
            return None
        raise bad_value("campaign", "created_at", value, "an ISO-8601 date-time")

    @property
    def creation_name(self) -> str | None:
        """What the creator is creating ("is creating ..."). None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["creation_name"]
        except KeyError:
            raise not_requested(self, "creation_name") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("campaign", "creation_name", value, "a string")

    @property
    def currency(self) -> str | None:
        """Campaign currency code. New attribute, known only from [PAT] issue #266 (2026) [A:new-campaign-attributes-nullable]. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["currency"]
        except KeyError:
            raise not_requested(self, "currency") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("campaign", "currency", value, "a string")

    @property
    def discord_server_id(self) -> str | None:
        """Linked Discord server id. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["discord_server_id"]
        except KeyError:
            raise not_requested(self, "discord_server_id") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("campaign", "discord_server_id", value, "a string")

    @property
    def google_analytics_id(self) -> str | None:
        """Google Analytics tracking id. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["google_analytics_id"]
        except KeyError:
            raise not_requested(self, "google_analytics_id") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("campaign", "google_analytics_id", value, "a string")

    @property
    def has_rss(self) -> bool | None:
        """The creator opted in to RSS. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["has_rss"]
        except KeyError:
            raise not_requested(self, "has_rss") from None
        if value is True or value is False or value is None:
            return value
        raise bad_value("campaign", "has_rss", value, "a boolean")

    @property
    def has_sent_rss_notify(self) -> bool | None:
        """The RSS opt-in notification was sent. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["has_sent_rss_notify"]
        except KeyError:
            raise not_requested(self, "has_sent_rss_notify") from None
        if value is True or value is False or value is None:
            return value
        raise bad_value("campaign", "has_sent_rss_notify", value, "a boolean")

    @property
    def image_small_url(self) -> str | None:
        """Profile image URL. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["image_small_url"]
        except KeyError:
            raise not_requested(self, "image_small_url") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("campaign", "image_small_url", value, "a string")

    @property
    def image_url(self) -> str | None:
        """Banner image URL. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["image_url"]
        except KeyError:
            raise not_requested(self, "image_url") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("campaign", "image_url", value, "a string")

    @property
    def is_charged_immediately(self) -> bool | None:
        """Patrons are charged upfront. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["is_charged_immediately"]
        except KeyError:
            raise not_requested(self, "is_charged_immediately") from None
        if value is True or value is False or value is None:
            return value
        raise bad_value("campaign", "is_charged_immediately", value, "a boolean")

    @property
    def is_monthly(self) -> bool | None:
        """Charged monthly (false means per post). None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["is_monthly"]
        except KeyError:
            raise not_requested(self, "is_monthly") from None
        if value is True or value is False or value is None:
            return value
        raise bad_value("campaign", "is_monthly", value, "a boolean")

    @property
    def is_nsfw(self) -> bool | None:
        """Marked as adult content. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["is_nsfw"]
        except KeyError:
            raise not_requested(self, "is_nsfw") from None
        if value is True or value is False or value is None:
            return value
        raise bad_value("campaign", "is_nsfw", value, "a boolean")

    @property
    def main_video_embed(self) -> str | None:
        """Embed HTML of the main video. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["main_video_embed"]
        except KeyError:
            raise not_requested(self, "main_video_embed") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("campaign", "main_video_embed", value, "a string")

    @property
    def main_video_url(self) -> str | None:
        """URL of the main video. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["main_video_url"]
        except KeyError:
            raise not_requested(self, "main_video_url") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("campaign", "main_video_url", value, "a string")

    @property
    def name(self) -> str | None:
        """Campaign display name. New attribute, known only from [PAT] issue #266 (2026) [A:new-campaign-attributes-nullable]. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["name"]
        except KeyError:
            raise not_requested(self, "name") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("campaign", "name", value, "a string")

    @property
    def one_liner(self) -> str | None:
        """Short description. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["one_liner"]
        except KeyError:
            raise not_requested(self, "one_liner") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("campaign", "one_liner", value, "a string")

    @property
    def patron_count(self) -> int | None:
        """Number of patrons with access. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["patron_count"]
        except KeyError:
            raise not_requested(self, "patron_count") from None
        if value.__class__ is int or value is None:
            return value
        raise bad_value("campaign", "patron_count", value, "an integer")

    @property
    def pay_per_name(self) -> str | None:
        """What a charge is per ("per ..."). None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["pay_per_name"]
        except KeyError:
            raise not_requested(self, "pay_per_name") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("campaign", "pay_per_name", value, "a string")

    @property
    def pledge_url(self) -> str | None:
        """Relative (to patreon.com) URL of the pledge flow [PD], e.g. /bePatron?c=ID [PD samples] or /join/NAME [GO]. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["pledge_url"]
        except KeyError:
            raise not_requested(self, "pledge_url") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("campaign", "pledge_url", value, "a string")

    @property
    def published_at(self) -> dt.datetime | None:
        """When the campaign was published. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["published_at"]
        except KeyError:
            raise not_requested(self, "published_at") from None
        if value.__class__ is str:
            try:
                return _fromisoformat(value)
            except ValueError:
                pass
        elif value is None:
            return None
        raise bad_value("campaign", "published_at", value, "an ISO-8601 date-time")

    @property
    def rss_artwork_url(self) -> str | None:
        """RSS artwork URL. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["rss_artwork_url"]
        except KeyError:
            raise not_requested(self, "rss_artwork_url") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("campaign", "rss_artwork_url", value, "a string")

    @property
    def rss_feed_title(self) -> str | None:
        """RSS feed title. Docs do not mark it nullable; [PAT] types it nullable and [GO] shows null. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["rss_feed_title"]
        except KeyError:
            raise not_requested(self, "rss_feed_title") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("campaign", "rss_feed_title", value, "a string")

    @property
    def show_earnings(self) -> bool | None:
        """Earnings are public. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["show_earnings"]
        except KeyError:
            raise not_requested(self, "show_earnings") from None
        if value is True or value is False or value is None:
            return value
        raise bad_value("campaign", "show_earnings", value, "a boolean")

    @property
    def summary(self) -> str | None:
        """Campaign summary; HTML in the [GO] fixtures. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["summary"]
        except KeyError:
            raise not_requested(self, "summary") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("campaign", "summary", value, "a string")

    @property
    def thanks_embed(self) -> str | None:
        """Thank-you embed HTML. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["thanks_embed"]
        except KeyError:
            raise not_requested(self, "thanks_embed") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("campaign", "thanks_embed", value, "a string")

    @property
    def thanks_msg(self) -> str | None:
        """Thank-you message. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["thanks_msg"]
        except KeyError:
            raise not_requested(self, "thanks_msg") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("campaign", "thanks_msg", value, "a string")

    @property
    def thanks_video_url(self) -> str | None:
        """Thank-you video URL. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["thanks_video_url"]
        except KeyError:
            raise not_requested(self, "thanks_video_url") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("campaign", "thanks_video_url", value, "a string")

    @property
    def url(self) -> str | None:
        """Campaign page URL. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["url"]
        except KeyError:
            raise not_requested(self, "url") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("campaign", "url", value, "a string")

    @property
    def vanity(self) -> str | None:
        """Campaign vanity name. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["vanity"]
        except KeyError:
            raise not_requested(self, "vanity") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("campaign", "vanity", value, "a string")

    def to_dict(self) -> CampaignAttributesJSON:
        """A copy of the attributes exactly as Patreon sent them, unknown ones included."""
        return cast("CampaignAttributesJSON", dict(self._raw))


class Campaign(Resource):
    """A creator's campaign. [PD] [PAT] [PY]"""

    __slots__ = ()
    resource_type: ClassVar[str] = "campaign"
    attributes_class: ClassVar[type[AttributesView]] = CampaignAttributes
    relationship_names: ClassVar[frozenset[str] | None] = frozenset(
        ("benefits", "creator", "goals", "tiers", "live_access_rules")
    )

    @property
    def attributes(self) -> CampaignAttributes:
        view = self._view  # kept from the second read on (see Resource in patreon_runtime.jsonapi)
        if view is None or view is False:
            raw = self._raw.get("attributes")
            if NATIVE:  # compiled: the native constructor (see `new` in patreon_runtime.jsonapi)
                made = CampaignAttributes(raw if type(raw) is dict else {})
            else:
                made = new(CampaignAttributes)  # no __init__ frame
                made._raw = raw if type(raw) is dict else {}
            self._view = made if view is False else False
            return made
        return view  # type: ignore[return-value]  # the CampaignAttributes kept above

    @property
    def raw(self) -> CampaignJSON:
        """The resource object as parsed from JSON (typed by `raw.CampaignJSON`), unknown keys kept."""
        return cast("CampaignJSON", self._raw)

    def to_plain(self, depth: int = 2) -> PlainCampaign:
        """This `campaign` as plain nested dicts, related resources in place (`plain.PlainCampaign`)."""
        return cast("PlainCampaign", super().to_plain(depth))

    @overload
    def related(self, name: Literal["benefits"]) -> list[Benefit]: ...

    @overload
    def related(self, name: Literal["creator"]) -> User | None: ...

    @overload
    def related(self, name: Literal["goals"]) -> list[Goal]: ...

    @overload
    def related(self, name: Literal["tiers"]) -> list[Tier]: ...

    @overload
    def related(self, name: Literal["live_access_rules"]) -> list[LiveAccessRule]: ...

    def related(self, name: str) -> Any:
        """What a relationship points at, in the document this resource came from."""
        return self.related_raw(name)


class ClientAttributes(AttributesView):
    """Attributes of a `client`; unknown ones stay readable with `[name]`."""

    __slots__ = ()
    owner: ClassVar[str] = "client"
    secret_attributes: ClassVar[frozenset[str]] = frozenset(["client_secret"])

    @property
    def author_name(self) -> str | None:
        """Author shown on the consent screen. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["author_name"]
        except KeyError:
            raise not_requested(self, "author_name") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("client", "author_name", value, "a string")

    @property
    def category(self) -> str | None:
        """Client category. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["category"]
        except KeyError:
            raise not_requested(self, "category") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("client", "category", value, "a string")

    @property
    def client_secret(self) -> str | None:
        """The client secret. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["client_secret"]
        except KeyError:
            raise not_requested(self, "client_secret") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("client", "client_secret", value, "a string")

    @property
    def default_scopes(self) -> str | None:
        """Default scopes (deprecated). Deprecated. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["default_scopes"]
        except KeyError:
            raise not_requested(self, "default_scopes") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("client", "default_scopes", value, "a string")

    @property
    def description(self) -> str | None:
        """Client description. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["description"]
        except KeyError:
            raise not_requested(self, "description") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("client", "description", value, "a string")

    @property
    def domain(self) -> str | None:
        """Client domain. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["domain"]
        except KeyError:
            raise not_requested(self, "domain") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("client", "domain", value, "a string")

    @property
    def icon_url(self) -> str | None:
        """Icon URL. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["icon_url"]
        except KeyError:
            raise not_requested(self, "icon_url") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("client", "icon_url", value, "a string")

    @property
    def name(self) -> str | None:
        """Client name. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["name"]
        except KeyError:
            raise not_requested(self, "name") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("client", "name", value, "a string")

    @property
    def privacy_policy_url(self) -> str | None:
        """Privacy policy URL. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["privacy_policy_url"]
        except KeyError:
            raise not_requested(self, "privacy_policy_url") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("client", "privacy_policy_url", value, "a string")

    @property
    def redirect_uris(self) -> str | None:
        """Registered redirect URIs. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["redirect_uris"]
        except KeyError:
            raise not_requested(self, "redirect_uris") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("client", "redirect_uris", value, "a string")

    @property
    def tos_url(self) -> str | None:
        """Terms of service URL. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["tos_url"]
        except KeyError:
            raise not_requested(self, "tos_url") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("client", "tos_url", value, "a string")

    @property
    def version(self) -> int | None:
        """API version the client targets. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["version"]
        except KeyError:
            raise not_requested(self, "version") from None
        if value.__class__ is int or value is None:
            return value
        raise bad_value("client", "version", value, "an integer")

    def to_dict(self) -> ClientAttributesJSON:
        """A copy of the attributes exactly as Patreon sent them, unknown ones included."""
        return cast("ClientAttributesJSON", dict(self._raw))


class Client(Resource):
    """An OAuth client ("OAuthClient" in [PD]). [PD] gives no type string; [PAT] item.ts uses client, which is what webhook.client points at here. Patreon's own plugin creates and reads clients as oauth-client on its partner-only /clients calls [WP patreon_routing.php]; that type is described as OAuthClient with the same attributes, so both parse."""

    __slots__ = ()
    resource_type: ClassVar[str] = "client"
    attributes_class: ClassVar[type[AttributesView]] = ClientAttributes
    relationship_names: ClassVar[frozenset[str] | None] = frozenset(("campaign", "user"))

    @property
    def attributes(self) -> ClientAttributes:
        view = self._view  # kept from the second read on (see Resource in patreon_runtime.jsonapi)
        if view is None or view is False:
            raw = self._raw.get("attributes")
            if NATIVE:  # compiled: the native constructor (see `new` in patreon_runtime.jsonapi)
                made = ClientAttributes(raw if type(raw) is dict else {})
            else:
                made = new(ClientAttributes)  # no __init__ frame
                made._raw = raw if type(raw) is dict else {}
            self._view = made if view is False else False
            return made
        return view  # type: ignore[return-value]  # the ClientAttributes kept above

    @property
    def raw(self) -> ClientJSON:
        """The resource object as parsed from JSON (typed by `raw.ClientJSON`), unknown keys kept."""
        return cast("ClientJSON", self._raw)

    def to_plain(self, depth: int = 2) -> PlainClient:
        """This `client` as plain nested dicts, related resources in place (`plain.PlainClient`)."""
        return cast("PlainClient", super().to_plain(depth))

    @overload
    def related(self, name: Literal["campaign"]) -> Campaign | None: ...

    @overload
    def related(self, name: Literal["user"]) -> User | None: ...

    def related(self, name: str) -> Any:
        """What a relationship points at, in the document this resource came from."""
        return self.related_raw(name)


class DeliverableAttributes(AttributesView):
    """Attributes of a `deliverable`; unknown ones stay readable with `[name]`."""

    __slots__ = ()
    owner: ClassVar[str] = "deliverable"

    @property
    def completed_at(self) -> dt.datetime | None:
        """When it was fulfilled. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["completed_at"]
        except KeyError:
            raise not_requested(self, "completed_at") from None
        if value.__class__ is str:
            try:
                return _fromisoformat(value)
            except ValueError:
                pass
        elif value is None:
            return None
        raise bad_value("deliverable", "completed_at", value, "an ISO-8601 date-time")

    @property
    def delivery_status(self) -> DeliveryStatus | str | None:
        """Delivery state. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["delivery_status"]
        except KeyError:
            raise not_requested(self, "delivery_status") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("deliverable", "delivery_status", value, "a string")

    @property
    def due_at(self) -> dt.datetime | None:
        """When it is due. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["due_at"]
        except KeyError:
            raise not_requested(self, "due_at") from None
        if value.__class__ is str:
            try:
                return _fromisoformat(value)
            except ValueError:
                pass
        elif value is None:
            return None
        raise bad_value("deliverable", "due_at", value, "an ISO-8601 date-time")

    def to_dict(self) -> DeliverableAttributesJSON:
        """A copy of the attributes exactly as Patreon sent them, unknown ones included."""
        return cast("DeliverableAttributesJSON", dict(self._raw))


class Deliverable(Resource):
    """A benefit owed to one member. [PD]"""

    __slots__ = ()
    resource_type: ClassVar[str] = "deliverable"
    attributes_class: ClassVar[type[AttributesView]] = DeliverableAttributes
    relationship_names: ClassVar[frozenset[str] | None] = frozenset(("benefit", "campaign", "member", "user"))

    @property
    def attributes(self) -> DeliverableAttributes:
        view = self._view  # kept from the second read on (see Resource in patreon_runtime.jsonapi)
        if view is None or view is False:
            raw = self._raw.get("attributes")
            if NATIVE:  # compiled: the native constructor (see `new` in patreon_runtime.jsonapi)
                made = DeliverableAttributes(raw if type(raw) is dict else {})
            else:
                made = new(DeliverableAttributes)  # no __init__ frame
                made._raw = raw if type(raw) is dict else {}
            self._view = made if view is False else False
            return made
        return view  # type: ignore[return-value]  # the DeliverableAttributes kept above

    @property
    def raw(self) -> DeliverableJSON:
        """The resource object as parsed from JSON (typed by `raw.DeliverableJSON`), unknown keys kept."""
        return cast("DeliverableJSON", self._raw)

    def to_plain(self, depth: int = 2) -> PlainDeliverable:
        """This `deliverable` as plain nested dicts, related resources in place (`plain.PlainDeliverable`)."""
        return cast("PlainDeliverable", super().to_plain(depth))

    @overload
    def related(self, name: Literal["benefit"]) -> Benefit | None: ...

    @overload
    def related(self, name: Literal["campaign"]) -> Campaign | None: ...

    @overload
    def related(self, name: Literal["member"]) -> Member | None: ...

    @overload
    def related(self, name: Literal["user"]) -> User | None: ...

    def related(self, name: str) -> Any:
        """What a relationship points at, in the document this resource came from."""
        return self.related_raw(name)


class GoalAttributes(AttributesView):
    """Attributes of a `goal`; unknown ones stay readable with `[name]`."""

    __slots__ = ()
    owner: ClassVar[str] = "goal"

    @property
    def amount_cents(self) -> int | None:
        """Goal amount in cents. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["amount_cents"]
        except KeyError:
            raise not_requested(self, "amount_cents") from None
        if value.__class__ is int or value is None:
            return value
        raise bad_value("goal", "amount_cents", value, "an integer")

    @property
    def completed_percentage(self) -> int | None:
        """Percent complete. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["completed_percentage"]
        except KeyError:
            raise not_requested(self, "completed_percentage") from None
        if value.__class__ is int or value is None:
            return value
        raise bad_value("goal", "completed_percentage", value, "an integer")

    @property
    def created_at(self) -> dt.datetime | None:
        """When the goal was created. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["created_at"]
        except KeyError:
            raise not_requested(self, "created_at") from None
        if value.__class__ is str:
            try:
                return _fromisoformat(value)
            except ValueError:
                pass
        elif value is None:
            return None
        raise bad_value("goal", "created_at", value, "an ISO-8601 date-time")

    @property
    def description(self) -> str | None:
        """Goal description. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["description"]
        except KeyError:
            raise not_requested(self, "description") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("goal", "description", value, "a string")

    @property
    def reached_at(self) -> dt.datetime | None:
        """When the goal was reached. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["reached_at"]
        except KeyError:
            raise not_requested(self, "reached_at") from None
        if value.__class__ is str:
            try:
                return _fromisoformat(value)
            except ValueError:
                pass
        elif value is None:
            return None
        raise bad_value("goal", "reached_at", value, "an ISO-8601 date-time")

    @property
    def title(self) -> str | None:
        """Goal title. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["title"]
        except KeyError:
            raise not_requested(self, "title") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("goal", "title", value, "a string")

    def to_dict(self) -> GoalAttributesJSON:
        """A copy of the attributes exactly as Patreon sent them, unknown ones included."""
        return cast("GoalAttributesJSON", dict(self._raw))


class Goal(Resource):
    """A campaign goal. Deprecated: campaign.goals is always empty [PD 2024-12]; [PAT] models goal without attributes. Attributes kept as still documented [PD]."""

    __slots__ = ()
    resource_type: ClassVar[str] = "goal"
    attributes_class: ClassVar[type[AttributesView]] = GoalAttributes
    relationship_names: ClassVar[frozenset[str] | None] = frozenset(("campaign",))

    @property
    def attributes(self) -> GoalAttributes:
        view = self._view  # kept from the second read on (see Resource in patreon_runtime.jsonapi)
        if view is None or view is False:
            raw = self._raw.get("attributes")
            if NATIVE:  # compiled: the native constructor (see `new` in patreon_runtime.jsonapi)
                made = GoalAttributes(raw if type(raw) is dict else {})
            else:
                made = new(GoalAttributes)  # no __init__ frame
                made._raw = raw if type(raw) is dict else {}
            self._view = made if view is False else False
            return made
        return view  # type: ignore[return-value]  # the GoalAttributes kept above

    @property
    def raw(self) -> GoalJSON:
        """The resource object as parsed from JSON (typed by `raw.GoalJSON`), unknown keys kept."""
        return cast("GoalJSON", self._raw)

    def to_plain(self, depth: int = 2) -> PlainGoal:
        """This `goal` as plain nested dicts, related resources in place (`plain.PlainGoal`)."""
        return cast("PlainGoal", super().to_plain(depth))

    def related(self, name: Literal["campaign"]) -> Campaign | None:
        """What a relationship points at, in the document this resource came from."""
        return self.related_raw(name)  # type: ignore[return-value]


class LiveAttributes(AttributesView):
    """Attributes of a `live`; unknown ones stay readable with `[name]`."""

    __slots__ = ()
    owner: ClassVar[str] = "live"

    @property
    def description(self) -> str | None:
        """Livestream description. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["description"]
        except KeyError:
            raise not_requested(self, "description") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("live", "description", value, "a string")

    @property
    def rtmp_url(self) -> str | None:
        """RTMP URL to stream to. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["rtmp_url"]
        except KeyError:
            raise not_requested(self, "rtmp_url") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("live", "rtmp_url", value, "a string")

    @property
    def scheduled_for(self) -> dt.datetime | None:
        """Scheduled start time. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["scheduled_for"]
        except KeyError:
            raise not_requested(self, "scheduled_for") from None
        if value.__class__ is str:
            try:
                return _fromisoformat(value)
            except ValueError:
                pass
        elif value is None:
            return None
        raise bad_value("live", "scheduled_for", value, "an ISO-8601 date-time")

    @property
    def state(self) -> LiveState | str | None:
        """pre_live -> live -> live_ended; no transition after live_ended [PAT]. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["state"]
        except KeyError:
            raise not_requested(self, "state") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("live", "state", value, "a string")

    @property
    def stream_key(self) -> str | None:
        """RTMP stream key. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["stream_key"]
        except KeyError:
            raise not_requested(self, "stream_key") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("live", "stream_key", value, "a string")

    @property
    def title(self) -> str | None:
        """Livestream title. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["title"]
        except KeyError:
            raise not_requested(self, "title") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("live", "title", value, "a string")

    def to_dict(self) -> LiveAttributesJSON:
        """A copy of the attributes exactly as Patreon sent them, unknown ones included."""
        return cast("LiveAttributesJSON", dict(self._raw))


class Live(Resource):
    """A livestream. Early access; newer than the GitHub docs, known from [PAT] resources/live.ts (lower confidence)."""

    __slots__ = ()
    resource_type: ClassVar[str] = "live"
    attributes_class: ClassVar[type[AttributesView]] = LiveAttributes
    relationship_names: ClassVar[frozenset[str] | None] = frozenset(("campaign", "live_access_rules"))

    @property
    def attributes(self) -> LiveAttributes:
        view = self._view  # kept from the second read on (see Resource in patreon_runtime.jsonapi)
        if view is None or view is False:
            raw = self._raw.get("attributes")
            if NATIVE:  # compiled: the native constructor (see `new` in patreon_runtime.jsonapi)
                made = LiveAttributes(raw if type(raw) is dict else {})
            else:
                made = new(LiveAttributes)  # no __init__ frame
                made._raw = raw if type(raw) is dict else {}
            self._view = made if view is False else False
            return made
        return view  # type: ignore[return-value]  # the LiveAttributes kept above

    @property
    def raw(self) -> LiveJSON:
        """The resource object as parsed from JSON (typed by `raw.LiveJSON`), unknown keys kept."""
        return cast("LiveJSON", self._raw)

    def to_plain(self, depth: int = 2) -> PlainLive:
        """This `live` as plain nested dicts, related resources in place (`plain.PlainLive`)."""
        return cast("PlainLive", super().to_plain(depth))

    @overload
    def related(self, name: Literal["campaign"]) -> Campaign | None: ...

    @overload
    def related(self, name: Literal["live_access_rules"]) -> list[LiveAccessRule]: ...

    def related(self, name: str) -> Any:
        """What a relationship points at, in the document this resource came from."""
        return self.related_raw(name)


class LiveAccessRuleAttributes(AttributesView):
    """Attributes of a `live-access-rule`; unknown ones stay readable with `[name]`."""

    __slots__ = ()
    owner: ClassVar[str] = "live-access-rule"

    @property
    def access_rule_type(self) -> LiveAccessRuleType | str | None:
        """Kind of rule, e.g. tier, patron, public [PAT]. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["access_rule_type"]
        except KeyError:
            raise not_requested(self, "access_rule_type") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("live-access-rule", "access_rule_type", value, "a string")

    def to_dict(self) -> LiveAccessRuleAttributesJSON:
        """A copy of the attributes exactly as Patreon sent them, unknown ones included."""
        return cast("LiveAccessRuleAttributesJSON", dict(self._raw))


class LiveAccessRule(Resource):
    """Who may watch a live. Early access, known from [PAT] resources/access_rule.ts (lower confidence)."""

    __slots__ = ()
    resource_type: ClassVar[str] = "live-access-rule"
    attributes_class: ClassVar[type[AttributesView]] = LiveAccessRuleAttributes
    relationship_names: ClassVar[frozenset[str] | None] = frozenset(("tier",))

    @property
    def attributes(self) -> LiveAccessRuleAttributes:
        view = self._view  # kept from the second read on (see Resource in patreon_runtime.jsonapi)
        if view is None or view is False:
            raw = self._raw.get("attributes")
            if NATIVE:  # compiled: the native constructor (see `new` in patreon_runtime.jsonapi)
                made = LiveAccessRuleAttributes(raw if type(raw) is dict else {})
            else:
                made = new(LiveAccessRuleAttributes)  # no __init__ frame
                made._raw = raw if type(raw) is dict else {}
            self._view = made if view is False else False
            return made
        return view  # type: ignore[return-value]  # the LiveAccessRuleAttributes kept above

    @property
    def raw(self) -> LiveAccessRuleJSON:
        """The resource object as parsed from JSON (typed by `raw.LiveAccessRuleJSON`), unknown keys kept."""
        return cast("LiveAccessRuleJSON", self._raw)

    def to_plain(self, depth: int = 2) -> PlainLiveAccessRule:
        """This `live-access-rule` as plain nested dicts, related resources in place (`plain.PlainLiveAccessRule`)."""
        return cast("PlainLiveAccessRule", super().to_plain(depth))

    def related(self, name: Literal["tier"]) -> Tier | None:
        """What a relationship points at, in the document this resource came from."""
        return self.related_raw(name)  # type: ignore[return-value]


class MediaAttributes(AttributesView):
    """Attributes of a `media`; unknown ones stay readable with `[name]`."""

    __slots__ = ()
    owner: ClassVar[str] = "media"

    @property
    def created_at(self) -> dt.datetime | None:
        """When the media was created. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["created_at"]
        except KeyError:
            raise not_requested(self, "created_at") from None
        if value.__class__ is str:
            try:
                return _fromisoformat(value)
            except ValueError:
                pass
        elif value is None:
            return None
        raise bad_value("media", "created_at", value, "an ISO-8601 date-time")

    @property
    def download_url(self) -> str | None:
        """Download URL, valid for 24 hours [PD]. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["download_url"]
        except KeyError:
            raise not_requested(self, "download_url") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("media", "download_url", value, "a string")

    @property
    def file_name(self) -> str | None:
        """File name. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["file_name"]
        except KeyError:
            raise not_requested(self, "file_name") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("media", "file_name", value, "a string")

    @property
    def image_urls(self) -> dict[str, Any] | None:
        """Resized image URLs by size, valid for 2 weeks [PD]. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["image_urls"]
        except KeyError:
            raise not_requested(self, "image_urls") from None
        if value.__class__ is dict or value is None:
            return value
        raise bad_value("media", "image_urls", value, "an object")

    @property
    def metadata(self) -> dict[str, Any] | None:
        """File metadata. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["metadata"]
        except KeyError:
            raise not_requested(self, "metadata") from None
        if value.__class__ is dict or value is None:
            return value
        raise bad_value("media", "metadata", value, "an object")

    @property
    def mimetype(self) -> str | None:
        """MIME type. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["mimetype"]
        except KeyError:
            raise not_requested(self, "mimetype") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("media", "mimetype", value, "a string")

    @property
    def owner_id(self) -> str | None:
        """Id of the owning resource. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["owner_id"]
        except KeyError:
            raise not_requested(self, "owner_id") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("media", "owner_id", value, "a string")

    @property
    def owner_relationship(self) -> str | None:
        """Relationship name on the owner. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["owner_relationship"]
        except KeyError:
            raise not_requested(self, "owner_relationship") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("media", "owner_relationship", value, "a string")

    @property
    def owner_type(self) -> str | None:
        """Type of the owning resource. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["owner_type"]
        except KeyError:
            raise not_requested(self, "owner_type") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("media", "owner_type", value, "a string")

    @property
    def size_bytes(self) -> int | None:
        """File size in bytes. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["size_bytes"]
        except KeyError:
            raise not_requested(self, "size_bytes") from None
        if value.__class__ is int or value is None:
            return value
        raise bad_value("media", "size_bytes", value, "an integer")

    @property
    def state(self) -> str | None:
        """Upload state. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["state"]
        except KeyError:
            raise not_requested(self, "state") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("media", "state", value, "a string")

    @property
    def upload_expires_at(self) -> dt.datetime | None:
        """When the upload URL expires. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["upload_expires_at"]
        except KeyError:
            raise not_requested(self, "upload_expires_at") from None
        if value.__class__ is str:
            try:
                return _fromisoformat(value)
            except ValueError:
                pass
        elif value is None:
            return None
        raise bad_value("media", "upload_expires_at", value, "an ISO-8601 date-time")

    @property
    def upload_parameters(self) -> dict[str, Any] | None:
        """Parameters for the upload request. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["upload_parameters"]
        except KeyError:
            raise not_requested(self, "upload_parameters") from None
        if value.__class__ is dict or value is None:
            return value
        raise bad_value("media", "upload_parameters", value, "an object")

    @property
    def upload_url(self) -> str | None:
        """Upload URL. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["upload_url"]
        except KeyError:
            raise not_requested(self, "upload_url") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("media", "upload_url", value, "a string")

    def to_dict(self) -> MediaAttributesJSON:
        """A copy of the attributes exactly as Patreon sent them, unknown ones included."""
        return cast("MediaAttributesJSON", dict(self._raw))


class Media(Resource):
    """A file (e.g. a tier image). [PD]"""

    __slots__ = ()
    resource_type: ClassVar[str] = "media"
    attributes_class: ClassVar[type[AttributesView]] = MediaAttributes
    relationship_names: ClassVar[frozenset[str] | None] = frozenset(())

    @property
    def attributes(self) -> MediaAttributes:
        view = self._view  # kept from the second read on (see Resource in patreon_runtime.jsonapi)
        if view is None or view is False:
            raw = self._raw.get("attributes")
            if NATIVE:  # compiled: the native constructor (see `new` in patreon_runtime.jsonapi)
                made = MediaAttributes(raw if type(raw) is dict else {})
            else:
                made = new(MediaAttributes)  # no __init__ frame
                made._raw = raw if type(raw) is dict else {}
            self._view = made if view is False else False
            return made
        return view  # type: ignore[return-value]  # the MediaAttributes kept above

    @property
    def raw(self) -> MediaJSON:
        """The resource object as parsed from JSON (typed by `raw.MediaJSON`), unknown keys kept."""
        return cast("MediaJSON", self._raw)

    def to_plain(self, depth: int = 2) -> PlainMedia:
        """This `media` as plain nested dicts, related resources in place (`plain.PlainMedia`)."""
        return cast("PlainMedia", super().to_plain(depth))


class MemberAttributes(AttributesView):
    """Attributes of a `member`; unknown ones stay readable with `[name]`."""

    __slots__ = ()
    owner: ClassVar[str] = "member"

    @property
    def campaign_lifetime_support_cents(self) -> int | None:
        """Total ever paid to the campaign, in campaign currency. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["campaign_lifetime_support_cents"]
        except KeyError:
            raise not_requested(self, "campaign_lifetime_support_cents") from None
        if value.__class__ is int or value is None:
            return value
        raise bad_value("member", "campaign_lifetime_support_cents", value, "an integer")

    @property
    def currently_entitled_amount_cents(self) -> int | None:
        """Amount the member is entitled to now. Docs type it integer; the [PD] webhook sample shows null for a follower. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["currently_entitled_amount_cents"]
        except KeyError:
            raise not_requested(self, "currently_entitled_amount_cents") from None
        if value.__class__ is int or value is None:
            return value
        raise bad_value("member", "currently_entitled_amount_cents", value, "an integer")

    @property
    def email(self) -> str | None:
        """Member email. Needs campaigns.members[email] and fields[member]=email [PD]. Nullable here: members without an email were reported (RaiderIO/keystone.guru#1538). None when Patreon sends null; NotRequestedError when `fields` did not ask for it or the token lacks its scope."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["email"]
        except KeyError:
            raise not_requested(
                self,
                "email",
                ("campaigns.members[email]",),
                "'campaigns.members[email]' (get_identity, get_member, list_campaign_members)",
            ) from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("member", "email", value, "a string")

    @property
    def full_name(self) -> str | None:
        """Member's full name. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["full_name"]
        except KeyError:
            raise not_requested(self, "full_name") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("member", "full_name", value, "a string")

    @property
    def is_follower(self) -> bool | None:
        """Deprecated; always false [PD]. Deprecated. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["is_follower"]
        except KeyError:
            raise not_requested(self, "is_follower") from None
        if value is True or value is False or value is None:
            return value
        raise bad_value("member", "is_follower", value, "a boolean")

    @property
    def is_free_trial(self) -> bool | None:
        """The member is on a free trial. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["is_free_trial"]
        except KeyError:
            raise not_requested(self, "is_free_trial") from None
        if value is True or value is False or value is None:
            return value
        raise bad_value("member", "is_free_trial", value, "a boolean")

    @property
    def is_gifted(self) -> bool | None:
        """The membership is a gift (PD PR #94). None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["is_gifted"]
        except KeyError:
            raise not_requested(self, "is_gifted") from None
        if value is True or value is False or value is None:
            return value
        raise bad_value("member", "is_gifted", value, "a boolean")

    @property
    def last_charge_date(self) -> dt.datetime | None:
        """Date of the last charge. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["last_charge_date"]
        except KeyError:
            raise not_requested(self, "last_charge_date") from None
        if value.__class__ is str:
            try:
                return _fromisoformat(value)
            except ValueError:
                pass
        elif value is None:
            return None
        raise bad_value("member", "last_charge_date", value, "an ISO-8601 date-time")

    @property
    def last_charge_status(self) -> ChargeStatus | str | None:
        """Outcome of the last charge. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["last_charge_status"]
        except KeyError:
            raise not_requested(self, "last_charge_status") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("member", "last_charge_status", value, "a string")

    @property
    def lifetime_support_cents(self) -> int | None:
        """Deprecated; use campaign_lifetime_support_cents [PD 2024-12]. Deprecated. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["lifetime_support_cents"]
        except KeyError:
            raise not_requested(self, "lifetime_support_cents") from None
        if value.__class__ is int or value is None:
            return value
        raise bad_value("member", "lifetime_support_cents", value, "an integer")

    @property
    def next_charge_date(self) -> dt.datetime | None:
        """Date of the next charge; null for an annual pledge downgrade. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["next_charge_date"]
        except KeyError:
            raise not_requested(self, "next_charge_date") from None
        if value.__class__ is str:
            try:
                return _fromisoformat(value)
            except ValueError:
                pass
        elif value is None:
            return None
        raise bad_value("member", "next_charge_date", value, "an ISO-8601 date-time")

    @property
    def note(self) -> str | None:
        """The creator's private note on the member. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["note"]
        except KeyError:
            raise not_requested(self, "note") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("member", "note", value, "a string")

    @property
    def patron_status(self) -> PatronStatus | str | None:
        """Membership state; null means the member never pledged (free member or follower). None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["patron_status"]
        except KeyError:
            raise not_requested(self, "patron_status") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("member", "patron_status", value, "a string")

    @property
    def pledge_cadence(self) -> int | None:
        """Months between charges. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["pledge_cadence"]
        except KeyError:
            raise not_requested(self, "pledge_cadence") from None
        if value.__class__ is int or value is None:
            return value
        raise bad_value("member", "pledge_cadence", value, "an integer")

    @property
    def pledge_relationship_start(self) -> dt.datetime | None:
        """Start of the current pledge chain. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["pledge_relationship_start"]
        except KeyError:
            raise not_requested(self, "pledge_relationship_start") from None
        if value.__class__ is str:
            try:
                return _fromisoformat(value)
            except ValueError:
                pass
        elif value is None:
            return None
        raise bad_value("member", "pledge_relationship_start", value, "an ISO-8601 date-time")

    @property
    def will_pay_amount_cents(self) -> int | None:
        """Amount of the next charge. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["will_pay_amount_cents"]
        except KeyError:
            raise not_requested(self, "will_pay_amount_cents") from None
        if value.__class__ is int or value is None:
            return value
        raise bad_value("member", "will_pay_amount_cents", value, "an integer")

    def to_dict(self) -> MemberAttributesJSON:
        """A copy of the attributes exactly as Patreon sent them, unknown ones included."""
        return cast("MemberAttributesJSON", dict(self._raw))


class Member(Resource):
    """A user's membership of a campaign. Ids are UUIDs [PD samples, GO]. [PD 46077b3] [PAT]"""

    __slots__ = ()
    resource_type: ClassVar[str] = "member"
    attributes_class: ClassVar[type[AttributesView]] = MemberAttributes
    relationship_names: ClassVar[frozenset[str] | None] = frozenset(
        ("address", "campaign", "currently_entitled_tiers", "pledge_history", "user")
    )

    @property
    def attributes(self) -> MemberAttributes:
        view = self._view  # kept from the second read on (see Resource in patreon_runtime.jsonapi)
        if view is None or view is False:
            raw = self._raw.get("attributes")
            if NATIVE:  # compiled: the native constructor (see `new` in patreon_runtime.jsonapi)
                made = MemberAttributes(raw if type(raw) is dict else {})
            else:
                made = new(MemberAttributes)  # no __init__ frame
                made._raw = raw if type(raw) is dict else {}
            self._view = made if view is False else False
            return made
        return view  # type: ignore[return-value]  # the MemberAttributes kept above

    @property
    def raw(self) -> MemberJSON:
        """The resource object as parsed from JSON (typed by `raw.MemberJSON`), unknown keys kept."""
        return cast("MemberJSON", self._raw)

    def to_plain(self, depth: int = 2) -> PlainMember:
        """This `member` as plain nested dicts, related resources in place (`plain.PlainMember`)."""
        return cast("PlainMember", super().to_plain(depth))

    @overload
    def related(self, name: Literal["address"]) -> Address | None: ...

    @overload
    def related(self, name: Literal["campaign"]) -> Campaign | None: ...

    @overload
    def related(self, name: Literal["currently_entitled_tiers"]) -> list[Tier]: ...

    @overload
    def related(self, name: Literal["pledge_history"]) -> list[PledgeEvent]: ...

    @overload
    def related(self, name: Literal["user"]) -> User | None: ...

    def related(self, name: str) -> Any:
        """What a relationship points at, in the document this resource came from."""
        return self.related_raw(name)


class OAuthClientAttributes(AttributesView):
    """Attributes of a `oauth-client`; unknown ones stay readable with `[name]`."""

    __slots__ = ()
    owner: ClassVar[str] = "oauth-client"
    secret_attributes: ClassVar[frozenset[str]] = frozenset(["client_secret"])

    @property
    def author_name(self) -> str | None:
        """Author shown on the consent screen. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["author_name"]
        except KeyError:
            raise not_requested(self, "author_name") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("oauth-client", "author_name", value, "a string")

    @property
    def category(self) -> str | None:
        """Client category. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["category"]
        except KeyError:
            raise not_requested(self, "category") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("oauth-client", "category", value, "a string")

    @property
    def client_secret(self) -> str | None:
        """The client secret. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["client_secret"]
        except KeyError:
            raise not_requested(self, "client_secret") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("oauth-client", "client_secret", value, "a string")

    @property
    def default_scopes(self) -> str | None:
        """Default scopes (deprecated). Deprecated. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["default_scopes"]
        except KeyError:
            raise not_requested(self, "default_scopes") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("oauth-client", "default_scopes", value, "a string")

    @property
    def description(self) -> str | None:
        """Client description. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["description"]
        except KeyError:
            raise not_requested(self, "description") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("oauth-client", "description", value, "a string")

    @property
    def domain(self) -> str | None:
        """Client domain. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["domain"]
        except KeyError:
            raise not_requested(self, "domain") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("oauth-client", "domain", value, "a string")

    @property
    def icon_url(self) -> str | None:
        """Icon URL. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["icon_url"]
        except KeyError:
            raise not_requested(self, "icon_url") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("oauth-client", "icon_url", value, "a string")

    @property
    def name(self) -> str | None:
        """Client name. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["name"]
        except KeyError:
            raise not_requested(self, "name") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("oauth-client", "name", value, "a string")

    @property
    def privacy_policy_url(self) -> str | None:
        """Privacy policy URL. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["privacy_policy_url"]
        except KeyError:
            raise not_requested(self, "privacy_policy_url") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("oauth-client", "privacy_policy_url", value, "a string")

    @property
    def redirect_uris(self) -> str | None:
        """Registered redirect URIs. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["redirect_uris"]
        except KeyError:
            raise not_requested(self, "redirect_uris") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("oauth-client", "redirect_uris", value, "a string")

    @property
    def tos_url(self) -> str | None:
        """Terms of service URL. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["tos_url"]
        except KeyError:
            raise not_requested(self, "tos_url") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("oauth-client", "tos_url", value, "a string")

    @property
    def version(self) -> int | None:
        """API version the client targets. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["version"]
        except KeyError:
            raise not_requested(self, "version") from None
        if value.__class__ is int or value is None:
            return value
        raise bad_value("oauth-client", "version", value, "an integer")

    def to_dict(self) -> ClientAttributesJSON:
        """A copy of the attributes exactly as Patreon sent them, unknown ones included."""
        return cast("ClientAttributesJSON", dict(self._raw))


class OAuthClient(Resource):
    """An OAuth client under the type string oauth-client, as Patreon's own plugin sends and reads it on /clients [WP patreon_routing.php]; same attributes as Client [PD]."""

    __slots__ = ()
    resource_type: ClassVar[str] = "oauth-client"
    attributes_class: ClassVar[type[AttributesView]] = OAuthClientAttributes
    relationship_names: ClassVar[frozenset[str] | None] = frozenset(("campaign", "user"))

    @property
    def attributes(self) -> OAuthClientAttributes:
        view = self._view  # kept from the second read on (see Resource in patreon_runtime.jsonapi)
        if view is None or view is False:
            raw = self._raw.get("attributes")
            if NATIVE:  # compiled: the native constructor (see `new` in patreon_runtime.jsonapi)
                made = OAuthClientAttributes(raw if type(raw) is dict else {})
            else:
                made = new(OAuthClientAttributes)  # no __init__ frame
                made._raw = raw if type(raw) is dict else {}
            self._view = made if view is False else False
            return made
        return view  # type: ignore[return-value]  # the OAuthClientAttributes kept above

    @property
    def raw(self) -> OAuthClientJSON:
        """The resource object as parsed from JSON (typed by `raw.OAuthClientJSON`), unknown keys kept."""
        return cast("OAuthClientJSON", self._raw)

    def to_plain(self, depth: int = 2) -> PlainOAuthClient:
        """This `oauth-client` as plain nested dicts, related resources in place (`plain.PlainOAuthClient`)."""
        return cast("PlainOAuthClient", super().to_plain(depth))

    @overload
    def related(self, name: Literal["campaign"]) -> Campaign | None: ...

    @overload
    def related(self, name: Literal["user"]) -> User | None: ...

    def related(self, name: str) -> Any:
        """What a relationship points at, in the document this resource came from."""
        return self.related_raw(name)


class PledgeEventAttributes(AttributesView):
    """Attributes of a `pledge-event`; unknown ones stay readable with `[name]`."""

    __slots__ = ()
    owner: ClassVar[str] = "pledge-event"

    @property
    def amount_cents(self) -> int | None:
        """Amount in the patron's payment currency (see currency_code). None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["amount_cents"]
        except KeyError:
            raise not_requested(self, "amount_cents") from None
        if value.__class__ is int or value is None:
            return value
        raise bad_value("pledge-event", "amount_cents", value, "an integer")

    @property
    def currency_code(self) -> str | None:
        """ISO currency code. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["currency_code"]
        except KeyError:
            raise not_requested(self, "currency_code") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("pledge-event", "currency_code", value, "a string")

    @property
    def date(self) -> dt.datetime | None:
        """When the event happened. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["date"]
        except KeyError:
            raise not_requested(self, "date") from None
        if value.__class__ is str:
            try:
                return _fromisoformat(value)
            except ValueError:
                pass
        elif value is None:
            return None
        raise bad_value("pledge-event", "date", value, "an ISO-8601 date-time")

    @property
    def payment_status(self) -> ChargeStatus | str | None:
        """Charge outcome; same values as member.last_charge_status. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["payment_status"]
        except KeyError:
            raise not_requested(self, "payment_status") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("pledge-event", "payment_status", value, "a string")

    @property
    def pledge_payment_status(self) -> PledgePaymentStatus | str | None:
        """Payment processing state. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["pledge_payment_status"]
        except KeyError:
            raise not_requested(self, "pledge_payment_status") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("pledge-event", "pledge_payment_status", value, "a string")

    @property
    def tier_id(self) -> str | None:
        """Id of the tier at the time. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["tier_id"]
        except KeyError:
            raise not_requested(self, "tier_id") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("pledge-event", "tier_id", value, "a string")

    @property
    def tier_title(self) -> str | None:
        """Title of the tier at the time. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["tier_title"]
        except KeyError:
            raise not_requested(self, "tier_title") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("pledge-event", "tier_title", value, "a string")

    @property
    def type_(self) -> PledgeEventType | str | None:
        """Event kind (an attribute, distinct from the JSON:API type). None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["type"]
        except KeyError:
            raise not_requested(self, "type") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("pledge-event", "type", value, "a string")

    def to_dict(self) -> PledgeEventAttributesJSON:
        """A copy of the attributes exactly as Patreon sent them, unknown ones included."""
        return cast("PledgeEventAttributesJSON", dict(self._raw))


class PledgeEvent(Resource):
    """One event in a member's pledge history. Upgrade/downgrade events are reportedly never returned (platform-documentation#41). [PD] [PAT]"""

    __slots__ = ()
    resource_type: ClassVar[str] = "pledge-event"
    attributes_class: ClassVar[type[AttributesView]] = PledgeEventAttributes
    relationship_names: ClassVar[frozenset[str] | None] = frozenset(("campaign", "patron", "tier"))

    @property
    def attributes(self) -> PledgeEventAttributes:
        view = self._view  # kept from the second read on (see Resource in patreon_runtime.jsonapi)
        if view is None or view is False:
            raw = self._raw.get("attributes")
            if NATIVE:  # compiled: the native constructor (see `new` in patreon_runtime.jsonapi)
                made = PledgeEventAttributes(raw if type(raw) is dict else {})
            else:
                made = new(PledgeEventAttributes)  # no __init__ frame
                made._raw = raw if type(raw) is dict else {}
            self._view = made if view is False else False
            return made
        return view  # type: ignore[return-value]  # the PledgeEventAttributes kept above

    @property
    def raw(self) -> PledgeEventJSON:
        """The resource object as parsed from JSON (typed by `raw.PledgeEventJSON`), unknown keys kept."""
        return cast("PledgeEventJSON", self._raw)

    def to_plain(self, depth: int = 2) -> PlainPledgeEvent:
        """This `pledge-event` as plain nested dicts, related resources in place (`plain.PlainPledgeEvent`)."""
        return cast("PlainPledgeEvent", super().to_plain(depth))

    @overload
    def related(self, name: Literal["campaign"]) -> Campaign | None: ...

    @overload
    def related(self, name: Literal["patron"]) -> User | None: ...

    @overload
    def related(self, name: Literal["tier"]) -> Tier | None: ...

    def related(self, name: str) -> Any:
        """What a relationship points at, in the document this resource came from."""
        return self.related_raw(name)


class PostAttributes(AttributesView):
    """Attributes of a `post`; unknown ones stay readable with `[name]`."""

    __slots__ = ()
    owner: ClassVar[str] = "post"

    @property
    def app_id(self) -> int | None:
        """Id of the platform app that made the post. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["app_id"]
        except KeyError:
            raise not_requested(self, "app_id") from None
        if value.__class__ is int or value is None:
            return value
        raise bad_value("post", "app_id", value, "an integer")

    @property
    def app_status(self) -> str | None:
        """Status set by that app. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["app_status"]
        except KeyError:
            raise not_requested(self, "app_status") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("post", "app_status", value, "a string")

    @property
    def content(self) -> str | None:
        """Post body [A:post-content-html]. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["content"]
        except KeyError:
            raise not_requested(self, "content") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("post", "content", value, "a string")

    @property
    def embed_data(self) -> dict[str, Any] | None:
        """Embedded media data. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["embed_data"]
        except KeyError:
            raise not_requested(self, "embed_data") from None
        if value.__class__ is dict or value is None:
            return value
        raise bad_value("post", "embed_data", value, "an object")

    @property
    def embed_url(self) -> str | None:
        """Embedded media URL. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["embed_url"]
        except KeyError:
            raise not_requested(self, "embed_url") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("post", "embed_url", value, "a string")

    @property
    def is_paid(self) -> bool | None:
        """The post charges patrons (pay per post). None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["is_paid"]
        except KeyError:
            raise not_requested(self, "is_paid") from None
        if value is True or value is False or value is None:
            return value
        raise bad_value("post", "is_paid", value, "a boolean")

    @property
    def is_public(self) -> bool | None:
        """Visible to everyone. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["is_public"]
        except KeyError:
            raise not_requested(self, "is_public") from None
        if value is True or value is False or value is None:
            return value
        raise bad_value("post", "is_public", value, "a boolean")

    @property
    def published_at(self) -> dt.datetime | None:
        """When the post was published. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["published_at"]
        except KeyError:
            raise not_requested(self, "published_at") from None
        if value.__class__ is str:
            try:
                return _fromisoformat(value)
            except ValueError:
                pass
        elif value is None:
            return None
        raise bad_value("post", "published_at", value, "an ISO-8601 date-time")

    @property
    def tiers(self) -> list[str] | None:
        """Ids of the tiers the post is locked to. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["tiers"]
        except KeyError:
            raise not_requested(self, "tiers") from None
        if value.__class__ is list or value is None:
            return value
        raise bad_value("post", "tiers", value, "an array")

    @property
    def title(self) -> str | None:
        """Post title. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["title"]
        except KeyError:
            raise not_requested(self, "title") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("post", "title", value, "a string")

    @property
    def url(self) -> str | None:
        """Post URL. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["url"]
        except KeyError:
            raise not_requested(self, "url") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("post", "url", value, "a string")

    def to_dict(self) -> PostAttributesJSON:
        """A copy of the attributes exactly as Patreon sent them, unknown ones included."""
        return cast("PostAttributesJSON", dict(self._raw))


class Post(Resource):
    """A campaign post. [PD] [PAT]"""

    __slots__ = ()
    resource_type: ClassVar[str] = "post"
    attributes_class: ClassVar[type[AttributesView]] = PostAttributes
    relationship_names: ClassVar[frozenset[str] | None] = frozenset(("user", "campaign"))

    @property
    def attributes(self) -> PostAttributes:
        view = self._view  # kept from the second read on (see Resource in patreon_runtime.jsonapi)
        if view is None or view is False:
            raw = self._raw.get("attributes")
            if NATIVE:  # compiled: the native constructor (see `new` in patreon_runtime.jsonapi)
                made = PostAttributes(raw if type(raw) is dict else {})
            else:
                made = new(PostAttributes)  # no __init__ frame
                made._raw = raw if type(raw) is dict else {}
            self._view = made if view is False else False
            return made
        return view  # type: ignore[return-value]  # the PostAttributes kept above

    @property
    def raw(self) -> PostJSON:
        """The resource object as parsed from JSON (typed by `raw.PostJSON`), unknown keys kept."""
        return cast("PostJSON", self._raw)

    def to_plain(self, depth: int = 2) -> PlainPost:
        """This `post` as plain nested dicts, related resources in place (`plain.PlainPost`)."""
        return cast("PlainPost", super().to_plain(depth))

    @overload
    def related(self, name: Literal["user"]) -> User | None: ...

    @overload
    def related(self, name: Literal["campaign"]) -> Campaign | None: ...

    def related(self, name: str) -> Any:
        """What a relationship points at, in the document this resource came from."""
        return self.related_raw(name)


class TierAttributes(AttributesView):
    """Attributes of a `tier`; unknown ones stay readable with `[name]`."""

    __slots__ = ()
    owner: ClassVar[str] = "tier"

    @property
    def amount_cents(self) -> int | None:
        """Tier price. [PD] says U.S. cents, but since multi-currency it is in the campaign currency (platform-documentation PR #46). None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["amount_cents"]
        except KeyError:
            raise not_requested(self, "amount_cents") from None
        if value.__class__ is int or value is None:
            return value
        raise bad_value("tier", "amount_cents", value, "an integer")

    @property
    def created_at(self) -> dt.datetime | None:
        """When the tier was created. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["created_at"]
        except KeyError:
            raise not_requested(self, "created_at") from None
        if value.__class__ is str:
            try:
                return _fromisoformat(value)
            except ValueError:
                pass
        elif value is None:
            return None
        raise bad_value("tier", "created_at", value, "an ISO-8601 date-time")

    @property
    def description(self) -> str | None:
        """Tier description. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["description"]
        except KeyError:
            raise not_requested(self, "description") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("tier", "description", value, "a string")

    @property
    def discord_role_ids(self) -> list[str] | None:
        """Discord roles granted by the tier. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["discord_role_ids"]
        except KeyError:
            raise not_requested(self, "discord_role_ids") from None
        if value.__class__ is list or value is None:
            return value
        raise bad_value("tier", "discord_role_ids", value, "an array")

    @property
    def edited_at(self) -> dt.datetime | None:
        """When the tier was last edited. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["edited_at"]
        except KeyError:
            raise not_requested(self, "edited_at") from None
        if value.__class__ is str:
            try:
                return _fromisoformat(value)
            except ValueError:
                pass
        elif value is None:
            return None
        raise bad_value("tier", "edited_at", value, "an ISO-8601 date-time")

    @property
    def image_url(self) -> str | None:
        """Tier image URL. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["image_url"]
        except KeyError:
            raise not_requested(self, "image_url") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("tier", "image_url", value, "a string")

    @property
    def patron_count(self) -> int | None:
        """Patrons in the tier. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["patron_count"]
        except KeyError:
            raise not_requested(self, "patron_count") from None
        if value.__class__ is int or value is None:
            return value
        raise bad_value("tier", "patron_count", value, "an integer")

    @property
    def post_count(self) -> int | None:
        """Posts locked to the tier. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["post_count"]
        except KeyError:
            raise not_requested(self, "post_count") from None
        if value.__class__ is int or value is None:
            return value
        raise bad_value("tier", "post_count", value, "an integer")

    @property
    def published(self) -> bool | None:
        """The tier is published. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["published"]
        except KeyError:
            raise not_requested(self, "published") from None
        if value is True or value is False or value is None:
            return value
        raise bad_value("tier", "published", value, "a boolean")

    @property
    def published_at(self) -> dt.datetime | None:
        """When the tier was published. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["published_at"]
        except KeyError:
            raise not_requested(self, "published_at") from None
        if value.__class__ is str:
            try:
                return _fromisoformat(value)
            except ValueError:
                pass
        elif value is None:
            return None
        raise bad_value("tier", "published_at", value, "an ISO-8601 date-time")

    @property
    def remaining(self) -> int | None:
        """Slots left when user_limit is set. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["remaining"]
        except KeyError:
            raise not_requested(self, "remaining") from None
        if value.__class__ is int or value is None:
            return value
        raise bad_value("tier", "remaining", value, "an integer")

    @property
    def requires_shipping(self) -> bool | None:
        """The tier collects a shipping address. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["requires_shipping"]
        except KeyError:
            raise not_requested(self, "requires_shipping") from None
        if value is True or value is False or value is None:
            return value
        raise bad_value("tier", "requires_shipping", value, "a boolean")

    @property
    def title(self) -> str | None:
        """Tier title. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["title"]
        except KeyError:
            raise not_requested(self, "title") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("tier", "title", value, "a string")

    @property
    def unpublished_at(self) -> dt.datetime | None:
        """When the tier was unpublished. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["unpublished_at"]
        except KeyError:
            raise not_requested(self, "unpublished_at") from None
        if value.__class__ is str:
            try:
                return _fromisoformat(value)
            except ValueError:
                pass
        elif value is None:
            return None
        raise bad_value("tier", "unpublished_at", value, "an ISO-8601 date-time")

    @property
    def url(self) -> str | None:
        """Tier URL. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["url"]
        except KeyError:
            raise not_requested(self, "url") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("tier", "url", value, "a string")

    @property
    def user_limit(self) -> int | None:
        """Maximum number of patrons. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["user_limit"]
        except KeyError:
            raise not_requested(self, "user_limit") from None
        if value.__class__ is int or value is None:
            return value
        raise bad_value("tier", "user_limit", value, "an integer")

    def to_dict(self) -> TierAttributesJSON:
        """A copy of the attributes exactly as Patreon sent them, unknown ones included."""
        return cast("TierAttributesJSON", dict(self._raw))


class Tier(Resource):
    """A membership tier. [PD] [PAT]"""

    __slots__ = ()
    resource_type: ClassVar[str] = "tier"
    attributes_class: ClassVar[type[AttributesView]] = TierAttributes
    relationship_names: ClassVar[frozenset[str] | None] = frozenset(("benefits", "campaign", "tier_image"))

    @property
    def attributes(self) -> TierAttributes:
        view = self._view  # kept from the second read on (see Resource in patreon_runtime.jsonapi)
        if view is None or view is False:
            raw = self._raw.get("attributes")
            if NATIVE:  # compiled: the native constructor (see `new` in patreon_runtime.jsonapi)
                made = TierAttributes(raw if type(raw) is dict else {})
            else:
                made = new(TierAttributes)  # no __init__ frame
                made._raw = raw if type(raw) is dict else {}
            self._view = made if view is False else False
            return made
        return view  # type: ignore[return-value]  # the TierAttributes kept above

    @property
    def raw(self) -> TierJSON:
        """The resource object as parsed from JSON (typed by `raw.TierJSON`), unknown keys kept."""
        return cast("TierJSON", self._raw)

    def to_plain(self, depth: int = 2) -> PlainTier:
        """This `tier` as plain nested dicts, related resources in place (`plain.PlainTier`)."""
        return cast("PlainTier", super().to_plain(depth))

    @overload
    def related(self, name: Literal["benefits"]) -> list[Benefit]: ...

    @overload
    def related(self, name: Literal["campaign"]) -> Campaign | None: ...

    @overload
    def related(self, name: Literal["tier_image"]) -> Media | None: ...

    def related(self, name: str) -> Any:
        """What a relationship points at, in the document this resource came from."""
        return self.related_raw(name)


class UserAttributes(AttributesView):
    """Attributes of a `user`; unknown ones stay readable with `[name]`."""

    __slots__ = ()
    owner: ClassVar[str] = "user"

    @property
    def about(self) -> str | None:
        """Profile bio. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["about"]
        except KeyError:
            raise not_requested(self, "about") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("user", "about", value, "a string")

    @property
    def can_see_nsfw(self) -> bool | None:
        """The user may see adult content. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["can_see_nsfw"]
        except KeyError:
            raise not_requested(self, "can_see_nsfw") from None
        if value is True or value is False or value is None:
            return value
        raise bad_value("user", "can_see_nsfw", value, "a boolean")

    @property
    def created(self) -> dt.datetime | None:
        """When the user joined (named created, not created_at). None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["created"]
        except KeyError:
            raise not_requested(self, "created") from None
        if value.__class__ is str:
            try:
                return _fromisoformat(value)
            except ValueError:
                pass
        elif value is None:
            return None
        raise bad_value("user", "created", value, "an ISO-8601 date-time")

    @property
    def email(self) -> str | None:
        """User email; the scope it needs depends on the endpoint (x-patreon-scope-rules). Nullable [A:user-email-nullable]. None when Patreon sends null; NotRequestedError when `fields` did not ask for it or the token lacks its scope."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["email"]
        except KeyError:
            raise not_requested(
                self,
                "email",
                ("campaigns.members[email]", "identity[email]"),
                "'campaigns.members[email]' (get_member, list_campaign_members) or 'identity[email]' (get_identity)",
            ) from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("user", "email", value, "a string")

    @property
    def first_name(self) -> str | None:
        """First name. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["first_name"]
        except KeyError:
            raise not_requested(self, "first_name") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("user", "first_name", value, "a string")

    @property
    def full_name(self) -> str | None:
        """Full name. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["full_name"]
        except KeyError:
            raise not_requested(self, "full_name") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("user", "full_name", value, "a string")

    @property
    def hide_pledges(self) -> bool | None:
        """The user hides their pledges. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["hide_pledges"]
        except KeyError:
            raise not_requested(self, "hide_pledges") from None
        if value is True or value is False or value is None:
            return value
        raise bad_value("user", "hide_pledges", value, "a boolean")

    @property
    def image_url(self) -> str | None:
        """Profile image, 400 px wide. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["image_url"]
        except KeyError:
            raise not_requested(self, "image_url") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("user", "image_url", value, "a string")

    @property
    def is_creator(self) -> bool | None:
        """The user has an active campaign. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["is_creator"]
        except KeyError:
            raise not_requested(self, "is_creator") from None
        if value is True or value is False or value is None:
            return value
        raise bad_value("user", "is_creator", value, "a boolean")

    @property
    def is_email_verified(self) -> bool | None:
        """The email is verified. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["is_email_verified"]
        except KeyError:
            raise not_requested(self, "is_email_verified") from None
        if value is True or value is False or value is None:
            return value
        raise bad_value("user", "is_email_verified", value, "a boolean")

    @property
    def last_name(self) -> str | None:
        """Last name. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["last_name"]
        except KeyError:
            raise not_requested(self, "last_name") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("user", "last_name", value, "a string")

    @property
    def like_count(self) -> int | None:
        """Number of likes given. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["like_count"]
        except KeyError:
            raise not_requested(self, "like_count") from None
        if value.__class__ is int or value is None:
            return value
        raise bad_value("user", "like_count", value, "an integer")

    @property
    def social_connections(self) -> dict[str, Any] | None:
        """Map of platform (discord, twitch, youtube, ...) to null or {user_id, url?} [GO] [PD-hist] [PAT]. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["social_connections"]
        except KeyError:
            raise not_requested(self, "social_connections") from None
        if value.__class__ is dict or value is None:
            return value
        raise bad_value("user", "social_connections", value, "an object")

    @property
    def thumb_url(self) -> str | None:
        """Profile image, 100x100. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["thumb_url"]
        except KeyError:
            raise not_requested(self, "thumb_url") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("user", "thumb_url", value, "a string")

    @property
    def url(self) -> str | None:
        """Profile URL. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["url"]
        except KeyError:
            raise not_requested(self, "url") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("user", "url", value, "a string")

    @property
    def vanity(self) -> str | None:
        """Deprecated; use campaign.vanity [PD 2024-12]. Nullable: [PAT] src/schemas/v2/resources/user.ts types it string | null, since users who are not creators may have no vanity. Deprecated. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["vanity"]
        except KeyError:
            raise not_requested(self, "vanity") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("user", "vanity", value, "a string")

    def to_dict(self) -> UserAttributesJSON:
        """A copy of the attributes exactly as Patreon sent them, unknown ones included."""
        return cast("UserAttributesJSON", dict(self._raw))


class User(Resource):
    """A Patreon user. [PD 46077b3] [PAT]"""

    __slots__ = ()
    resource_type: ClassVar[str] = "user"
    attributes_class: ClassVar[type[AttributesView]] = UserAttributes
    relationship_names: ClassVar[frozenset[str] | None] = frozenset(("campaign", "memberships"))

    @property
    def attributes(self) -> UserAttributes:
        view = self._view  # kept from the second read on (see Resource in patreon_runtime.jsonapi)
        if view is None or view is False:
            raw = self._raw.get("attributes")
            if NATIVE:  # compiled: the native constructor (see `new` in patreon_runtime.jsonapi)
                made = UserAttributes(raw if type(raw) is dict else {})
            else:
                made = new(UserAttributes)  # no __init__ frame
                made._raw = raw if type(raw) is dict else {}
            self._view = made if view is False else False
            return made
        return view  # type: ignore[return-value]  # the UserAttributes kept above

    @property
    def raw(self) -> UserJSON:
        """The resource object as parsed from JSON (typed by `raw.UserJSON`), unknown keys kept."""
        return cast("UserJSON", self._raw)

    def to_plain(self, depth: int = 2) -> PlainUser:
        """This `user` as plain nested dicts, related resources in place (`plain.PlainUser`)."""
        return cast("PlainUser", super().to_plain(depth))

    @overload
    def related(self, name: Literal["campaign"]) -> Campaign | None: ...

    @overload
    def related(self, name: Literal["memberships"]) -> list[Member]: ...

    def related(self, name: str) -> Any:
        """What a relationship points at, in the document this resource came from."""
        return self.related_raw(name)


class WebhookAttributes(AttributesView):
    """Attributes of a `webhook`; unknown ones stay readable with `[name]`."""

    __slots__ = ()
    owner: ClassVar[str] = "webhook"
    secret_attributes: ClassVar[frozenset[str]] = frozenset(["secret"])

    @property
    def last_attempted_at(self) -> dt.datetime | None:
        """Last delivery attempt; null right after creation: the create example of [PD _webhooks_v2.md] answers "last_attempted_at": null ([PAT] src/schemas/v2/resources/webhook.ts types it string, which that example contradicts). None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["last_attempted_at"]
        except KeyError:
            raise not_requested(self, "last_attempted_at") from None
        if value.__class__ is str:
            try:
                return _fromisoformat(value)
            except ValueError:
                pass
        elif value is None:
            return None
        raise bad_value("webhook", "last_attempted_at", value, "an ISO-8601 date-time")

    @property
    def num_consecutive_times_failed(self) -> int | None:
        """Failed deliveries in a row. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["num_consecutive_times_failed"]
        except KeyError:
            raise not_requested(self, "num_consecutive_times_failed") from None
        if value.__class__ is int or value is None:
            return value
        raise bad_value("webhook", "num_consecutive_times_failed", value, "an integer")

    @property
    def paused(self) -> bool | None:
        """True after repeated failures; PATCH false to resume and flush the queue [PD]. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["paused"]
        except KeyError:
            raise not_requested(self, "paused") from None
        if value is True or value is False or value is None:
            return value
        raise bad_value("webhook", "paused", value, "a boolean")

    @property
    def secret(self) -> str | None:
        """Key for the X-Patreon-Signature HMAC-MD5. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["secret"]
        except KeyError:
            raise not_requested(self, "secret") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("webhook", "secret", value, "a string")

    @property
    def triggers(self) -> list[Any] | None:
        """Events that fire this webhook. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["triggers"]
        except KeyError:
            raise not_requested(self, "triggers") from None
        if value.__class__ is list or value is None:
            return value
        raise bad_value("webhook", "triggers", value, "an array")

    @property
    def uri(self) -> str | None:
        """The https endpoint Patreon posts to. None when Patreon sends null; NotRequestedError when `fields` did not ask for it."""
        try:  # a missing key is an attribute `fields` did not ask for; a null one is None
            value = self._raw["uri"]
        except KeyError:
            raise not_requested(self, "uri") from None
        if value.__class__ is str or value is None:
            return value
        raise bad_value("webhook", "uri", value, "a string")

    def to_dict(self) -> WebhookAttributesJSON:
        """A copy of the attributes exactly as Patreon sent them, unknown ones included."""
        return cast("WebhookAttributesJSON", dict(self._raw))


class Webhook(Resource):
    """A webhook created by this client. [PD _webhooks_v2.md] [PAT]"""

    __slots__ = ()
    resource_type: ClassVar[str] = "webhook"
    attributes_class: ClassVar[type[AttributesView]] = WebhookAttributes
    relationship_names: ClassVar[frozenset[str] | None] = frozenset(("campaign", "client"))

    @property
    def attributes(self) -> WebhookAttributes:
        view = self._view  # kept from the second read on (see Resource in patreon_runtime.jsonapi)
        if view is None or view is False:
            raw = self._raw.get("attributes")
            if NATIVE:  # compiled: the native constructor (see `new` in patreon_runtime.jsonapi)
                made = WebhookAttributes(raw if type(raw) is dict else {})
            else:
                made = new(WebhookAttributes)  # no __init__ frame
                made._raw = raw if type(raw) is dict else {}
            self._view = made if view is False else False
            return made
        return view  # type: ignore[return-value]  # the WebhookAttributes kept above

    @property
    def raw(self) -> WebhookJSON:
        """The resource object as parsed from JSON (typed by `raw.WebhookJSON`), unknown keys kept."""
        return cast("WebhookJSON", self._raw)

    def to_plain(self, depth: int = 2) -> PlainWebhook:
        """This `webhook` as plain nested dicts, related resources in place (`plain.PlainWebhook`)."""
        return cast("PlainWebhook", super().to_plain(depth))

    @overload
    def related(self, name: Literal["campaign"]) -> Campaign | None: ...

    @overload
    def related(self, name: Literal["client"]) -> Client | None: ...

    def related(self, name: str) -> Any:
        """What a relationship points at, in the document this resource came from."""
        return self.related_raw(name)


RESOURCE_CLASSES: Final[dict[str, type[Resource]]] = {
    "address": Address,
    "benefit": Benefit,
    "campaign": Campaign,
    "client": Client,
    "deliverable": Deliverable,
    "goal": Goal,
    "live": Live,
    "live-access-rule": LiveAccessRule,
    "media": Media,
    "member": Member,
    "oauth-client": OAuthClient,
    "pledge-event": PledgeEvent,
    "post": Post,
    "tier": Tier,
    "user": User,
    "webhook": Webhook,
}

AnyResource = (
    Address
    | Benefit
    | Campaign
    | Client
    | Deliverable
    | Goal
    | Live
    | LiveAccessRule
    | Media
    | Member
    | OAuthClient
    | PledgeEvent
    | Post
    | Tier
    | User
    | Webhook
    | GenericResource
)

__all__ = [
    "RESOURCE_CLASSES",
    "AnyResource",
    "GenericResource",
    "Resource",
    "Address",
    "AddressAttributes",
    "Benefit",
    "BenefitAttributes",
    "Campaign",
    "CampaignAttributes",
    "Client",
    "ClientAttributes",
    "Deliverable",
    "DeliverableAttributes",
    "Goal",
    "GoalAttributes",
    "Live",
    "LiveAttributes",
    "LiveAccessRule",
    "LiveAccessRuleAttributes",
    "Media",
    "MediaAttributes",
    "Member",
    "MemberAttributes",
    "OAuthClient",
    "OAuthClientAttributes",
    "PledgeEvent",
    "PledgeEventAttributes",
    "Post",
    "PostAttributes",
    "Tier",
    "TierAttributes",
    "User",
    "UserAttributes",
    "Webhook",
    "WebhookAttributes",
]
