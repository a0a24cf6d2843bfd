"""Open311 GeoReport v2, exercised with a real client library from PyPI (georeport) in JSON
and in XML, and with XML parsed by the standard library's parser."""

from xml.etree import ElementTree as ET

import pytest
from georeport import GeoReport

from lianxin.cases.models import Case, Category
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
    _client, key = open311_client_create(root=cast.root, name="12345平台", actor=None)
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
    row = json_client.get_service_request(code)
    assert row["status"] == "open" and row["lat"] == "30.25"
    assert row["requested_datetime"].endswith("+08:00")
    xml_row = GeoReport(o311["base"], output_format="xml").get_service_request(code)
    assert xml_row["service_request_id"] == code and xml_row["status"] == "open"
    for shown in (row, xml_row, json_client.get_service_requests()):
        assert "13812345678" not in str(shown) and "赵市民" not in str(shown)
    assert code in str(json_client.get_service_requests(status="open"))
    assert code not in str(json_client.get_service_requests(status="closed"))


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
