"""Open311 GeoReport v2, exercised with a real client library from PyPI (georeport) in JSON
and in XML, and with XML parsed by the standard library's parser."""

from xml.etree import ElementTree as ET

import pytest
from georeport import GeoReport

from lianxin.cases.models import Case, Category
from lianxin.core.actor import Actor
from lianxin.intake.actions import open311_client_create
from lianxin.intake.models import CategoryQuestion

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def o311(cast, live_server):
    road = Category.objects.create(root=cast.root, name="路面病害")
    CategoryQuestion.objects.create(
        category=road,
        code="size",
        datatype="singlevaluelist",
        description="坑槽大小",
        required=True,
        values=[{"key": "small", "name": "小"}, {"key": "large", "name": "大"}],
    )
    CategoryQuestion.objects.create(
        category=road, code="count", datatype="number", description="个数", order=1
    )
    _client, key = open311_client_create(root=cast.root, name="12345平台", actor=Actor.system())
    base = live_server.url + "/open311/v2"
    return {"road": road, "key": key, "base": base, "cast": cast}


def test_a_client_library_lists_services_posts_and_reads_requests(o311):
    for fmt in ("json", "xml"):
        client = GeoReport(o311["base"], api_key=o311["key"], output_format=fmt)
        services = client.get_service_list()
        service = services[0] if isinstance(services, list) else services
        assert service["service_name"] == "路面病害"
    json_client = GeoReport(o311["base"], api_key=o311["key"])
    definition = json_client.get_service_definition(str(o311["road"].pk))
    assert [a["code"] for a in definition["attributes"]] == ["size", "count"]
    # georeport reads; posting is a plain form-encoded POST, as the specification defines it.
    import requests as http

    r = http.post(
        o311["base"] + "/requests.json",
        data={
            "api_key": o311["key"],
            "service_code": str(o311["road"].pk),
            "lat": "30.25",
            "long": "120.16",
            "description": "青山路口有坑，电话13812345678，我叫赵市民",
            "attribute[size]": "large",
            "attribute[count]": "2",
            "first_name": "市民",
            "last_name": "赵",
            "phone": "13812345678",
        },
    )
    assert r.status_code == 201, r.text
    created = r.json()
    code = created[0]["service_request_id"]
    case = Case.objects.get(code=code)
    assert case.channel == "open311" and "坑槽大小：大" in case.content
    assert case.citizen_phone == "13812345678"
    # The library reads without an api_key: the public sees only what the board shows.
    assert code not in str(json_client.get_service_requests())
    keyed = {"api_key": o311["key"]}
    row = http.get(o311["base"] + f"/requests/{code}.json", params=keyed).json()[0]
    assert row["status"] == "open" and row["lat"] == "30.25"
    assert row["requested_datetime"].endswith("+08:00")
    xml = http.get(o311["base"] + f"/requests/{code}.xml", params=keyed).text
    xml_row = {e.tag: e.text for e in ET.fromstring(xml).find("request")}
    assert xml_row["service_request_id"] == code and xml_row["status"] == "open"
    listed = http.get(o311["base"] + "/requests.json", params=keyed).json()
    for shown in (row, xml_row, listed):
        assert "13812345678" not in str(shown) and "赵市民" not in str(shown)
    opened = http.get(o311["base"] + "/requests.json", params={**keyed, "status": "open"})
    closed = http.get(o311["base"] + "/requests.json", params={**keyed, "status": "closed"})
    assert code in opened.text and code not in closed.text


def test_xml_parses_with_the_standard_parser_and_errors_follow_the_spec(o311):
    import requests as http

    base = o311["base"]
    root = ET.fromstring(http.get(base + "/discovery.xml").content)
    assert root.tag == "discovery"
    assert (
        root.find("endpoints/endpoint/specification").text == "http://wiki.open311.org/GeoReport_v2"
    )
    svc = ET.fromstring(http.get(f"{base}/services/{o311['road'].pk}.xml").content)
    values = [v.find("key").text for v in svc.findall("attributes/attribute/values/value")]
    assert values == ["small", "large"]
    r = http.post(
        base + "/requests.xml", data={"service_code": str(o311["road"].pk), "lat": "1", "long": "2"}
    )
    assert r.status_code == 403
    err = ET.fromstring(r.content)
    assert err.tag == "errors" and err.find("error/code").text == "403"
    r = http.post(
        base + "/requests.json",
        data={"api_key": o311["key"], "service_code": "99999", "lat": "1", "long": "2"},
    )
    assert r.status_code == 400 and r.json()[0]["code"] == 400
    r = http.post(
        base + "/requests.json", data={"api_key": o311["key"], "service_code": str(o311["road"].pk)}
    )
    assert r.status_code == 400 and "location" in r.json()[0]["description"]
    r = http.post(
        base + "/requests.json",
        data={
            "api_key": o311["key"],
            "address_string": "青山路",
            "service_code": str(o311["road"].pk),
            "attribute[size]": "huge",
        },
    )
    assert r.status_code == 400 and "size" in r.json()[0]["description"]
    assert http.get(base + "/requests/209901010001.json").status_code == 404
    assert http.get(base + "/requests.json?status=maybe").status_code == 400
    assert http.get(base + "/services.json?jurisdiction_id=nowhere").status_code == 404
    assert not Case.objects.exists()


def public_case(cast, road, **kw):
    """A case through Open311 by one client, made public and answered through the actions."""
    from lianxin.cases import actions as case_actions
    from lianxin.intake.actions import open311_receive
    from lianxin.intake.models import Open311Client

    client = Open311Client.objects.get(root=cast.root)
    case = open311_receive(
        client=client,
        category=road,
        description="青山路口有坑",
        attributes={"size": ["small"]},
        lat="30.25",
        long="120.16",
        media_url="https://img.example.cn/p/1.jpg",
        **kw,
    )
    return case, client, case_actions


def test_without_an_api_key_only_what_the_board_shows(o311, client):
    cast, road = o311["cast"], o311["road"]
    hidden, _c, _a = public_case(cast, road)  # not public, not answered
    base = "/open311/v2"
    listed = client.get(base + "/requests.json").json()
    assert hidden.code not in str(listed)
    assert client.get(base + f"/requests/{hidden.code}.json").status_code == 404
    mine = client.get(base + f"/requests/{hidden.code}.json", {"api_key": o311["key"]}).json()
    assert mine[0]["lat"] == "30.25" and mine[0]["media_url"].endswith("1.jpg")
    bad = client.get(base + "/requests.json", {"api_key": "o311_wrong"})
    assert bad.status_code == 403


def test_another_client_sees_no_coordinates_of_requests_it_did_not_post(o311, client):
    cast, road = o311["cast"], o311["road"]
    case, _client, _a = public_case(cast, road)
    _other, other_key = open311_client_create(root=cast.root, name="网格平台", actor=Actor.system())
    row = client.get(f"/open311/v2/requests/{case.code}.json", {"api_key": other_key}).json()[0]
    assert row["lat"] == "" and row["long"] == "" and row["media_url"] == ""


def test_absurd_pages_and_dates_are_refused_without_a_server_error(o311, client):
    base = "/open311/v2/requests.json"
    for params in (
        {"page": "99999999999999999999"},
        {"page": "99999999999999999999", "page_size": "1000"},
        {"end_date": "0001-01-01T00:00:00"},
        {"start_date": "9999-12-31T23:59:59+14:00"},
        {"page": "abc"},
    ):
        r = client.get(base, params)
        assert r.status_code in (200, 400), params
        if r.status_code == 400:
            assert "description" in r.json()[0]
