"""The case cast: the test organisation's operator, dispatcher and supervisor, categories,
and a helper that walks a case to a given state through the actions."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from conftest import _load_cast, make_person, read_anew
from lianxin.cases import actions
from lianxin.cases import workflow as wf
from lianxin.cases.models import Category, Channel, Kind
from lianxin.core.actor import Actor
from lianxin.org.models import Role


@pytest.fixture(scope="module")
def _module_cc(_module_cast, django_db_blocker):
    """The case cast made once for a module whose tests share the cast (inside the module's
    rolled-back transaction); None elsewhere."""
    if _module_cast is None:
        yield None
        return
    with django_db_blocker.unblock():
        made = build_cc(_load_cast(_module_cast))
    yield made


@pytest.fixture
def cc(_module_cc, cast):
    """cast plus: operator, dispatcher, supervisor, categories road and fee; each test gets
    its own objects, read anew when the module shares the rows."""
    return build_cc(cast) if _module_cc is None else read_anew(_module_cc)


def build_cc(cast) -> SimpleNamespace:
    operator = make_person(
        "operator", "钱话务", cast.office, roles=[(Role.OPERATOR, cast.root)], phone="13900000011"
    )
    dispatcher = make_person(
        "dispatcher", "孙派单", cast.office, roles=[(Role.DISPATCHER, cast.root)]
    )
    supervisor = make_person(
        "supervisor", "李督办", cast.office, roles=[(Role.SUPERVISOR, cast.root)]
    )
    road = Category.objects.create(root=cast.root, name="路面病害", default_unit=cast.station_a)
    fee = Category.objects.create(root=cast.root, name="收费服务")
    other_cat = Category.objects.create(root=cast.other, name="外县分类")
    ns = SimpleNamespace(**vars(cast))
    ns.operator, ns.dispatcher, ns.supervisor = operator.user, dispatcher.user, supervisor.user
    ns.people.operator, ns.people.dispatcher = operator, dispatcher
    ns.people.supervisor = supervisor
    ns.road, ns.fee, ns.other_cat = road, fee, other_cat
    return ns


def receive(cc, **kw):
    """A web complaint by 赵市民 (phone 13812345678) unless told otherwise."""
    args = dict(
        root=cc.root,
        kind=Kind.COMPLAINT,
        channel=Channel.WEB,
        category=cc.road,
        content="青山路K12+300处有一个大坑，晚上骑车很危险，请尽快修补。",
        place="青山镇青山村村口",
        citizen_name="赵市民",
        citizen_phone="13812345678",
        is_public=True,
        actor=Actor.citizen(Channel.WEB),
    )
    args.update(kw)
    return actions.case_receive(**args)


def walk(cc, state: str, **kw):
    """A case brought to `state` by the usual actors."""
    case, secret = receive(cc, **kw)
    if state == "received":
        return case
    case = actions.case_dispatch(
        case=case, unit=cc.station_a, handler=cc.people.handler, actor=cc.dispatcher
    )
    if state == "dispatched":
        return case
    case = actions.case_accept(case=case, actor=cc.handler)
    if state == "in_progress":
        return case
    case = actions.case_reply(case=case, reply="已安排养护班组于本周内修补。", actor=cc.handler)
    if state == "replied":
        return case
    return actions.case_rate(case=case, rating=5, solved=True, actor=wf.CITIZEN)


@pytest.fixture
def make_case(cc):
    return lambda state="received", **kw: walk(cc, state, **kw)
