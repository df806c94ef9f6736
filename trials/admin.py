"""Editors keep the reference table of laws in the administration (staff only)."""

from django.contrib import admin

from .models import LegalAct


@admin.register(LegalAct)
class LegalActAdmin(admin.ModelAdmin):
    list_display = ["short_name", "title", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["short_name", "title"]
