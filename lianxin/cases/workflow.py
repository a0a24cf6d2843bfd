"""The case lifecycle as one table: (state, action) -> state, and who may take the step.

Roles are relative to one case (see `access.case_roles`):
  citizen      the person who raised it, proven by code + secret
  operator     hotline operator of the organisation
  dispatcher   dispatcher of the organisation
  handler      handler of the lead unit, or the assigned handler
  unit_leader  leader of the lead unit or of a unit above it
  upper_leader leader of a unit above the lead unit (not of the lead unit itself)
  supervisor   supervisor of the organisation
  issuer       the person who raised an internal problem
  co_unit      handler or leader of a co-unit
  viewer       may read (administrators, inspectors, secretaries above the lead unit)
  system       the clock

Every action function in `actions.py` asks `check()` before it changes anything. Which of
these the page and the API offer (with their forms, schemas and guards) is declared per step
in `steps.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from lianxin.core.errors import ApplicationError

from .models import Kind, Status

CITIZEN = "citizen"
OPERATOR = "operator"
DISPATCHER = "dispatcher"
HANDLER = "handler"
UNIT_LEADER = "unit_leader"
UPPER_LEADER = "upper_leader"
SUPERVISOR = "supervisor"
ISSUER = "issuer"
CO_UNIT = "co_unit"
VIEWER = "viewer"
SYSTEM = "system"

STAFF_ROLES = frozenset(
    {OPERATOR, DISPATCHER, HANDLER, UNIT_LEADER, UPPER_LEADER, SUPERVISOR, ISSUER, CO_UNIT, VIEWER}
)
PUBLIC = frozenset(k for k in Kind if k != Kind.PROBLEM)
PROBLEM = frozenset({Kind.PROBLEM})
ALL_KINDS = frozenset(Kind)

R, D, P, Y, C, W, M, X, T = (
    Status.RECEIVED,
    Status.DISPATCHED,
    Status.IN_PROGRESS,
    Status.REPLIED,
    Status.CLOSED,
    Status.WITHDRAWN,
    Status.MERGED,
    Status.DECLINED,
    Status.TRANSFERRED,
)
WORKING = (D, P)


@dataclass(frozen=True)
class Step:
    source: str
    action: str
    target: str
    roles: frozenset[str]
    kinds: frozenset[str] = ALL_KINDS


def _steps(sources, action, target, roles, kinds=ALL_KINDS):
    """target None means the case stays in its state."""
    return [Step(s, action, target or s, frozenset(roles), kinds) for s in sources]


STEPS: list[Step] = [
    *_steps([R], "withdraw", W, {CITIZEN}, PUBLIC),
    *_steps([R], "dispatch", D, {DISPATCHER, ISSUER}),
    *_steps([R], "decline", X, {OPERATOR, DISPATCHER}, PUBLIC),
    # 转纪检: a complaint alleging misconduct goes to the discipline register (supervision)
    *_steps(
        [R, D, P],
        "transfer",
        T,
        {OPERATOR, DISPATCHER, HANDLER, UNIT_LEADER, SUPERVISOR, VIEWER},
        PUBLIC,
    ),
    *_steps([R], "answer", C, {OPERATOR, DISPATCHER}, frozenset({Kind.CONSULT})),
    *_steps([R, D], "merge", M, {DISPATCHER}),
    *_steps([D], "return", R, {HANDLER, UNIT_LEADER}),
    *_steps([D], "accept", P, {HANDLER, UNIT_LEADER}),
    *_steps([D, P], "assign", None, {UNIT_LEADER}),
    *_steps([P], "pause", None, {HANDLER, UNIT_LEADER}),
    *_steps([P], "resume", None, {HANDLER, UNIT_LEADER, CITIZEN}),
    *_steps([P], "request_extension", None, {HANDLER, UNIT_LEADER}),
    # decided above the unit whose deadline moves (which of these: cases.ExtensionRule)
    *_steps([P], "decide_extension", None, {DISPATCHER, SUPERVISOR, UPPER_LEADER}),
    *_steps([P], "reply", Y, {HANDLER, UNIT_LEADER}),
    *_steps([Y], "rate", C, {CITIZEN, OPERATOR}, PUBLIC),
    *_steps([Y], "rate_unsatisfied", None, {CITIZEN, OPERATOR}, PUBLIC),
    *_steps([Y], "confirm", C, {SUPERVISOR}, PUBLIC),
    *_steps([Y, C], "reopen", P, {SUPERVISOR}, PUBLIC),
    *_steps([Y], "verify", C, {ISSUER}, PROBLEM),
    *_steps([Y], "reject", P, {ISSUER}, PROBLEM),
    *_steps([Y], "autoclose", C, {SYSTEM}, PUBLIC),
    *_steps([Y, C], "appeal", None, {HANDLER, UNIT_LEADER}, PUBLIC),
    *_steps([Y, C], "decide_appeal", None, {SUPERVISOR}, PUBLIC),
    *_steps(WORKING, "remind", None, {SYSTEM, SUPERVISOR}),
    *_steps(WORKING, "supervise", None, {SYSTEM, SUPERVISOR}),
    *_steps([D, P, Y, C], "lift_flag", None, {SUPERVISOR}),
    *_steps(
        [R, D, P, Y, C],
        "note",
        None,
        {OPERATOR, DISPATCHER, HANDLER, UNIT_LEADER, SUPERVISOR, ISSUER, CO_UNIT, SYSTEM},
    ),
]

TABLE: dict[tuple[str, str], Step] = {(s.source, s.action): s for s in STEPS}
ACTIONS: list[str] = list(dict.fromkeys(s.action for s in STEPS))


def step_for(status: str, kind: str, action: str) -> Step | None:
    step = TABLE.get((status, action))
    if step is None or kind not in step.kinds:
        return None
    return step


def allowed(status: str, kind: str, action: str, roles) -> bool:
    step = step_for(status, kind, action)
    return step is not None and bool(step.roles & set(roles))


def check(case, action: str, roles) -> Step:
    """The step, or a refusal: 403 for a role that may never take it, a clear message
    for a state in which it is not possible."""
    step = step_for(case.status, case.kind, action)
    if step is None:
        raise ApplicationError(
            _("This step is not possible while the case is “%(status)s”.")
            % {"status": Status(case.status).label},
            code="wrong_state",
        )
    if not step.roles & set(roles):
        raise PermissionDenied
    return step
