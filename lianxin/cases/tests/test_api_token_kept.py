"""The API keeps a token's login, person and unit in the process (api/auth.py) but checks the
token in the database on every call: a token revoked, a login deactivated or a role withdrawn
(by this process or by another one, written straight to the table here) counts at the next
call; a person renamed is named so on the next case's timeline; a kept login costs the call
one short statement."""

import json

from django.test import Client, RequestFactory

from lianxin.api.auth import TokenAuth
from lianxin.cases.models import Case
from lianxin.core import clock
from lianxin.core.actions import api_token_create, api_token_revoke
from lianxin.core.actor import Actor
from lianxin.core.models import ApiToken, User
from lianxin.org.actions import person_update
from lianxin.org.models import RoleGrant

BODY = {
    "kind": "complaint",
    "channel": "hotline",
    "content": "石桥乡下庄村路灯不亮",
    "citizen_phone": "13512340000",
}


def _client(cc):
    token, raw = api_token_create(user=cc.operator, name="12345热线平台", actor=Actor.system())
    return token, raw, Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def _post(cc, client, key: str):
    body = {**BODY, "category": cc.road.pk, "submit_token": key}
    return client.post("/api/v1/cases/", json.dumps(body), content_type="application/json")


def test_a_revoked_token_is_refused_at_the_next_call(cc):
    token, _raw, client = _client(cc)
    assert _post(cc, client, "kept").status_code == 201
    api_token_revoke(token=token, actor=Actor.system())
    assert _post(cc, client, "after").status_code == 401


def test_a_token_revoked_by_another_process_is_refused_at_once(cc):
    token, _raw, client = _client(cc)
    assert _post(cc, client, "kept").status_code == 201
    ApiToken.objects.filter(pk=token.pk).update(revoked_at=clock.now())
    assert _post(cc, client, "after").status_code == 401
    assert Case.objects.count() == 1


def test_a_login_deactivated_by_another_process_is_refused_at_once(cc):
    _token, _raw, client = _client(cc)
    assert _post(cc, client, "kept").status_code == 201
    User.objects.filter(pk=cc.operator.pk).update(is_active=False)
    assert _post(cc, client, "after").status_code == 401


def test_a_role_withdrawn_by_another_process_counts_at_once(cc):
    _token, _raw, client = _client(cc)
    assert _post(cc, client, "kept").status_code == 201
    RoleGrant.objects.filter(person__user=cc.operator).delete()
    assert _post(cc, client, "after").status_code == 403


def test_a_renamed_person_is_named_so_on_the_next_case(cc):
    _token, _raw, client = _client(cc)
    assert _post(cc, client, "kept").status_code == 201
    operator = cc.people.operator
    person_update(person=operator, name="钱新名", unit=operator.unit, actor=Actor.system())
    r = _post(cc, client, "after")
    assert r.status_code == 201
    case = Case.objects.get(code=r.json()["code"])
    assert case.events.get().actor_label == "钱新名"


def test_a_kept_login_costs_one_statement(cc, django_assert_num_queries):
    _token, raw, client = _client(cc)
    assert _post(cc, client, "kept").status_code == 201
    request = RequestFactory().post("/api/v1/cases/")
    with django_assert_num_queries(1):
        user = TokenAuth().authenticate(request, raw)
    assert user.pk == cc.operator.pk
    assert user.person.name == cc.people.operator.name
    assert request.lianxin_root is None  # the operator sits in an office below the root
