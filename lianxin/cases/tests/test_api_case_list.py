"""GET /api/v1/cases/: page after page by a cursor (keyset: a deep page costs what the first
costs), a count that stops at 1000 on a large register, and the old offset still answering."""

from lianxin.api.tests.client import bearer
from lianxin.cases import queries

from .conftest import receive

URL = "/api/v1/cases/"


def test_next_walks_the_whole_register_once_newest_first(cc):
    made = [receive(cc, content=f"第{i}件：路灯不亮")[0] for i in range(5)]
    client = bearer(cc.dispatcher)
    seen, answer = [], client.get(URL, {"limit": 2}).json()
    pages = 1
    while True:
        seen += [c["code"] for c in answer["items"]]
        assert answer["count"] == 5 and not answer["count_capped"]
        if answer["next"] is None:
            break
        answer = client.get(URL, {"limit": 2, "after": answer["next"]}).json()
        pages += 1
    assert seen == [c.code for c in reversed(made)] and pages == 3


def test_the_cursor_keeps_the_filter_and_a_search(cc):
    lamps = [receive(cc, content=f"路灯不亮{i}")[0] for i in range(3)]
    receive(cc, content="收费站排队太长")
    client = bearer(cc.dispatcher)
    first = client.get(URL, {"q": "路灯", "limit": 2}).json()
    second = client.get(URL, {"q": "路灯", "limit": 2, "after": first["next"]}).json()
    codes = [c["code"] for c in first["items"] + second["items"]]
    assert sorted(codes) == sorted(c.code for c in lamps) and second["next"] is None


def test_a_large_register_is_counted_up_to_the_cap(cc, monkeypatch):
    monkeypatch.setattr(queries, "COUNT_CAP", 3)
    for i in range(5):
        receive(cc, content=f"第{i}件")
    answer = bearer(cc.dispatcher).get(URL).json()
    assert (answer["count"], answer["count_capped"]) == (3, True)
    assert len(answer["items"]) == 5


def test_an_unreadable_cursor_gives_the_first_page_and_offset_still_works(cc):
    made = [receive(cc, content=f"第{i}件")[0] for i in range(3)]
    client = bearer(cc.dispatcher)
    newest_first = [c.code for c in reversed(made)]
    for cursor in ("nonsense", "W10", "%%%"):
        answer = client.get(URL, {"after": cursor}).json()
        assert [c["code"] for c in answer["items"]] == newest_first
    by_offset = client.get(URL, {"offset": 1, "limit": 1}).json()
    assert [c["code"] for c in by_offset["items"]] == newest_first[1:2]
    assert by_offset["count"] == 3 and by_offset["next"] is None
    assert client.get(URL, {"after": "x" * 501}).status_code == 422


def test_another_organisation_sees_none_of_the_register_even_with_its_cursor(cc):
    for i in range(3):
        receive(cc, content=f"第{i}件")
    first = bearer(cc.dispatcher).get(URL, {"limit": 1}).json()
    outsider = bearer(cc.outsider)
    for params in ({}, {"limit": 1, "after": first["next"]}):
        answer = outsider.get(URL, params).json()
        assert (answer["count"], answer["items"], answer["next"]) == (0, [], None), params
