"""The whole JSON API under schemathesis: no generated call gives a server error or a body
that contradicts /api/v1/openapi.json (a short run; `bench/fuzz_api.py` makes 10,000+ calls).

The application is called in process through its WSGI handler, as a client holding a bearer
token made by `lianxin token`; the rows it reaches are made through the actions.
"""

from __future__ import annotations

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection, transaction
from django.test import Client

from conftest import make_person
from lianxin.cases import actions as case_actions
from lianxin.cases.codes import MAX_TOKEN
from lianxin.cases.models import Category
from lianxin.core.actions import api_token_create
from lianxin.core.actor import Actor
from lianxin.org.models import Role

from .fuzzing import fuzz, load_schema

SEED = 2026
User = get_user_model()


@pytest.fixture
def in_process(db):
    """Let the WSGI handler run inside the test's transaction (as Django's test client does:
    the request signals would otherwise close the connection the test holds)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def register(cast):
    operator = make_person("op", "钱话务", cast.office, roles=[(Role.OPERATOR, cast.root)])
    dispatcher = make_person("disp", "孙派单", cast.office, roles=[(Role.DISPATCHER, cast.root)])
    road = Category.objects.create(root=cast.root, name="路面病害", default_unit=cast.station_a)
    cases = []
    contents = ["青山路K12+300处有大坑", "路灯不亮，晚上看不清", "收费站排队太久"]
    for n, content in enumerate(contents):
        case, _secret = case_actions.case_receive(
            root=cast.root,
            kind="complaint",
            channel="hotline",
            category=road,
            content=content,
            citizen_phone=f"1381234567{n}",
            actor=operator.user,
        )
        cases.append(case)
    dispatched = case_actions.case_dispatch(
        case=cases[1], unit=cast.station_a, handler=cast.people.handler, actor=dispatcher.user
    )
    return cast, cases[0], dispatched


@pytest.mark.strict_engine
def test_generated_calls_give_no_server_error_and_match_the_document(register, in_process):
    cast, received, dispatched = register
    known = {
        "/api/v1/cases/{code}": [{"code": received.code}],
        "/api/v1/cases/{code}/contact": [{"code": dispatched.code}],
        "/api/v1/cases/{code}/steps/dispatch": [{"code": received.code}],
        "/api/v1/cases/{code}/steps/accept": [{"code": dispatched.code}],
        "/api/v1/cases/{code}/steps/return": [{"code": dispatched.code}],
        "/api/v1/org/units/{unit_id}/people": [{"unit_id": cast.station_a.pk}],
    }
    schema = load_schema()
    tally = None
    # The admin calls every operation; the dispatcher, who takes the case steps, the cases'.
    for n, (login, prefix) in enumerate([("disp", "/api/v1/cases"), ("admin", "/api/v1/")]):
        out = io.StringIO()
        call_command("token", login, "--name", "schemathesis", stdout=out)
        token = out.getvalue().strip()
        tally = fuzz(
            schema,
            token=token,
            examples=3,
            run_seed=SEED + n,
            known=known,
            tally=tally,
            prefix=prefix,
        )
    assert tally.total >= 300, tally.report()
    assert tally.total_errors == 0, "\n".join([tally.report(), *tally.failures])
    # The run reached the code behind the checks, not only the refusals.
    assert tally.statuses[200] and tally.statuses[400] and tally.statuses[404]


def _post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_numbers_beyond_a_database_column_answer_422_with_the_field(register):
    """Found by the fuzzer: these were 500s (SQLite OverflowError, negative slicing)."""
    cast, received, _dispatched = register
    _t, raw = api_token_create(user=cast.admin, name="fuzz", actor=Actor.system())
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    huge = 2**64
    r = _post(
        client,
        f"/api/v1/cases/{received.code}/steps/dispatch",
        {"version": received.version, "unit": cast.station_a.pk, "co_units": [huge]},
    )
    assert r.status_code == 422
    assert r.json()["detail"][0]["field"] == "co_units"
    received.refresh_from_db()
    assert received.status == "received"
    for query in (f"offset={huge}", "offset=-1", f"category={huge}"):
        r = client.get(f"/api/v1/cases/?{query}")
        assert r.status_code == 422, query
        assert r.json()["detail"][0]["field"] == query.split("=")[0]
    body = {"kind": "complaint", "channel": "hotline", "category": received.category_id}
    body.update(content="路灯不亮", submit_token="k" * (MAX_TOKEN + 1))
    r = _post(client, "/api/v1/cases/", body)  # once a 500 on PostgreSQL (a 64-long column)
    assert r.status_code == 422 and r.json()["detail"][0]["field"] == "submit_token"
    for query in ("offset=-5", "limit=-5", "limit=0"):
        r = client.get(f"/api/v1/catalog/requests?{query}")
        assert r.status_code == 422, query


def test_text_the_database_cannot_hold_answers_400_and_writes_nothing(register):
    """Found by the fuzzer on PostgreSQL: a NUL character in a query or body was a 500."""
    cast, received, _dispatched = register
    from lianxin.cases.models import Case

    _t, raw = api_token_create(
        user=User.objects.get(username="op"), name="fuzz", actor=Actor.system()
    )
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    on_pg = connection.vendor == "postgresql"
    r = client.get("/api/v1/catalog/requests?status=%00")
    assert r.status_code == (400 if on_pg else 200)
    body = {"kind": "complaint", "channel": "hotline", "category": received.category_id}
    body.update(content="路灯\u0000不亮", submit_token="nul-1")
    before = Case.objects.count()
    with transaction.atomic():  # the test's own savepoint: PostgreSQL refused a statement
        r = _post(client, "/api/v1/cases/", body)
    assert r.status_code == (400 if on_pg else 201)
    assert Case.objects.count() == before + (0 if on_pg else 1)


def test_every_schema_of_the_document_has_one_meaning(register):
    """Two apps' `ReportOut` shared one name: the document described a partywork monthly
    report with the fields of a misconduct report."""
    spec = Client().get("/api/v1/openapi.json").json()
    ops = spec["paths"]
    monthly = ops["/api/v1/partywork/units/{unit_id}/reports/{month}"]["get"]
    ref = monthly["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    fields = spec["components"]["schemas"][ref.rsplit("/", 1)[-1]]["properties"]
    assert {"thinking", "activities", "problems"} <= set(fields)
    assert "anonymous" not in fields
