# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""Which operation a request is: method + path against every operation's path template.

One matcher (patreon_runtime.routing) for scope checks in patreon_auth and the sandbox's router.
"""

from patreon_runtime.routing import RouteTable

match = RouteTable(
    {
        "get_identity": {"method": "GET", "path": "/api/oauth2/v2/identity"},
        "list_campaigns": {"method": "GET", "path": "/api/oauth2/v2/campaigns"},
        "get_campaign": {"method": "GET", "path": "/api/oauth2/v2/campaigns/{campaign_id}"},
        "list_campaign_members": {"method": "GET", "path": "/api/oauth2/v2/campaigns/{campaign_id}/members"},
        "get_member": {"method": "GET", "path": "/api/oauth2/v2/members/{member_id}"},
        "list_campaign_posts": {"method": "GET", "path": "/api/oauth2/v2/campaigns/{campaign_id}/posts"},
        "get_post": {"method": "GET", "path": "/api/oauth2/v2/posts/{post_id}"},
        "list_webhooks": {"method": "GET", "path": "/api/oauth2/v2/webhooks"},
        "create_webhook": {"method": "POST", "path": "/api/oauth2/v2/webhooks"},
        "update_webhook": {"method": "PATCH", "path": "/api/oauth2/v2/webhooks/{webhook_id}"},
        "delete_webhook": {"method": "DELETE", "path": "/api/oauth2/v2/webhooks/{webhook_id}"},
        "create_live": {"method": "POST", "path": "/api/oauth2/v2/lives"},
        "get_live": {"method": "GET", "path": "/api/oauth2/v2/lives/{live_id}"},
        "update_live": {"method": "PATCH", "path": "/api/oauth2/v2/lives/{live_id}"},
        "delete_live": {"method": "DELETE", "path": "/api/oauth2/v2/lives/{live_id}"},
    }
).match

__all__ = ["match"]
