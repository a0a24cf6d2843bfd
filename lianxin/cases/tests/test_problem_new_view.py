"""Registering an internal problem (M2) from an inspection, a research visit or a list."""

from lianxin.cases.models import Case


def test_a_leader_registers_a_problem_and_becomes_its_issuer(cc, login):
    data = {
        "channel": "inspection",
        "category": cc.road.pk,
        "title": "巡查记录不规范",
        "content": "需建立每日签字制度",
        "submit_token": "p-1",
    }
    r = login(cc.leader).post("/workbench/cases/problems/new/", data)
    case = Case.objects.get()
    assert r.status_code == 302 and r["Location"].endswith(f"/cases/{case.code}/")
    assert case.kind == "problem" and case.issuer == cc.people.leader
    bad = login(cc.leader).post("/workbench/cases/problems/new/", {**data, "title": ""})
    assert bad.status_code == 400 and Case.objects.count() == 1
