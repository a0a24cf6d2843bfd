"""The state table holds: random sequences of steps by random roles never make an illegal
transition, and every legal step lands in the state the table names (both databases)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lianxin.cases import actions
from lianxin.cases import workflow as wf
from lianxin.cases.models import Case, Channel, Kind
from lianxin.core.errors import ApplicationError

from .conftest import receive

ACTORS = [
    "citizen",
    "operator",
    "dispatcher",
    "handler",
    "unit_leader",
    "supervisor",
    "issuer",
    "system",
]
STEPS = [
    "withdraw",
    "dispatch",
    "answer",
    "merge",
    "decline",
    "transfer",
    "return",
    "accept",
    "pause",
    "resume",
    "request_extension",
    "decide_extension",
    "reply",
    "rate_good",
    "rate_bad",
    "confirm",
    "reopen",
    "verify",
    "reject",
    "autoclose",
    "appeal",
    "decide_appeal",
    "remind",
    "supervise",
    "lift_flag",
    "note",
]


def actor_of(cc, who):
    return {
        "citizen": wf.CITIZEN,
        "operator": cc.operator,
        "dispatcher": cc.dispatcher,
        "handler": cc.handler,
        "unit_leader": cc.station_leader,
        "supervisor": cc.supervisor,
        "issuer": cc.admin,
        "system": wf.SYSTEM,
    }[who]


def expected_roles(case, who) -> set:
    """The roles the test means each actor to have on the case (independent of access.py)."""
    at_station = case.lead_unit_id is not None
    return {
        "citizen": {wf.CITIZEN},
        "operator": {wf.OPERATOR},
        "dispatcher": {wf.DISPATCHER},
        "handler": {wf.HANDLER} if at_station else set(),
        "unit_leader": {wf.UNIT_LEADER} if at_station else set(),
        "supervisor": {wf.SUPERVISOR},
        "issuer": {wf.ISSUER} if case.kind == Kind.PROBLEM else set(),
        "system": {wf.SYSTEM},
    }[who]


def table_action(step):
    return {"rate_good": "rate", "rate_bad": "rate_unsatisfied"}.get(step, step)


def guards_pass(case, step) -> bool:
    """The conditions beyond the table that the actions also check."""
    pending_ext = case.extensions.filter(state="pending").exists()
    return {
        "pause": not case.paused_at,
        "resume": bool(case.paused_at),
        "reply": not case.paused_at,
        "request_extension": not pending_ext,
        "decide_extension": pending_ext,
        "rate_good": case.rated_at is None,
        "rate_bad": case.rated_at is None,
        "confirm": case.review_pending,
        "autoclose": case.rated_at is None and not case.review_pending,
        "appeal": case.rating is not None and case.rating <= 2 and not case.appeals.exists(),
        "decide_appeal": case.appeals.filter(state="pending").exists(),
        "supervise": case.supervision < 3,
        "lift_flag": case.supervision == 3,
    }.get(step, True)


def take(cc, case, step, actor, original):
    v = {"case": case, "actor": actor}
    calls = {
        "withdraw": lambda: actions.case_withdraw(case=case, actor=actor),
        "dispatch": lambda: actions.case_dispatch(unit=cc.station_a, **v),
        "answer": lambda: actions.case_answer(reply="答复", **v),
        "merge": lambda: actions.case_merge(original=original, **v),
        "decline": lambda: actions.case_decline(reason="nonsense", **v),
        "transfer": lambda: actions.case_transfer(**v),
        "return": lambda: actions.case_return(reason="非本站", **v),
        "accept": lambda: actions.case_accept(**v),
        "pause": lambda: actions.case_pause(question="请补充", **v),
        "resume": lambda: actions.case_resume(note="已补充", **v),
        "request_extension": lambda: actions.case_request_extension(workdays=3, reason="协调", **v),
        "decide_extension": lambda: actions.case_decide_extension(approve=True, **v),
        "reply": lambda: actions.case_reply(reply="已处理", **v),
        "rate_good": lambda: actions.case_rate(rating=5, solved=True, **v),
        "rate_bad": lambda: actions.case_rate(rating=1, solved=False, **v),
        "confirm": lambda: actions.case_confirm(**v),
        "reopen": lambda: actions.case_reopen(reason="重办", **v),
        "verify": lambda: actions.case_verify(**v),
        "reject": lambda: actions.case_reject(reason="不合格", **v),
        "autoclose": lambda: (
            actions.case_autoclose(case=case)
            if actor == wf.SYSTEM
            else (_ for _ in ()).throw(PermissionDenied)
        ),
        "appeal": lambda: actions.case_appeal(reason="恶意", **v),
        "decide_appeal": lambda: actions.case_decide_appeal(uphold=False, **v),
        "remind": lambda: actions.case_remind(**v),
        "supervise": lambda: actions.case_supervise(
            level=case.supervision + 1 if case.supervision >= 1 else 2, **v
        ),
        "lift_flag": lambda: actions.case_lift_flag(reason="已按期办结", **v),
        "note": lambda: actions.case_note(note="备注", **v),
    }
    return calls[step]()


@pytest.mark.django_db
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    problem=st.booleans(),
    consult=st.booleans(),
    n_steps=st.integers(min_value=1, max_value=14),
    data=st.data(),
)
def test_random_steps_follow_the_state_table(cc, problem, consult, n_steps, data):
    """Two draws in three pick a step the table allows the actor now (to reach deep
    states); the third any step by anyone (mostly illegal ones, to be refused)."""
    with transaction.atomic():
        original, _ = receive(cc, submit_token="original", client="test")
        kind = Kind.PROBLEM if problem else (Kind.CONSULT if consult else Kind.COMPLAINT)
        extra = {"channel": Channel.INSPECTION, "actor": cc.admin} if problem else {}
        case, _ = receive(cc, kind=kind, **extra)
        for _ in range(n_steps):
            case = Case.objects.get(pk=case.pk)
            legal_now = [
                (step, who)
                for step in STEPS
                for who in ACTORS
                if wf.allowed(case.status, case.kind, table_action(step), expected_roles(case, who))
            ]
            if legal_now and data.draw(st.integers(0, 2)) < 2:
                step, who = data.draw(st.sampled_from(legal_now))
            else:
                step, who = data.draw(st.tuples(st.sampled_from(STEPS), st.sampled_from(ACTORS)))
            before = (case.status, case.version, case.events.count())
            action = table_action(step)
            legal = wf.allowed(case.status, case.kind, action, expected_roles(case, who))
            if who == "system" and step != "autoclose":
                legal = legal and action in ("remind", "supervise", "note")
            should_pass = legal and guards_pass(case, step)
            try:
                take(cc, case, step, actor_of(cc, who), original)
                refused = False
            except (ApplicationError, PermissionDenied):
                refused = True
            after = Case.objects.get(pk=case.pk)
            if refused or (step == "autoclose" and not should_pass):
                assert not should_pass, (step, who, before[0])
                assert (after.status, after.version, after.events.count()) == before
                continue
            assert legal, f"illegal step {step} by {who} in {before[0]} succeeded"
            assert after.status == wf.TABLE[(before[0], action)].target, (step, who, before[0])
            assert after.events.count() == before[2] + 1
        transaction.set_rollback(True)
