# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""Contains all the data models used in inputs/outputs"""

from .address import Address
from .address_attributes import AddressAttributes
from .address_field import AddressField
from .address_relationships import AddressRelationships
from .authorization_code_token_request import AuthorizationCodeTokenRequest
from .benefit import Benefit
from .benefit_attributes import BenefitAttributes
from .benefit_attributes_app_meta_type_0 import BenefitAttributesAppMetaType0
from .benefit_field import BenefitField
from .benefit_relationships import BenefitRelationships
from .campaign import Campaign
from .campaign_attributes import CampaignAttributes
from .campaign_collection_document import CampaignCollectionDocument
from .campaign_document import CampaignDocument
from .campaign_field import CampaignField
from .campaign_identifier import CampaignIdentifier
from .campaign_relationships import CampaignRelationships
from .charge_status import ChargeStatus
from .client import Client
from .client_attributes import ClientAttributes
from .client_field import ClientField
from .client_relationships import ClientRelationships
from .collection_meta import CollectionMeta
from .deliverable import Deliverable
from .deliverable_attributes import DeliverableAttributes
from .deliverable_field import DeliverableField
from .deliverable_relationships import DeliverableRelationships
from .delivery_status import DeliveryStatus
from .document_links import DocumentLinks
from .error_document import ErrorDocument
from .error_object import ErrorObject
from .error_source import ErrorSource
from .generic_resource import GenericResource
from .generic_resource_attributes import GenericResourceAttributes
from .generic_resource_relationships import GenericResourceRelationships
from .get_campaign_include import GetCampaignInclude
from .get_identity_include import GetIdentityInclude
from .get_live_include import GetLiveInclude
from .get_member_include import GetMemberInclude
from .get_post_include import GetPostInclude
from .goal import Goal
from .goal_attributes import GoalAttributes
from .goal_field import GoalField
from .goal_relationships import GoalRelationships
from .legacy_pledge import LegacyPledge
from .legacy_pledge_attributes import LegacyPledgeAttributes
from .legacy_pledge_relationships import LegacyPledgeRelationships
from .legacy_pledge_webhook_payload import LegacyPledgeWebhookPayload
from .legacy_pledge_webhook_payload_included_item import LegacyPledgeWebhookPayloadIncludedItem
from .legacy_webhook_trigger import LegacyWebhookTrigger
from .list_campaign_members_include import ListCampaignMembersInclude
from .list_campaign_posts_include import ListCampaignPostsInclude
from .list_campaigns_include import ListCampaignsInclude
from .list_webhooks_include import ListWebhooksInclude
from .live import Live
from .live_access_rule import LiveAccessRule
from .live_access_rule_attributes import LiveAccessRuleAttributes
from .live_access_rule_field import LiveAccessRuleField
from .live_access_rule_relationships import LiveAccessRuleRelationships
from .live_access_rule_type import LiveAccessRuleType
from .live_attributes import LiveAttributes
from .live_create_attributes import LiveCreateAttributes
from .live_create_data import LiveCreateData
from .live_create_request import LiveCreateRequest
from .live_document import LiveDocument
from .live_field import LiveField
from .live_relationships import LiveRelationships
from .live_state import LiveState
from .live_update_attributes import LiveUpdateAttributes
from .live_update_data import LiveUpdateData
from .live_update_request import LiveUpdateRequest
from .media import Media
from .media_attributes import MediaAttributes
from .media_attributes_image_urls import MediaAttributesImageUrls
from .media_attributes_metadata_type_0 import MediaAttributesMetadataType0
from .media_attributes_upload_parameters import MediaAttributesUploadParameters
from .media_field import MediaField
from .member import Member
from .member_attributes import MemberAttributes
from .member_collection_document import MemberCollectionDocument
from .member_document import MemberDocument
from .member_field import MemberField
from .member_relationships import MemberRelationships
from .member_webhook_payload import MemberWebhookPayload
from .o_auth_client import OAuthClient
from .o_auth_error_body import OAuthErrorBody
from .pagination import Pagination
from .pagination_cursors import PaginationCursors
from .patron_status import PatronStatus
from .pledge_event import PledgeEvent
from .pledge_event_attributes import PledgeEventAttributes
from .pledge_event_field import PledgeEventField
from .pledge_event_relationships import PledgeEventRelationships
from .pledge_event_type import PledgeEventType
from .pledge_payment_status import PledgePaymentStatus
from .post import Post
from .post_attributes import PostAttributes
from .post_attributes_embed_data_type_0 import PostAttributesEmbedDataType0
from .post_collection_document import PostCollectionDocument
from .post_document import PostDocument
from .post_field import PostField
from .post_relationships import PostRelationships
from .post_webhook_payload import PostWebhookPayload
from .refresh_token_request import RefreshTokenRequest
from .relationship_links import RelationshipLinks
from .resource_identifier import ResourceIdentifier
from .resource_links import ResourceLinks
from .tier import Tier
from .tier_attributes import TierAttributes
from .tier_field import TierField
from .tier_relationships import TierRelationships
from .to_many_relationship import ToManyRelationship
from .to_one_relationship import ToOneRelationship
from .token_response import TokenResponse
from .user import User
from .user_attributes import UserAttributes
from .user_attributes_social_connections import UserAttributesSocialConnections
from .user_document import UserDocument
from .user_field import UserField
from .user_relationships import UserRelationships
from .webhook import Webhook
from .webhook_attributes import WebhookAttributes
from .webhook_campaign_relationship import WebhookCampaignRelationship
from .webhook_collection_document import WebhookCollectionDocument
from .webhook_create_attributes import WebhookCreateAttributes
from .webhook_create_data import WebhookCreateData
from .webhook_create_relationships import WebhookCreateRelationships
from .webhook_create_request import WebhookCreateRequest
from .webhook_document import WebhookDocument
from .webhook_field import WebhookField
from .webhook_relationships import WebhookRelationships
from .webhook_trigger import WebhookTrigger
from .webhook_update_attributes import WebhookUpdateAttributes
from .webhook_update_data import WebhookUpdateData
from .webhook_update_request import WebhookUpdateRequest

__all__ = (
    "Address",
    "AddressAttributes",
    "AddressField",
    "AddressRelationships",
    "AuthorizationCodeTokenRequest",
    "Benefit",
    "BenefitAttributes",
    "BenefitAttributesAppMetaType0",
    "BenefitField",
    "BenefitRelationships",
    "Campaign",
    "CampaignAttributes",
    "CampaignCollectionDocument",
    "CampaignDocument",
    "CampaignField",
    "CampaignIdentifier",
    "CampaignRelationships",
    "ChargeStatus",
    "Client",
    "ClientAttributes",
    "ClientField",
    "ClientRelationships",
    "CollectionMeta",
    "Deliverable",
    "DeliverableAttributes",
    "DeliverableField",
    "DeliverableRelationships",
    "DeliveryStatus",
    "DocumentLinks",
    "ErrorDocument",
    "ErrorObject",
    "ErrorSource",
    "GenericResource",
    "GenericResourceAttributes",
    "GenericResourceRelationships",
    "GetCampaignInclude",
    "GetIdentityInclude",
    "GetLiveInclude",
    "GetMemberInclude",
    "GetPostInclude",
    "Goal",
    "GoalAttributes",
    "GoalField",
    "GoalRelationships",
    "LegacyPledge",
    "LegacyPledgeAttributes",
    "LegacyPledgeRelationships",
    "LegacyPledgeWebhookPayload",
    "LegacyPledgeWebhookPayloadIncludedItem",
    "LegacyWebhookTrigger",
    "ListCampaignMembersInclude",
    "ListCampaignPostsInclude",
    "ListCampaignsInclude",
    "ListWebhooksInclude",
    "Live",
    "LiveAccessRule",
    "LiveAccessRuleAttributes",
    "LiveAccessRuleField",
    "LiveAccessRuleRelationships",
    "LiveAccessRuleType",
    "LiveAttributes",
    "LiveCreateAttributes",
    "LiveCreateData",
    "LiveCreateRequest",
    "LiveDocument",
    "LiveField",
    "LiveRelationships",
    "LiveState",
    "LiveUpdateAttributes",
    "LiveUpdateData",
    "LiveUpdateRequest",
    "Media",
    "MediaAttributes",
    "MediaAttributesImageUrls",
    "MediaAttributesMetadataType0",
    "MediaAttributesUploadParameters",
    "MediaField",
    "Member",
    "MemberAttributes",
    "MemberCollectionDocument",
    "MemberDocument",
    "MemberField",
    "MemberRelationships",
    "MemberWebhookPayload",
    "OAuthClient",
    "OAuthErrorBody",
    "Pagination",
    "PaginationCursors",
    "PatronStatus",
    "PledgeEvent",
    "PledgeEventAttributes",
    "PledgeEventField",
    "PledgeEventRelationships",
    "PledgeEventType",
    "PledgePaymentStatus",
    "Post",
    "PostAttributes",
    "PostAttributesEmbedDataType0",
    "PostCollectionDocument",
    "PostDocument",
    "PostField",
    "PostRelationships",
    "PostWebhookPayload",
    "RefreshTokenRequest",
    "RelationshipLinks",
    "ResourceIdentifier",
    "ResourceLinks",
    "Tier",
    "TierAttributes",
    "TierField",
    "TierRelationships",
    "TokenResponse",
    "ToManyRelationship",
    "ToOneRelationship",
    "User",
    "UserAttributes",
    "UserAttributesSocialConnections",
    "UserDocument",
    "UserField",
    "UserRelationships",
    "Webhook",
    "WebhookAttributes",
    "WebhookCampaignRelationship",
    "WebhookCollectionDocument",
    "WebhookCreateAttributes",
    "WebhookCreateData",
    "WebhookCreateRelationships",
    "WebhookCreateRequest",
    "WebhookDocument",
    "WebhookField",
    "WebhookRelationships",
    "WebhookTrigger",
    "WebhookUpdateAttributes",
    "WebhookUpdateData",
    "WebhookUpdateRequest",
)
