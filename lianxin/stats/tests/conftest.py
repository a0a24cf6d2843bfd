"""A hand-built November 2026 made through the case actions (see `november`)."""

from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from conftest import make_person, read_anew
from lianxin.cases import actions
from lianxin.cases import workflow as wf
from lianxin.cases.tests import conftest as cases_conftest
from lianxin.core import clock
from lianxin.core.actor import Actor
from lianxin.org.models import Role

NOVEMBER = date(2026, 11, 1)
cc = cases_conftest.cc  # the case cast fixture
_module_cc = cases_conftest._module_cc
receive = cases_conftest.receive


def at(*args):
    return timezone.make_aware(datetime(*args))


def _case(cc, unit, handler, *, when, accept_at, reply_at=None, rating=None, solved=True):
    with clock.frozen_at(when):
        case, _ = receive(cc)
        case = actions.case_dispatch(case=case, unit=unit, handler=handler, actor=cc.dispatcher)
    with clock.frozen_at(accept_at):
        case = actions.case_accept(case=case, actor=handler.user)
    if reply_at:
        with clock.frozen_at(reply_at):
            case = actions.case_reply(case=case, reply="已处理完毕。", actor=handler.user)
    if rating:
        with clock.frozen_at(reply_at.replace(hour=16)):
            case = actions.case_rate(case=case, rating=rating, solved=solved, actor=wf.CITIZEN)
    return case


@pytest.fixture(scope="module")
def _module_november(_module_cc, django_db_blocker):
    """November made once for a module whose tests share the cast, inside the module's
    rolled-back transaction (about 40 actions a test saved); None elsewhere."""
    if _module_cc is None:
        yield None
        return
    with django_db_blocker.unblock():
        made = build_november(_module_cc)
    yield made


@pytest.fixture
def november(_module_november, cc):
    """甲站 in November: A on time and rated 5; B accepted and replied late, rated 1 and
    the rating excluded after an upheld appeal; C on time and rated 3; D dispatched to 甲站,
    returned, then handled by 乙站. 外县 has a case of its own that no figure may include.
    Each test gets its own objects, read anew when the module shares the rows."""
    return build_november(cc) if _module_november is None else read_anew(_module_november)


def build_november(cc) -> SimpleNamespace:
    h, hb = cc.people.handler, cc.people.handler_b
    a = _case(
        cc,
        cc.station_a,
        h,
        when=at(2026, 11, 2, 9),
        accept_at=at(2026, 11, 2, 10),
        reply_at=at(2026, 11, 3, 10),
        rating=5,
    )
    b = _case(
        cc,
        cc.station_a,
        h,
        when=at(2026, 11, 2, 9),
        accept_at=at(2026, 11, 5, 10),
        reply_at=at(2026, 11, 25, 10),
        rating=1,
        solved=False,
    )
    with clock.frozen_at(at(2026, 11, 26, 9)):
        actions.case_confirm(case=b, actor=cc.supervisor)
        actions.case_appeal(case=b, reason="来电人系恶意差评", actor=cc.station_leader)
        actions.case_decide_appeal(
            case=b, uphold=True, note="经核实属恶意差评", actor=cc.supervisor
        )
    c = _case(
        cc,
        cc.station_a,
        h,
        when=at(2026, 11, 3, 9),
        accept_at=at(2026, 11, 3, 11),
        reply_at=at(2026, 11, 4, 10),
        rating=3,
    )
    with clock.frozen_at(at(2026, 11, 4, 9)):
        d, _ = receive(cc)
        d = actions.case_dispatch(case=d, unit=cc.station_a, actor=cc.dispatcher)
        d = actions.case_return(case=d, reason="不属本站辖区", actor=cc.station_leader)
        d = actions.case_dispatch(case=d, unit=cc.station_b, handler=hb, actor=cc.dispatcher)
        d = actions.case_accept(case=d, actor=hb.user)
    other_dispatcher = make_person(
        "o-dispatcher", "外派单", cc.other, roles=[(Role.DISPATCHER, cc.other)]
    )
    other_handler = make_person("o-handler", "外承办", cc.other, roles=[(Role.HANDLER, cc.other)])
    with clock.frozen_at(at(2026, 11, 5, 9)):
        e, _ = actions.case_receive(
            root=cc.other,
            kind="complaint",
            channel="web",
            category=cc.other_cat,
            content="外县的路面坑槽",
            citizen_phone="13812345670",
            actor=Actor.citizen("web"),
        )
        e = actions.case_dispatch(case=e, unit=cc.other, actor=other_dispatcher.user)
    with clock.frozen_at(at(2026, 11, 9, 9)):  # late
        e = actions.case_accept(case=e, actor=other_handler.user)
    ns = SimpleNamespace(**vars(cc))
    ns.a, ns.b, ns.c, ns.d, ns.e = a, b, c, d, e
    return ns
