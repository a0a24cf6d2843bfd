from django.contrib import admin

from lianxin.core.admin import ReadOnlyAdmin

from .models import OrganisationOffice, Person, RoleGrant, Unit


class GrantInline(admin.TabularInline):
    model = RoleGrant
    fk_name = "person"
    extra = 0
    fields = ("unit", "role", "granted_by", "created_at")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Unit)
class UnitAdmin(ReadOnlyAdmin):
    list_display = ["name", "kind", "code", "parent", "depth", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "code"]


@admin.register(Person)
class PersonAdmin(ReadOnlyAdmin):
    list_display = ["name", "unit", "position", "is_party_member", "is_active"]
    list_filter = ["is_party_member", "is_active", "unit"]
    search_fields = ["name", "position", "user__username"]
    inlines = [GrantInline]


@admin.register(RoleGrant)
class RoleGrantAdmin(ReadOnlyAdmin):
    list_display = ["person", "unit", "role", "created_at"]
    list_filter = ["role", "unit"]


@admin.register(OrganisationOffice)
class OrganisationOfficeAdmin(ReadOnlyAdmin):
    list_display = ["root", "unit"]
