"""The public regulations: in force only, searchable, each article and 款 at its own address,
earlier versions and their differences; drafts never shown."""

from django.test import Client

from lianxin.rules import actions
from lianxin.rules.tests.conftest import V2


def test_the_public_reads_searches_and_cites_clauses(rc):
    c = Client()
    listing = c.get("/rules/").content.decode()
    assert "干部作风规定" in listing
    page = c.get("/rules/zuofeng/").content.decode()
    assert 'id="a3-2"' in page and "工作时间不得玩手机。" in page
    assert 'href="/rules/zuofeng/3/2/"' in page
    clause = c.get("/rules/zuofeng/3/2/").content.decode()
    assert "第三条第二款" in clause and "工作时间不得玩手机。" in clause
    assert "不得迟到早退" not in clause
    assert "/report/?clause=zuofeng/3/2" in clause
    article = c.get("/rules/zuofeng/3/").content.decode()
    assert "不得迟到早退" in article and "工作时间不得玩手机。" in article
    hits = c.get("/rules/", {"q": "宴请"}).content.decode()
    assert "找到 1 条" in hits and "/rules/zuofeng/4/1/" in hits
    for missing in (
        "/rules/zuofeng/9/",
        "/rules/zuofeng/3/7/",
        "/rules/nothing/",
        "/rules/zuofeng/v9/",
    ):
        assert c.get(missing).status_code == 404, missing


def test_drafts_stay_inside_and_old_versions_show_their_changes(rc):
    v2 = actions.version_draft(
        regulation=rc.reg, text=V2, issued_by=rc.office, applies_to=rc.root, actor=rc.admin
    )
    c = Client()
    assert "窗口岗位" not in c.get("/rules/zuofeng/").content.decode()
    assert c.get("/rules/zuofeng/v2/").status_code == 404
    assert c.get("/rules/zuofeng/5/").status_code == 404
    actions.version_enforce(version=v2, actor=rc.admin)
    assert "窗口岗位" in c.get("/rules/zuofeng/").content.decode()
    old = c.get("/rules/zuofeng/v1/").content.decode()
    assert "已废止" in old and "窗口岗位" not in old
    diff = c.get("/rules/zuofeng/diff/1/2/").content.decode()
    assert "第 1 版到第 2 版的修改" in diff and "第五条 窗口岗位应当公开承诺时限。" in diff
