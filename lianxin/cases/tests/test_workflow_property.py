"""The state table holds: random sequences of the declared steps (steps.STEPS, taken as the
page and the API take them) by random roles never make an illegal transition, a step is
refused only where the table or the step's declared guards say so, and every legal step
lands in the state the table names (both databases)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lianxin.cases import steps
from lianxin.cases import workflow as wf
from lianxin.cases.models import Case, Channel, Kind
from lianxin.core.actor import Actor
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
# Every declared step, with the input it is taken with (its declared example; a rating is
# taken once good and once bad, which the table tells apart).
VARIANTS = [
    (step.name, i) for step in steps.STEPS_LIST for i in range(2 if step.name == "callback" else 1)
]


def actor_of(cc, who):
    return {
        "citizen": Actor.citizen(),
        "operator": cc.operator,
        "dispatcher": cc.dispatcher,
        "handler": cc.handler,
        "unit_leader": cc.station_leader,
        "supervisor": cc.supervisor,
        "issuer": cc.admin,
        "system": Actor.system("clock"),
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


def step_input(cc, case, variant, original) -> dict:
    """The declared example, with the objects of this test in place of its ids."""
    name, i = variant
    d = dict(steps.STEPS[name].example, version=None)
    d.update(
        {
            "dispatch": {"unit": cc.station_a, "co_units": [], "handler": None},
            "merge": {"original": original.code},
            "assign": {"handler": cc.handler.person},
            "callback": [{}, {"rating": 1, "solved": False}][i],
            "supervise": {"level": case.supervision + 1 if case.supervision >= 1 else 2},
        }.get(name, {})
    )
    return d


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
            table_now = {
                (variant, who): steps.STEPS[variant[0]].table_action(
                    step_input(cc, case, variant, original)
                )
                for variant in VARIANTS
                for who in ACTORS
            }
            legal_now = [
                key
                for key, action in table_now.items()
                if wf.allowed(case.status, case.kind, action, expected_roles(case, key[1]))
            ]
            if legal_now and data.draw(st.integers(0, 2)) < 2:
                variant, who = data.draw(st.sampled_from(legal_now))
            else:
                variant, who = data.draw(
                    st.tuples(st.sampled_from(VARIANTS), st.sampled_from(ACTORS))
                )
            step = steps.STEPS[variant[0]]
            before = (case.status, case.version, case.events.count())
            action = table_now[(variant, who)]
            legal = wf.allowed(case.status, case.kind, action, expected_roles(case, who))
            if who == "system" and step.name != "autoclose":
                legal = legal and action in ("remind", "supervise", "note")
            should_pass = legal and step.guards_hold(case)
            try:
                result = step.take(case, step_input(cc, case, variant, original), actor_of(cc, who))
                refused = False
            except (ApplicationError, PermissionDenied):
                result, refused = None, True
            after = Case.objects.get(pk=case.pk)
            if refused or (step.name == "autoclose" and result is None):
                assert not should_pass, (step.name, who, before[0])
                assert (after.status, after.version, after.events.count()) == before
                continue
            assert legal, f"illegal step {step.name} by {who} in {before[0]} succeeded"
            assert after.status == wf.TABLE[(before[0], action)].target, (step.name, who, before[0])
            assert after.events.count() == before[2] + 1
        transaction.set_rollback(True)
