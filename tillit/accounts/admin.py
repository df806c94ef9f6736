"""Django admin for staff operators. Day-to-day work happens in the portal's own pages."""

from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount, SocialApp, SocialToken
from allauth.usersessions.models import UserSession
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from .models import Membership, Organisation, User
from .security import mfa_authenticator_remove, user_sessions_end

admin.site.unregister(Group)  # roles are per organisation membership, not global groups
# Single sign-on is configured from the environment (OIDC_*) and stores no tokens; the links
# between users and the provider are managed by the users themselves at /konto/3rdparty/.
admin.site.unregister(SocialApp)
admin.site.unregister(SocialToken)
admin.site.unregister(SocialAccount)
admin.site.site_header = _("Tillitsportalen administration")


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "name", "is_active", "is_staff", "is_demo", "last_login"]
    search_fields = ["email", "name"]
    list_filter = ["is_active", "is_staff", "is_demo"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["email", "name", "password"]}),
        (_("Access"), {"fields": ["is_active", "is_staff", "is_superuser", "is_demo"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "short_name", "organisation_number"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "organisation_number"]
    autocomplete_fields = ["parent_ministry"]
    raw_id_fields = ["municipality", "county"]


# --- Two-factor authenticators and sessions: editors see them and can remove them (a user who
# lost their phone), but never add, change or read their secrets. -----------------------------
admin.site.unregister(Authenticator)
admin.site.unregister(UserSession)


@admin.register(Authenticator)
class AuthenticatorAdmin(admin.ModelAdmin):
    list_display = ("user", "type", "created_at", "last_used_at")
    list_filter = ("type",)
    search_fields = ("user__email",)
    fields = ("user", "type", "created_at", "last_used_at")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def delete_model(self, request, obj):
        mfa_authenticator_remove(authenticator=obj, by=request.user, request=request)

    def delete_queryset(self, request, queryset):
        for authenticator in queryset:
            mfa_authenticator_remove(authenticator=authenticator, by=request.user, request=request)


@admin.register(UserSession)
class UserSessionAdmin(admin.ModelAdmin):
    list_display = ("user", "created_at", "last_seen_at", "ip", "user_agent")
    search_fields = ("user__email", "ip")
    fields = ("user", "created_at", "last_seen_at", "ip", "user_agent")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def delete_model(self, request, obj):
        user_sessions_end(
            user=obj.user, by=request.user, sessions=[obj], reason="by_admin", request=request
        )

    def delete_queryset(self, request, queryset):
        for session in queryset.select_related("user"):
            self.delete_model(request, session)
