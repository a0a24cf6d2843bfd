"""The catalogue API's lists take as many queries for many rows as for few: services with
their guides, and the register of service requests, the applicant's phone in full where the
reader handles the service, masked elsewhere (one rule for the page, not a query a row)."""

from datetime import datetime

from django.utils import timezone

from conftest import count_queries
from lianxin.api.tests.client import bearer
from lianxin.catalog import actions
from lianxin.core import clock

from .conftest import MATERIALS, register
from .test_services_view import add_services


def published(sv, unit):
    """A second service, of `unit`, with a published guide."""
    service = actions.service_save(
        root=sv.root, code="bridge", name="桥梁限载通行", unit=unit, actor=sv.admin
    )
    with clock.frozen_at(timezone.make_aware(datetime(2026, 9, 1, 9))):
        draft = actions.guide_draft(service=service, actor=sv.admin)
        actions.guide_update(
            guide=draft,
            actor=sv.admin,
            legal_workdays=10,
            promised_workdays=5,
            materials=MATERIALS,
        )
        actions.guide_publish(guide=draft, actor=sv.admin)
    return service


def test_services_3_or_15(sv):
    client = bearer(sv.admin)
    add_services(sv, 0, 2)  # and the cast's published one
    client.get("/api/v1/catalog/services")  # the token's first use is written down once
    _r, few = count_queries(client, "/api/v1/catalog/services")
    add_services(sv, 2, 12)
    r, many = count_queries(client, "/api/v1/catalog/services")
    assert len(r.json()) == 15 and {s["unit"] for s in r.json()} == {"甲站"}
    assert many == few


def test_requests_3_or_15_of_two_services(sv):
    client = bearer(sv.handler)  # handles station A's service, not station B's
    for i in range(3):
        register(sv, token=f"few-{i}", applicant_name=f"申请人{i}")
    client.get("/api/v1/catalog/requests")
    _r, few = count_queries(client, "/api/v1/catalog/requests")
    bridge = published(sv, sv.station_b)
    for i in range(12):
        service = bridge if i % 2 else sv.service
        actor = sv.handler_b if i % 2 else sv.handler
        register(
            sv, token=f"many-{i}", applicant_name=f"申请人{i + 3}", service=service, actor=actor
        )
    r, many = count_queries(client, "/api/v1/catalog/requests")
    phones = {(x["service"], x["phone"]) for x in r.json()}
    assert len(r.json()) == 15
    assert phones == {("涉路施工许可", "13812345678"), ("桥梁限载通行", "138****5678")}
    assert many == few
