"""POST /api/v1/cases/ with a bearer token: the queries of one create stay few (the token
with its login, person, unit and grants; the root unit, this operator sitting below it; the
day's counter; the case; its first entry; the due item; the transaction's two statements;
the category and the calendar come from the process's kept copies); a session cookie sent
along with a bad token logs nobody in; a role withdrawn counts at the next call (the grants
are read with the token each time)."""

import json

from django.test import Client

from lianxin.cases.models import Case
from lianxin.core.actions import api_token_create
from lianxin.core.actor import Actor
from lianxin.org.actions import role_revoke
from lianxin.org.models import Role, RoleGrant

BODY = {
    "kind": "complaint",
    "channel": "hotline",
    "content": "石桥乡下庄村路灯不亮",
    "citizen_phone": "13512340000",
}


def _post(client, body):
    return client.post("/api/v1/cases/", json.dumps(body), content_type="application/json")


def test_one_create_through_the_api_takes_at_most_eight_queries(cc, django_assert_max_num_queries):
    _t, raw = api_token_create(user=cc.operator, name="12345热线平台", actor=Actor.system())
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    body = {**BODY, "category": cc.road.pk}
    assert _post(client, {**body, "submit_token": "warm"}).status_code == 201
    with django_assert_max_num_queries(8):
        r = _post(client, {**body, "submit_token": "counted"})
    assert r.status_code == 201, r.content
    case = Case.objects.get(code=r.json()["code"])
    assert case.events.count() == 1 and case.status == "received"


def test_a_bad_token_with_a_staff_session_cookie_is_refused(cc):
    client = Client(HTTP_AUTHORIZATION="Bearer lx_not-a-token")
    client.force_login(cc.operator)
    r = _post(client, {**BODY, "category": cc.road.pk})
    assert r.status_code == 401 and Case.objects.count() == 0


def test_a_role_withdrawn_counts_at_the_next_call_with_the_same_token(cc):
    _t, raw = api_token_create(user=cc.operator, name="12345热线平台", actor=Actor.system())
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    body = {**BODY, "category": cc.road.pk}
    assert _post(client, {**body, "submit_token": "before"}).status_code == 201
    grant = RoleGrant.objects.get(person__user=cc.operator, role=Role.OPERATOR)
    role_revoke(grant=grant, actor=Actor.system())
    assert _post(client, {**body, "submit_token": "after"}).status_code == 403
    assert Case.objects.count() == 1
