"""Setting up the register: categories and time limits (administrators), common answers
(the unit's leaders and handlers). Each change is one transaction with one audit event."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from lianxin.core.actor import as_actor
from lianxin.core.audit import record_event, snapshot
from lianxin.core.errors import ApplicationError
from lianxin.org.access import has_role_over, is_admin_of
from lianxin.org.models import Role, Unit

from .. import categories
from ..models import Category, Kind, ReplyTemplate, TimeLimit
from .base import _text

LIMIT_FIELDS = ["accept_hours", "accept_workdays", "reply_hours", "reply_workdays"]


def _require_admin(actor, root: Unit) -> None:
    """An administrator of the organisation, or the system (a command, the demo); never
    unchecked: `None` raises TypeError (core.actor)."""
    actor = as_actor(actor)
    if actor.is_system:
        return
    if actor.is_citizen or not is_admin_of(actor.login, root):
        raise PermissionDenied


def category_save(
    *,
    root: Unit,
    name: str,
    default_unit: Unit | None = None,
    sort_order: int = 0,
    is_active: bool = True,
    category: Category | None = None,
    actor,
) -> Category:
    _require_admin(actor, root)
    name = _text(name, field="name", label=_("The name"), limit=50)
    if default_unit is not None and not default_unit.path.startswith(root.path):
        raise ApplicationError(_("Choose a unit of this organisation."), field="default_unit")
    clash = Category.objects.filter(root=root, name=name)
    if category is not None:
        clash = clash.exclude(pk=category.pk)
    if clash.exists():
        raise ApplicationError(
            _("There is already a category %(name)s.") % {"name": name}, field="name"
        )
    with transaction.atomic():
        before = snapshot(category, ["name", "default_unit", "is_active"]) if category else None
        category = category or Category(root=root)
        category.name, category.default_unit = name, default_unit
        category.sort_order, category.is_active = sort_order, is_active
        category.save()
        categories.changed(root.pk)
        record_event(
            actor=actor,
            action="category.save",
            obj=category,
            before=before,
            after=snapshot(category, ["name", "default_unit", "is_active"]),
        )
    return category


def time_limit_set(
    *,
    root: Unit,
    category: Category | None,
    kind: str,
    urgent: bool,
    accept_hours: int | None = None,
    accept_workdays: int | None = None,
    reply_hours: int | None = None,
    reply_workdays: int | None = None,
    actor,
) -> TimeLimit:
    """Set the organisation's own limit for a category and kind (blank: any)."""
    _require_admin(actor, root)
    if category is not None and category.root_id != root.pk:
        raise ApplicationError(_("Choose a category from the list."), field="category")
    if kind and kind not in Kind.values:
        raise ApplicationError(_("Choose what kind of item this is."), field="kind")
    values = {
        "accept_hours": accept_hours,
        "accept_workdays": accept_workdays,
        "reply_hours": reply_hours,
        "reply_workdays": reply_workdays,
    }
    for name, value in values.items():
        if value is not None and not 1 <= value <= 365:
            raise ApplicationError(_("Enter a number from 1 to 365."), field=name)
    if accept_hours and accept_workdays:
        raise ApplicationError(
            _("Give the accept limit in hours or in working days, not both."), field="accept_hours"
        )
    if reply_hours and reply_workdays:
        raise ApplicationError(
            _("Give the reply limit in hours or in working days, not both."), field="reply_hours"
        )
    if not any(values.values()):
        raise ApplicationError(_("Give at least one limit."), field="reply_workdays")
    with transaction.atomic():
        limit = TimeLimit.objects.filter(
            root=root, category=category, kind=kind or "", urgent=urgent
        ).first() or TimeLimit(root=root, category=category, kind=kind or "", urgent=urgent)
        before = snapshot(limit, LIMIT_FIELDS) if limit.pk else None
        for name, value in values.items():
            setattr(limit, name, value)
        limit.save()
        record_event(
            actor=actor,
            action="time_limit.set",
            obj=limit,
            before=before,
            after=snapshot(limit, LIMIT_FIELDS),
        )
    return limit


def time_limit_delete(*, limit: TimeLimit, actor) -> None:
    _require_admin(actor, limit.root)
    with transaction.atomic():
        record_event(
            actor=actor, action="time_limit.delete", obj=limit, before=snapshot(limit, LIMIT_FIELDS)
        )
        limit.delete()


def _require_unit_staff(actor, unit: Unit) -> None:
    actor = as_actor(actor)
    if actor.is_system:
        return
    if actor.is_citizen or not has_role_over(
        actor.login, unit, (Role.LEADER, Role.HANDLER, Role.ADMIN)
    ):
        raise PermissionDenied


def reply_template_save(
    *, unit: Unit, title: str, text: str, category: Category | None = None, actor
) -> ReplyTemplate:
    _require_unit_staff(actor, unit)
    title = _text(title, field="title", label=_("The title"), limit=50)
    text = _text(text, field="text", label=_("The text"), limit=2000)
    if category is not None and category.root_id != unit.root_id:
        raise ApplicationError(_("Choose a category from the list."), field="category")
    with transaction.atomic():
        template = ReplyTemplate.objects.create(
            unit=unit, category=category, title=title, text=text
        )
        record_event(
            actor=actor,
            action="reply_template.create",
            obj=template,
            after=snapshot(template, ["unit", "category", "title"]),
        )
    return template


def reply_template_delete(*, template: ReplyTemplate, actor) -> None:
    _require_unit_staff(actor, template.unit)
    with transaction.atomic():
        record_event(
            actor=actor,
            action="reply_template.delete",
            obj=template,
            before=snapshot(template, ["unit", "title", "text"]),
        )
        template.delete()


def extension_rule_set(
    *, root: Unit, dispatchers: bool, supervisors: bool, leaders_above: bool, actor
):
    """Who decides extensions in this organisation (always above the lead unit)."""
    from ..models import ExtensionRule

    _require_admin(actor, root)
    if not (dispatchers or supervisors or leaders_above):
        raise ApplicationError(_("Someone must decide extensions: tick at least one."))
    with transaction.atomic():
        rule, _created = ExtensionRule.objects.update_or_create(
            root=root,
            defaults={
                "dispatchers": dispatchers,
                "supervisors": supervisors,
                "leaders_above": leaders_above,
            },
        )
        record_event(
            actor=actor,
            action="extension_rule.set",
            obj=rule,
            after=snapshot(rule, ["dispatchers", "supervisors", "leaders_above"]),
        )
    return rule
