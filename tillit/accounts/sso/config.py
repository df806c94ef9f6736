"""allauth's app configuration built from the ``OIDC_*`` environment variables.

Imported by the settings, so it must not import Django models.
"""


def sso_apps(
    *,
    provider_id: str,
    name: str,
    server_url: str,
    client_id: str,
    secret: str,
    scopes: list[str],
    token_auth_method: str = "",
    acr_values: str = "",
) -> list[dict]:
    """One allauth app for the configured provider, or none when SSO is not configured."""
    if not (server_url and client_id):
        return []
    app_settings = {"server_url": server_url, "scope": scopes, "oauth_pkce_enabled": True}
    if token_auth_method:
        app_settings["token_auth_method"] = token_auth_method
    if acr_values:
        app_settings["auth_params"] = {"acr_values": acr_values}
    return [
        {
            "provider_id": provider_id,
            "name": name,
            "client_id": client_id,
            "secret": secret,
            "settings": app_settings,
        }
    ]
