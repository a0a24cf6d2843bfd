"""Who hears of a case's steps, and what the citizen is told through his channel."""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from lianxin.core.notify import notify_citizen, notify_staff
from lianxin.org.models import Person, Role, RoleGrant

from .models import Case


def case_url(case: Case) -> str:
    return reverse("workbench:case_detail", args=[case.code])


def case_url_pattern() -> str:
    """A case's address with CODE for its code (reverse() once for a whole batch)."""
    return reverse("workbench:case_detail", args=["CODE"])


def _users_with(role: str, unit_ids) -> list:
    return [
        g.person.user
        for g in RoleGrant.objects.filter(role=role, unit_id__in=list(unit_ids)).select_related(
            "person__user"
        )
        if g.person.is_active
    ]


def handlers_and_leaders(case: Case) -> list:
    """The assigned handler (or the lead unit's handlers) and the lead unit's leaders
    (one query)."""
    if case.lead_unit_id is None:
        return []
    grants = RoleGrant.objects.filter(
        unit_id=case.lead_unit_id, role__in=[Role.LEADER, Role.HANDLER], person__is_active=True
    ).select_related("person__user")
    users = [g.person.user for g in grants if g.role == Role.LEADER]
    handlers = [g.person for g in grants if g.role == Role.HANDLER]
    if case.handler_id:
        assigned = [p for p in handlers if p.pk == case.handler_id]
        if not assigned:
            assigned = [Person.objects.select_related("user").get(pk=case.handler_id)]
        handlers = assigned
    return users + [p.user for p in handlers]


def leaders_above(case: Case) -> list:
    """Leaders of the lead unit and of the units above it."""
    lead = case.lead_unit
    ids = lead.ancestor_ids if lead is not None else [case.root_id]
    return _users_with(Role.LEADER, ids)


def org_role(case: Case, role: str) -> list:
    return _users_with(role, [case.root_id])


def tell_staff(users, case: Case, title: str) -> None:
    notify_staff(users, title=f"{title} {case.code}", body=case.title, url=case_url(case))


# A channel with its own way back (WeChat, Weibo...) registers a sender here; the others
# reach the citizen by SMS to the phone given, or by email.
CHANNEL_SENDERS: dict[str, Callable[[Case, str], bool]] = {}


def tell_citizen(case: Case, text: str) -> None:
    if not case.notify_citizen or case.kind == "problem":
        return
    with translation.override("zh-hans"):
        message = _("[%(site)s] Your case %(code)s: %(text)s") % {
            "site": _("Lianxin"),
            "code": case.code,
            "text": text,
        }
        sender = CHANNEL_SENDERS.get(case.channel)
        if sender is not None and sender(case, message):
            return
        notify_citizen(
            phone=case.citizen_phone if case.citizen_phone.startswith("1") else "",
            email=case.citizen_email,
            subject=_("Your case %(code)s") % {"code": case.code},
            text=message,
        )


def handlers_and_leaders_many(cases) -> dict[int, list]:
    """`handlers_and_leaders` for many cases in two queries: {case id: users}."""
    unit_ids = {c.lead_unit_id for c in cases if c.lead_unit_id}
    grants = RoleGrant.objects.filter(
        unit_id__in=unit_ids, role__in=[Role.LEADER, Role.HANDLER], person__is_active=True
    ).select_related("person__user")
    leaders: dict[int, list] = {}
    handlers: dict[int, list] = {}
    for g in grants:
        (leaders if g.role == Role.LEADER else handlers).setdefault(g.unit_id, []).append(g.person)
    known = {p.pk: p for people in handlers.values() for p in people}
    missing = {c.handler_id for c in cases if c.handler_id and c.handler_id not in known}
    known.update(Person.objects.select_related("user").in_bulk(missing))
    out: dict[int, list] = {}
    for c in cases:
        if c.lead_unit_id is None:
            out[c.pk] = []
            continue
        people = handlers.get(c.lead_unit_id, [])
        if c.handler_id:
            people = [known[c.handler_id]] if c.handler_id in known else []
        out[c.pk] = [p.user for p in leaders.get(c.lead_unit_id, []) + people]
    return out


def tell_staff_many(pairs, title: str) -> None:
    """`tell_staff` for many (users, case) pairs: one INSERT of notices, one task."""
    from lianxin.core.notify import notify_staff_many

    pattern = case_url_pattern()
    notify_staff_many(
        [
            (users, f"{title} {case.code}", case.title, pattern.replace("CODE", case.code))
            for users, case in pairs
        ]
    )
