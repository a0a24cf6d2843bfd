"""Django admin for superusers: browsing only. Every change goes through the workbench
forms, which call the actions (one transaction, one audit event); see
docs/decisions/001-admin-is-read-only.md."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import AuditEvent, CalendarYear, User, WorkdayOverride


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(User)
class LianxinUserAdmin(UserAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["at", "actor", "action", "object_type", "object_repr"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_repr", "object_id"]
    date_hierarchy = "at"


@admin.register(WorkdayOverride)
class WorkdayOverrideAdmin(ReadOnlyAdmin):
    list_display = ["date", "kind", "note"]
    list_filter = ["kind"]
    date_hierarchy = "date"


@admin.register(CalendarYear)
class CalendarYearAdmin(ReadOnlyAdmin):
    list_display = ["year", "source", "entered_at"]
