"""Who decides an extension: someone above the unit whose deadline moves, never that unit
(its on-time rate would certify itself). By default the organisation's dispatchers and
supervisors; an administrator may add the leaders of the units above the lead unit, or
leave out dispatchers or supervisors (`ExtensionRule`, per organisation). For the organ's
own offices (where dispatchers and supervisors sit) the leaders above always decide."""

from __future__ import annotations

from django.utils.translation import gettext as _

from lianxin.core.errors import ApplicationError
from lianxin.org.access import person_of
from lianxin.org.models import Role, RoleGrant

from . import notices
from . import workflow as wf
from .models import Case, ExtensionRule


def rule_of(root_id: int) -> ExtensionRule:
    return ExtensionRule.objects.filter(root_id=root_id).first() or ExtensionRule(root_id=root_id)


def deciding_roles(rule: ExtensionRule) -> set[str]:
    roles = set()
    if rule.dispatchers:
        roles.add(wf.DISPATCHER)
    if rule.supervisors:
        roles.add(wf.SUPERVISOR)
    if rule.leaders_above:
        roles.add(wf.UPPER_LEADER)
    return roles


def check_decider(case: Case, actor, roles) -> None:
    """Refuse, with a clear message, a decision by the lead unit's own people or by a role
    the organisation does not let decide."""
    lead = case.lead_unit
    if lead is None:
        return
    roles = set(roles)
    deciding = {wf.DISPATCHER, wf.SUPERVISOR, wf.UPPER_LEADER, wf.UNIT_LEADER}
    if not roles & deciding:
        return  # the state table refuses (403)
    person = person_of(actor)
    if person is not None and (
        person.unit.path.startswith(lead.path)
        or RoleGrant.objects.filter(person=person, unit_id=lead.pk).exists()
    ):
        raise ApplicationError(
            _(
                "An extension is decided above %(unit)s, whose deadline it moves: "
                "not by its own people."
            )
            % {"unit": lead.name},
            code="own_unit",
        )
    if wf.SYSTEM in roles or getattr(actor, "is_superuser", False):
        return
    allowed = deciding_roles(rule_of(case.root_id))
    if lead.kind != "station":
        # the organ's own offices, where dispatchers and supervisors sit: the leaders above
        allowed.add(wf.UPPER_LEADER)
    if not set(roles) & allowed:
        raise ApplicationError(
            _("In this organisation extensions are decided by: %(who)s.")
            % {"who": describe(rule_of(case.root_id))},
            code="not_decider",
        )


def describe(rule: ExtensionRule) -> str:
    names = []
    if rule.dispatchers:
        names.append(str(Role.DISPATCHER.label))
    if rule.supervisors:
        names.append(str(Role.SUPERVISOR.label))
    if rule.leaders_above:
        names.append(_("leaders above the lead unit"))
    return "、".join(names) or "—"


def deciders(case: Case) -> list:
    """The people who may decide the extension of this case (for the request's notice)."""
    rule = rule_of(case.root_id)
    users = []
    if rule.dispatchers:
        users += notices.org_role(case, Role.DISPATCHER)
    if rule.supervisors:
        users += notices.org_role(case, Role.SUPERVISOR)
    lead = case.lead_unit
    if lead is not None and (rule.leaders_above or lead.kind != "station"):
        users += notices._users_with(Role.LEADER, lead.ancestor_ids[:-1])
    return users
