"""Setting up the register: categories and time limits by administrators, common answers by
a unit's staff; others refused."""

from lianxin.cases.models import Category, ReplyTemplate, TimeLimit
from lianxin.core.models import AuditEvent

URL = "/workbench/cases/setup/"


def test_an_administrator_adds_a_category_and_a_time_limit(cc, login):
    client = login(cc.admin)
    page = client.get(URL)
    assert page.status_code == 200 and "投诉 7 个工作日" in page.content.decode()
    r = client.post(
        URL,
        {
            "category-name": "路灯照明",
            "category-sort_order": 3,
            "category-default_unit": cc.station_b.pk,
        },
    )
    assert r.status_code == 302
    category = Category.objects.get(name="路灯照明")
    assert category.default_unit == cc.station_b
    r = client.post(
        URL, {"limit-category": category.pk, "limit-kind": "help", "limit-reply_workdays": 2}
    )
    assert r.status_code == 302
    limit = TimeLimit.objects.get()
    assert (limit.category, limit.kind, limit.reply_workdays) == (category, "help", 2)
    assert AuditEvent.objects.filter(action="time_limit.set").exists()
    r = client.post(URL, {"limit-kind": "help", "limit-reply_hours": 5, "limit-reply_workdays": 2})
    assert r.status_code == 400 and "不能同时" in r.content.decode()
    r = client.post(URL, {"category-name": "路灯照明", "category-sort_order": 0})
    assert r.status_code == 400 and Category.objects.filter(name="路灯照明").count() == 1
    client.post(f"/workbench/cases/setup/limits/{limit.pk}/delete/")
    assert not TimeLimit.objects.exists()


def test_others_may_not_set_up_the_register(cc, login):
    assert login(cc.dispatcher).get(URL).status_code == 403
    assert login(cc.outsider).get(URL).status_code == 403


def test_a_station_keeps_its_common_answers(cc, login):
    url = f"/workbench/org/units/{cc.station_a.pk}/templates/"
    r = login(cc.handler).post(url, {"title": "已修补", "text": "坑槽已修补，感谢反映。"})
    assert r.status_code == 302
    template = ReplyTemplate.objects.get()
    assert template.unit == cc.station_a
    assert login(cc.handler_b).post(url, {"title": "乱加", "text": "x"}).status_code == 403
    assert login(cc.outsider).get(url).status_code == 404
    login(cc.handler).post(f"/workbench/cases/templates/{template.pk}/delete/")
    assert not ReplyTemplate.objects.exists()


def test_only_those_who_write_a_units_answers_delete_them(cc, login):
    from lianxin.cases import actions

    template = actions.reply_template_save(
        unit=cc.station_a, title="已修补", text="坑槽已修补，感谢反映。", actor=cc.handler
    )
    url = f"/workbench/cases/templates/{template.pk}/delete/"
    assert login(cc.handler_b).post(url).status_code == 403
    assert login(cc.outsider).post(url).status_code == 404
    assert ReplyTemplate.objects.filter(pk=template.pk).exists()


def test_a_units_answers_take_as_many_queries_for_3_as_for_15(cc, login):
    from conftest import count_queries
    from lianxin.cases import actions

    def write(start, n):
        for i in range(start, start + n):
            actions.reply_template_save(
                unit=cc.station_a, title=f"常用答复{i}", text="坑槽已修补，感谢反映。",
                category=cc.road if i % 2 else None, actor=cc.handler,
            )  # fmt: skip

    client = login(cc.handler)
    url = f"/workbench/org/units/{cc.station_a.pk}/templates/"
    write(0, 3)
    page, few = count_queries(client, url)
    assert "常用答复2" in page.text
    write(3, 12)
    page, many = count_queries(client, url)
    assert "常用答复14" in page.text
    assert many == few


def test_the_setup_page_takes_as_many_queries_for_3_categories_as_for_15(cc, login):
    from conftest import count_queries
    from lianxin.cases import actions

    def add(start, n):
        for i in range(start, start + n):
            category = actions.category_save(
                root=cc.root, name=f"分类{i}", default_unit=cc.station_a, actor=cc.admin
            )
            actions.time_limit_set(
                root=cc.root, category=category, kind="complaint", urgent=False,
                reply_workdays=5, actor=cc.admin,
            )  # fmt: skip

    client = login(cc.admin)
    add(0, 1)  # and the cast's two
    page, few = count_queries(client, "/workbench/cases/setup/")
    assert "分类0" in page.text
    add(1, 12)
    page, many = count_queries(client, "/workbench/cases/setup/")
    assert "分类12" in page.text
    assert many == few
