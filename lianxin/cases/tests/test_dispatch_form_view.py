"""The dispatch step on the case page: each handler option names the units he may handle
for (static/js/cases.js shows only the chosen unit's), co-units are checkboxes, and a
handler of another unit is refused on the form with nothing changed."""

import re

from conftest import make_person
from lianxin.cases.models import Case
from lianxin.org.models import Role

from .conftest import receive


def url(case, step=""):
    return f"/workbench/cases/{case.code}/" + (f"{step}/" if step else "")


def options(page, select_id):
    select = re.search(rf'<select[^>]*id="{select_id}".*?</select>', page, re.S).group(0)
    return {
        label: units
        for units, label in re.findall(
            r'<option value="\d+" data-units="([\d ]*)"[^>]*>([^<]+)<', select
        )
    }


def test_the_handler_list_names_each_persons_units_and_co_units_are_checkboxes(cc, login):
    # 乙站's handler also helps out at 甲站
    make_person("helper", "冯协助", cc.station_b, roles=[(Role.HANDLER, cc.station_a)])
    case, _ = receive(cc)
    page = login(cc.dispatcher).get(url(case)).content.decode()
    handlers = options(page, "id_dispatch-handler")
    a, b = str(cc.station_a.pk), str(cc.station_b.pk)
    assert handlers["杨承办"].split() == [a]
    assert handlers["郭承办"].split() == [b]
    assert sorted(handlers["冯协助"].split()) == sorted([a, b])
    assert 'data-filters="id_dispatch-handler"' in page
    assert "js/cases.js" in page
    boxes = re.findall(r'<input type="checkbox" name="dispatch-co_units" value="(\d+)"', page)
    assert {a, b} <= set(boxes)
    assert '<select name="dispatch-co_units"' not in page


def test_a_handler_of_another_unit_is_refused_on_the_form(cc, login):
    case, _ = receive(cc)
    r = login(cc.dispatcher).post(
        url(case, "dispatch"),
        {
            "dispatch-version": case.version,
            "dispatch-unit": cc.station_a.pk,
            "dispatch-handler": cc.people.handler_b.pk,
        },
    )
    assert r.status_code == 400
    assert "郭承办不是甲站的承办人" in r.content.decode()
    case = Case.objects.get(pk=case.pk)
    assert (case.status, case.lead_unit, case.handler) == ("received", None, None)


def test_dispatch_with_co_units_ticked(cc, login):
    case, _ = receive(cc)
    r = login(cc.dispatcher).post(
        url(case, "dispatch"),
        {
            "dispatch-version": case.version,
            "dispatch-unit": cc.station_a.pk,
            "dispatch-handler": cc.people.handler.pk,
            "dispatch-co_units": [cc.station_b.pk, cc.office.pk],
        },
    )
    assert r.status_code == 302
    case = Case.objects.get(pk=case.pk)
    assert case.handler == cc.people.handler
    assert set(case.co_units.all()) == {cc.station_b, cc.office}
