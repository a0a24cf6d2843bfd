"""Regulations in the workbench: admins draft and put in force, cadres confirm, the study
table names who is missing; other organisations get 404."""

from lianxin.rules.models import Acknowledgement, Regulation


def test_an_admin_makes_a_regulation_and_puts_it_in_force(cast, login):
    admin = login(cast.admin)
    r = admin.post("/workbench/rules/", {"title": "公务接待办法", "code": "jiedai"})
    reg = Regulation.objects.get(code="jiedai")
    assert r.status_code == 302
    bad = admin.post(
        f"/workbench/rules/{reg.pk}/",
        {"issued_by": cast.office.pk, "applies_to": cast.root.pk, "text": "第二条 错了"},
    )
    assert bad.status_code == 400 and "条文编号不连续" in bad.content.decode()
    admin.post(
        f"/workbench/rules/{reg.pk}/",
        {"issued_by": cast.office.pk, "applies_to": cast.station_a.pk,
         "text": "第一条 凭公函接待。\n第二条 工作餐供应家常菜。"},
    )  # fmt: skip
    version = reg.versions.get()
    r = admin.post(f"/workbench/rules/versions/{version.pk}/enforce/")
    version.refresh_from_db()
    assert r.status_code == 302 and version.status == "in_force"
    page = login(cast.handler).get(f"/workbench/rules/versions/{version.pk}/").content.decode()
    assert "我已学习，并将对照执行" in page
    login(cast.handler).post(f"/workbench/rules/versions/{version.pk}/acknowledge/")
    assert Acknowledgement.objects.filter(version=version, person=cast.people.handler).exists()
    study = login(cast.admin).get(f"/workbench/rules/versions/{version.pk}/").content.decode()
    assert "1/2 · 50%" in study and "吴站长" in study


def test_others_cannot_manage_and_outsiders_see_nothing(rc, login):
    v = rc.v1
    handler = login(rc.handler)
    assert handler.get(f"/workbench/rules/versions/{v.pk}/").status_code == 200
    assert handler.post(f"/workbench/rules/versions/{v.pk}/repeal/").status_code == 404
    assert handler.get("/workbench/rules/booklet/").status_code == 404
    assert handler.post("/workbench/rules/", {"title": "x", "code": "xx"}).status_code == 404
    outsider = login(rc.outsider)
    for url in (f"/workbench/rules/{rc.reg.pk}/", f"/workbench/rules/versions/{v.pk}/"):
        assert outsider.get(url).status_code == 404
    assert "干部作风规定" not in outsider.get("/workbench/rules/").content.decode()


def test_a_draft_is_edited_on_its_page_and_compared(rc, login):
    from lianxin.rules import actions
    from lianxin.rules.tests.conftest import V2

    v2 = actions.version_draft(
        regulation=rc.reg, text=V2, issued_by=rc.office, applies_to=rc.root, actor=rc.admin
    )
    admin = login(rc.admin)
    r = admin.post(
        f"/workbench/rules/versions/{v2.pk}/",
        {"text": V2 + "第六条 本规定自印发之日起施行。", "document_no": "测〔2026〕2号"},
    )
    assert r.status_code == 302 and v2.clauses.filter(article=6).exists()
    bad = admin.post(f"/workbench/rules/versions/{v2.pk}/", {"text": "第九条 乱"})
    assert bad.status_code == 400 and "条文编号不连续" in bad.content.decode()
    assert (
        login(rc.handler)
        .post(f"/workbench/rules/versions/{v2.pk}/", {"text": "第一条 甲"})
        .status_code
        == 404
    )
    diff = login(rc.handler).get(f"/workbench/rules/versions/{v2.pk}/diff/{rc.v1.pk}/")
    assert "第六条 本规定自印发之日起施行。" in diff.content.decode()
    url = f"/workbench/rules/versions/{v2.pk}/diff/{rc.v1.pk}/"
    assert login(rc.outsider).get(url).status_code == 404
