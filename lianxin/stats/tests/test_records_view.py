"""The records behind one figure: exactly the cases counted, the left-out ones with reasons."""

from lianxin.core import clock

from .conftest import at


def _codes(client, unit, what):
    with clock.frozen_at(at(2026, 12, 10, 9)):
        page = client.get(f"/workbench/scorecards/units/{unit.pk}/2026-11/cases/{what}/")
    assert page.status_code == 200
    return page.content.decode()


def test_each_list_holds_exactly_the_cases_counted(november, login):
    client = login(november.leader)
    a, b, c, d = november.a.code, november.b.code, november.c.code, november.d.code
    station = november.station_a
    html = _codes(client, station, "response")
    assert a in html and c in html and b not in html
    html = _codes(client, station, "response_den")
    assert all(code in html for code in (a, b, c)) and d not in html
    html = _codes(client, station, "returns")
    assert d in html and a not in html
    html = _codes(client, station, "satisfaction")
    assert a in html and c not in html and b not in html
    html = _codes(client, station, "fair")
    assert c in html and a not in html


def test_the_left_out_cases_are_listed_with_the_reason(november, login):
    html = _codes(login(november.leader), november.station_a, "excluded")
    assert november.b.code in html and "经核实属恶意差评" in html
    assert november.a.code not in html


def test_another_organisations_case_is_never_listed(november, login):
    html = _codes(login(november.leader), november.root, "received")
    assert november.e.code not in html and november.a.code in html


def test_an_unknown_figure_is_404(november, login):
    response = login(november.leader).get(
        f"/workbench/scorecards/units/{november.station_a.pk}/2026-11/cases/nothing/"
    )
    assert response.status_code == 404


def test_a_list_takes_as_many_queries_for_3_cases_as_for_15(november, login):
    from conftest import count_queries

    from .conftest import _case

    def more(n):
        for i in range(n):
            _case(
                november,
                november.station_a,
                november.people.handler,
                when=at(2026, 11, 10 + i % 10, 9),
                accept_at=at(2026, 11, 10 + i % 10, 10),
                reply_at=at(2026, 11, 11 + i % 10, 10),
                rating=5 - i % 3,
            )

    client = login(november.leader)
    url = f"/workbench/scorecards/units/{november.station_a.pk}/2026-11/cases/received/"
    with clock.frozen_at(at(2026, 12, 10, 9)):
        page, few = count_queries(client, url)
    assert november.a.code in page.text
    more(12)
    with clock.frozen_at(at(2026, 12, 10, 9)):
        page, many = count_queries(client, url)
    assert page.text.count("/workbench/cases/") >= 15
    assert many == few
