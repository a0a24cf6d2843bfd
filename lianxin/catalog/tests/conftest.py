"""The services cast: a service of station A with a published guide (promised 5 working days,
legal 10), its handler and leader from the main cast, the organisation's supervisor."""

from datetime import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from conftest import make_person
from lianxin.catalog import actions
from lianxin.core import clock
from lianxin.org.models import Role

MATERIALS = [
    {"name": "申请书", "original": True, "copies": 0, "note": ""},
    {"name": "施工图纸", "original": False, "copies": 2, "note": "盖章"},
]


@pytest.fixture
def sv(cast):
    supervisor = make_person("sup", "李督办", cast.office, roles=[(Role.SUPERVISOR, cast.root)])
    service = actions.service_save(
        root=cast.root, code="roadwork", name="涉路施工许可", unit=cast.station_a, actor=cast.admin
    )
    with clock.frozen_at(timezone.make_aware(datetime(2026, 9, 1, 9))):
        draft = actions.guide_draft(service=service, actor=cast.admin)
        actions.guide_update(
            guide=draft,
            actor=cast.admin,
            legal_workdays=10,
            promised_workdays=5,
            materials=MATERIALS,
            conditions="属本段管养路段",
        )
        actions.guide_publish(guide=draft, actor=cast.admin)
    ns = SimpleNamespace(**vars(cast))
    ns.service, ns.supervisor = service, supervisor.user
    return ns


def register(sv, token="t-1", **kw):
    args = dict(
        service=sv.service,
        applicant_name="青山建工",
        applicant_phone="13812345678",
        subject="S205线K12开挖管线",
        submit_token=token,
        actor=sv.handler,
    )
    args.update(kw)
    return actions.request_register(**args)
