"""allauth's social account hooks: the user's name from the provider, and when sign-up must
ask the user (no name or no e-mail address from the provider)."""

from allauth.socialaccount.adapter import DefaultSocialAccountAdapter


class PortalSocialAccountAdapter(DefaultSocialAccountAdapter):
    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        given = " ".join(p for p in (data.get("first_name"), data.get("last_name")) if p)
        user.name = (data.get("name") or given or "").strip()[:150]
        return user

    def is_auto_signup_allowed(self, request, sociallogin):
        """Sign up without a form only when the provider gave both a name and an e-mail
        address; otherwise the sign-up form asks (ID-porten gives neither)."""
        user = sociallogin.user
        has_details = bool(user and user.name and sociallogin.email_addresses)
        return has_details and super().is_auto_signup_allowed(request, sociallogin)

    def get_signup_form_initial_data(self, sociallogin):
        initial = super().get_signup_form_initial_data(sociallogin)
        initial["name"] = getattr(sociallogin.user, "name", "") or ""
        return initial
