"""POST /api/v1/mediation/disputes: a dispute opened through the API (on its own or from a
case) and read back; every field error at once with nothing written; outsiders 404."""

import json

from lianxin.api.tests.client import bearer
from lianxin.cases import actions as case_actions
from lianxin.cases.models import Category
from lianxin.core.actor import Actor
from lianxin.mediation.models import Dispute

URL = "/api/v1/mediation/disputes"


def post(client, body):
    return client.post(URL, json.dumps(body), content_type="application/json")


def body(cast, **kw):
    b = {
        "unit": cast.station_a.pk,
        "subject": "施工占地补偿纠纷",
        "category": "land",
        "description": "村民称边沟改造占用承包地",
        "mediator": cast.people.station_leader.pk,
        "parties": [{"name": "李某", "contact": "13905710001"}],
    }
    b.update(kw)
    return b


def a_case(cast):
    road = Category.objects.create(root=cast.root, name="路面病害")
    case, _secret = case_actions.case_receive(
        root=cast.root,
        kind="complaint",
        channel="hotline",
        category=road,
        content="修路占了我家的地",
        citizen_phone="13812345678",
        actor=Actor.system(),
    )
    return case


def test_the_leader_opens_a_dispute_from_a_case_and_reads_it_back(cast):
    case = a_case(cast)
    leader = bearer(cast.leader)
    r = post(leader, body(cast, case=case.code))
    assert r.status_code == 201, r.content
    got = leader.get(f"{URL}/{r.json()['id']}").json()
    assert got["subject"] == "施工占地补偿纠纷" and got["case"] == case.code
    assert got["mediator"] == "吴站长" and got["parties"][0]["contact"] == "13905710001"


def test_every_field_error_at_once_and_nothing_written(cast):
    leader = bearer(cast.station_leader)
    r = post(leader, {"subject": "", "category": "feud", "parties": [{"kind": "alien"}]})
    assert r.status_code == 422
    fields = {e["field"] for e in r.json()["detail"]}
    assert fields == {
        "unit",
        "subject",
        "category",
        "description",
        "mediator",
        "parties.name",
        "parties.kind",
    }
    r = post(leader, body(cast, unit=cast.other.pk, mediator=cast.people.outsider.pk))
    assert r.status_code == 422
    assert {e["field"] for e in r.json()["detail"]} == {"unit", "mediator"}
    assert not Dispute.objects.exists()


def test_an_outsider_gets_404_for_our_case(cast):
    case = a_case(cast)
    outsider = bearer(cast.outsider)
    body_ = body(cast, unit=cast.other.pk, mediator=cast.people.outsider.pk, case=case.code)
    assert post(outsider, body_).status_code == 404
    assert not Dispute.objects.exists()
