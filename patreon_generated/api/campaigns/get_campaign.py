# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.benefit_field import BenefitField
from ...models.campaign_document import CampaignDocument
from ...models.campaign_field import CampaignField
from ...models.error_document import ErrorDocument
from ...models.get_campaign_include import GetCampaignInclude
from ...models.goal_field import GoalField
from ...models.live_access_rule_field import LiveAccessRuleField
from ...models.media_field import MediaField
from ...models.tier_field import TierField
from ...models.user_field import UserField
from ...types import UNSET, Response, Unset


def _get_kwargs(
    campaign_id: str,
    *,
    include: list[GetCampaignInclude] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    fields_tier: list[TierField] | Unset = UNSET,
    fields_user: list[UserField] | Unset = UNSET,
    fields_benefit: list[BenefitField] | Unset = UNSET,
    fields_goal: list[GoalField] | Unset = UNSET,
    fields_live_access_rule: list[LiveAccessRuleField] | Unset = UNSET,
    fields_media: list[MediaField] | Unset = UNSET,
    user_agent: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(user_agent, Unset):
        headers["User-Agent"] = user_agent

    params: dict[str, Any] = {}

    json_include: list[str] | Unset = UNSET
    if not isinstance(include, Unset):
        json_include = []
        for include_item_data in include:
            include_item: str = include_item_data
            json_include.append(include_item)

    if json_include:
        params["include"] = ",".join(str(item) for item in json_include)

    json_fields_campaign: list[str] | Unset = UNSET
    if not isinstance(fields_campaign, Unset):
        json_fields_campaign = []
        for fields_campaign_item_data in fields_campaign:
            fields_campaign_item: str = fields_campaign_item_data
            json_fields_campaign.append(fields_campaign_item)

    if json_fields_campaign:
        params["fields[campaign]"] = ",".join(str(item) for item in json_fields_campaign)

    json_fields_tier: list[str] | Unset = UNSET
    if not isinstance(fields_tier, Unset):
        json_fields_tier = []
        for fields_tier_item_data in fields_tier:
            fields_tier_item: str = fields_tier_item_data
            json_fields_tier.append(fields_tier_item)

    if json_fields_tier:
        params["fields[tier]"] = ",".join(str(item) for item in json_fields_tier)

    json_fields_user: list[str] | Unset = UNSET
    if not isinstance(fields_user, Unset):
        json_fields_user = []
        for fields_user_item_data in fields_user:
            fields_user_item: str = fields_user_item_data
            json_fields_user.append(fields_user_item)

    if json_fields_user:
        params["fields[user]"] = ",".join(str(item) for item in json_fields_user)

    json_fields_benefit: list[str] | Unset = UNSET
    if not isinstance(fields_benefit, Unset):
        json_fields_benefit = []
        for fields_benefit_item_data in fields_benefit:
            fields_benefit_item: str = fields_benefit_item_data
            json_fields_benefit.append(fields_benefit_item)

    if json_fields_benefit:
        params["fields[benefit]"] = ",".join(str(item) for item in json_fields_benefit)

    json_fields_goal: list[str] | Unset = UNSET
    if not isinstance(fields_goal, Unset):
        json_fields_goal = []
        for fields_goal_item_data in fields_goal:
            fields_goal_item: str = fields_goal_item_data
            json_fields_goal.append(fields_goal_item)

    if json_fields_goal:
        params["fields[goal]"] = ",".join(str(item) for item in json_fields_goal)

    json_fields_live_access_rule: list[str] | Unset = UNSET
    if not isinstance(fields_live_access_rule, Unset):
        json_fields_live_access_rule = []
        for fields_live_access_rule_item_data in fields_live_access_rule:
            fields_live_access_rule_item: str = fields_live_access_rule_item_data
            json_fields_live_access_rule.append(fields_live_access_rule_item)

    if json_fields_live_access_rule:
        params["fields[live-access-rule]"] = ",".join(str(item) for item in json_fields_live_access_rule)

    json_fields_media: list[str] | Unset = UNSET
    if not isinstance(fields_media, Unset):
        json_fields_media = []
        for fields_media_item_data in fields_media:
            fields_media_item: str = fields_media_item_data
            json_fields_media.append(fields_media_item)

    if json_fields_media:
        params["fields[media]"] = ",".join(str(item) for item in json_fields_media)

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/oauth2/v2/campaigns/{campaign_id}".format(
            campaign_id=quote(str(campaign_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CampaignDocument | ErrorDocument | None:
    if response.status_code == 200:
        response_200 = CampaignDocument.from_dict(response.json())

        return response_200

    if response.status_code == 429:
        response_429 = ErrorDocument.from_dict(response.json())

        return response_429

    if 400 <= response.status_code <= 499:
        response_4xx = ErrorDocument.from_dict(response.json())

        return response_4xx

    if 500 <= response.status_code <= 599:
        response_5xx = ErrorDocument.from_dict(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CampaignDocument | ErrorDocument]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    campaign_id: str,
    *,
    client: AuthenticatedClient,
    include: list[GetCampaignInclude] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    fields_tier: list[TierField] | Unset = UNSET,
    fields_user: list[UserField] | Unset = UNSET,
    fields_benefit: list[BenefitField] | Unset = UNSET,
    fields_goal: list[GoalField] | Unset = UNSET,
    fields_live_access_rule: list[LiveAccessRuleField] | Unset = UNSET,
    fields_media: list[MediaField] | Unset = UNSET,
    user_agent: str | Unset = UNSET,
) -> Response[CampaignDocument | ErrorDocument]:
    """Fetch one campaign

     A single campaign [PD]; response shape per [KG] sample.

    Args:
        campaign_id (str):
        include (list[GetCampaignInclude] | Unset):
        fields_campaign (list[CampaignField] | Unset):
        fields_tier (list[TierField] | Unset):
        fields_user (list[UserField] | Unset):
        fields_benefit (list[BenefitField] | Unset):
        fields_goal (list[GoalField] | Unset):
        fields_live_access_rule (list[LiveAccessRuleField] | Unset):
        fields_media (list[MediaField] | Unset):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CampaignDocument | ErrorDocument]
    """

    kwargs = _get_kwargs(
        campaign_id=campaign_id,
        include=include,
        fields_campaign=fields_campaign,
        fields_tier=fields_tier,
        fields_user=fields_user,
        fields_benefit=fields_benefit,
        fields_goal=fields_goal,
        fields_live_access_rule=fields_live_access_rule,
        fields_media=fields_media,
        user_agent=user_agent,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    campaign_id: str,
    *,
    client: AuthenticatedClient,
    include: list[GetCampaignInclude] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    fields_tier: list[TierField] | Unset = UNSET,
    fields_user: list[UserField] | Unset = UNSET,
    fields_benefit: list[BenefitField] | Unset = UNSET,
    fields_goal: list[GoalField] | Unset = UNSET,
    fields_live_access_rule: list[LiveAccessRuleField] | Unset = UNSET,
    fields_media: list[MediaField] | Unset = UNSET,
    user_agent: str | Unset = UNSET,
) -> CampaignDocument | ErrorDocument | None:
    """Fetch one campaign

     A single campaign [PD]; response shape per [KG] sample.

    Args:
        campaign_id (str):
        include (list[GetCampaignInclude] | Unset):
        fields_campaign (list[CampaignField] | Unset):
        fields_tier (list[TierField] | Unset):
        fields_user (list[UserField] | Unset):
        fields_benefit (list[BenefitField] | Unset):
        fields_goal (list[GoalField] | Unset):
        fields_live_access_rule (list[LiveAccessRuleField] | Unset):
        fields_media (list[MediaField] | Unset):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CampaignDocument | ErrorDocument
    """

    return sync_detailed(
        campaign_id=campaign_id,
        client=client,
        include=include,
        fields_campaign=fields_campaign,
        fields_tier=fields_tier,
        fields_user=fields_user,
        fields_benefit=fields_benefit,
        fields_goal=fields_goal,
        fields_live_access_rule=fields_live_access_rule,
        fields_media=fields_media,
        user_agent=user_agent,
    ).parsed


async def asyncio_detailed(
    campaign_id: str,
    *,
    client: AuthenticatedClient,
    include: list[GetCampaignInclude] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    fields_tier: list[TierField] | Unset = UNSET,
    fields_user: list[UserField] | Unset = UNSET,
    fields_benefit: list[BenefitField] | Unset = UNSET,
    fields_goal: list[GoalField] | Unset = UNSET,
    fields_live_access_rule: list[LiveAccessRuleField] | Unset = UNSET,
    fields_media: list[MediaField] | Unset = UNSET,
    user_agent: str | Unset = UNSET,
) -> Response[CampaignDocument | ErrorDocument]:
    """Fetch one campaign

     A single campaign [PD]; response shape per [KG] sample.

    Args:
        campaign_id (str):
        include (list[GetCampaignInclude] | Unset):
        fields_campaign (list[CampaignField] | Unset):
        fields_tier (list[TierField] | Unset):
        fields_user (list[UserField] | Unset):
        fields_benefit (list[BenefitField] | Unset):
        fields_goal (list[GoalField] | Unset):
        fields_live_access_rule (list[LiveAccessRuleField] | Unset):
        fields_media (list[MediaField] | Unset):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CampaignDocument | ErrorDocument]
    """

    kwargs = _get_kwargs(
        campaign_id=campaign_id,
        include=include,
        fields_campaign=fields_campaign,
        fields_tier=fields_tier,
        fields_user=fields_user,
        fields_benefit=fields_benefit,
        fields_goal=fields_goal,
        fields_live_access_rule=fields_live_access_rule,
        fields_media=fields_media,
        user_agent=user_agent,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    campaign_id: str,
    *,
    client: AuthenticatedClient,
    include: list[GetCampaignInclude] | Unset = UNSET,
    fields_campaign: list[CampaignField] | Unset = UNSET,
    fields_tier: list[TierField] | Unset = UNSET,
    fields_user: list[UserField] | Unset = UNSET,
    fields_benefit: list[BenefitField] | Unset = UNSET,
    fields_goal: list[GoalField] | Unset = UNSET,
    fields_live_access_rule: list[LiveAccessRuleField] | Unset = UNSET,
    fields_media: list[MediaField] | Unset = UNSET,
    user_agent: str | Unset = UNSET,
) -> CampaignDocument | ErrorDocument | None:
    """Fetch one campaign

     A single campaign [PD]; response shape per [KG] sample.

    Args:
        campaign_id (str):
        include (list[GetCampaignInclude] | Unset):
        fields_campaign (list[CampaignField] | Unset):
        fields_tier (list[TierField] | Unset):
        fields_user (list[UserField] | Unset):
        fields_benefit (list[BenefitField] | Unset):
        fields_goal (list[GoalField] | Unset):
        fields_live_access_rule (list[LiveAccessRuleField] | Unset):
        fields_media (list[MediaField] | Unset):
        user_agent (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CampaignDocument | ErrorDocument
    """

    return (
        await asyncio_detailed(
            campaign_id=campaign_id,
            client=client,
            include=include,
            fields_campaign=fields_campaign,
            fields_tier=fields_tier,
            fields_user=fields_user,
            fields_benefit=fields_benefit,
            fields_goal=fields_goal,
            fields_live_access_rule=fields_live_access_rule,
            fields_media=fields_media,
            user_agent=user_agent,
        )
    ).parsed
