"""Django admin for staff operators. Day-to-day work happens in the portal's own pages."""

from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount, SocialApp, SocialToken
from allauth.usersessions.models import UserSession
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from tillit.core.audit import audit_record

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
    """Read-only: memberships and roles change on the portal's own pages, whose services
    check the rules and write the audit trail."""

    model = Membership
    extra = 0
    can_delete = False
    fields = ["organisation", "roles_shown", "change_in_portal"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("roles"))
    def roles_shown(self, membership):
        return ", ".join(membership.role_labels)

    @admin.display(description=_("change"))
    def change_in_portal(self, membership):
        url = reverse(
            "accounts:membership_edit",
            kwargs={"pk": membership.organisation_id, "membership_pk": membership.pk},
        )
        return format_html('<a href="{}">{}</a>', url, _("Change roles in the portal"))


ACCESS_FIELDS = ("is_active", "is_staff", "is_superuser")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "name", "is_active", "is_staff", "is_demo", "last_login"]
    search_fields = ["email", "name"]
    list_filter = ["is_active", "is_staff", "is_demo"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["email", "name", "password"]}),
        (
            _("Access"),
            {"fields": ["is_active", "is_staff", "is_superuser", "is_demo", "deletion"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    readonly_fields = ["deletion"]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]

    def has_delete_permission(self, request, obj=None):
        """Accounts are deleted by their owners (the privacy service, which audits and keeps
        the history), never here: deleting would drop memberships behind the audit trail."""
        return False

    @admin.display(description=_("deleting the account"))
    def deletion(self, user):
        return format_html(
            '{} <a href="{}">{}</a>',
            _("The person deletes their own account on"),
            reverse("privacy:delete"),
            _("the page for deleting one's account"),
        ) + format_html(" {}", _("To stop someone signing in, untick “Active”."))

    def save_model(self, request, obj, form, change):
        """Saves, and writes a change of the admin access flags to the audit trail."""
        before = {name: form.initial.get(name) for name in ACCESS_FIELDS} if change else {}
        super().save_model(request, obj, form, change)
        after = {name: getattr(obj, name) for name in ACCESS_FIELDS}
        changed = {k: [before.get(k), v] for k, v in after.items() if change and before[k] != v}
        if changed:
            audit_record(
                actor=request.user,
                action="user.access_changed",
                obj=obj,
                details={"user_id": obj.pk, "fields": changed},
                request=request,
            )


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "short_name", "organisation_number", "members_in_portal"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "organisation_number"]
    autocomplete_fields = ["parent_ministry"]
    raw_id_fields = ["municipality", "county"]
    readonly_fields = ["members_in_portal"]

    def has_delete_permission(self, request, obj=None):
        """Only an organisation without members is deleted here: memberships are removed on
        the portal's page, whose services write the audit trail."""
        if obj is not None and obj.memberships.exists():
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request):
        """No bulk deletion, which would not ask ``has_delete_permission`` per organisation."""
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    @admin.display(description=_("members"))
    def members_in_portal(self, organisation):
        """Members and roles are managed on the portal's page (its services audit them)."""
        if organisation.pk is None:
            return "–"
        url = reverse("accounts:members", kwargs={"pk": organisation.pk})
        return format_html('<a href="{}">{}</a>', url, _("Members and roles in the portal"))


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
