"""Publishing a typical case: names as the office's policy says, the clause linked, shown on
the portal with the monthly table; bad citations and others' penalties refused."""

import pytest
from django.test import Client
from django.utils import timezone

from lianxin.core import clock
from lianxin.core.errors import ApplicationError
from lianxin.discipline import actions
from lianxin.discipline.models import DisciplineOffice, PublicNotice

# Dates here follow the wall clock: also run at midnight in Beijing, a month end, a holiday.
pytestmark = pytest.mark.any_hour


@pytest.fixture
def penalty(dc):
    return actions.penalty_record(
        root=dc.root, person=dc.people.handler, kind="admin", measure="demerit",
        category="banquets", decided_on=timezone.localdate(clock.now()),
        document_no="测〔2026〕5号", reason="接受宴请", actor=dc.inspector,
    )  # fmt: skip


def publish(dc, penalty, **kw):
    args = dict(
        root=dc.root, penalty=penalty, title="关于甲站接受宴请问题的通报", position="承办人",
        conduct="接受管理服务对象宴请。", clause="zuofeng/4", actor=dc.inspector,
    )  # fmt: skip
    args.update(kw)
    return actions.notice_publish(**args)


@pytest.mark.parametrize(
    ("policy", "shown"), [("surname", "杨某"), ("full", "杨承办"), ("none", "")]
)
def test_names_follow_the_office_policy(dc, penalty, policy, shown):
    DisciplineOffice.objects.filter(root=dc.root).update(names_policy=policy)
    notice = publish(dc, penalty)
    assert notice.person_shown == shown and notice.penalty_text == "记过"


def test_the_portal_shows_notices_and_the_monthly_table(dc, penalty):
    publish(dc, penalty)
    page = Client().get("/notices/").content.decode()
    assert "关于甲站接受宴请问题的通报" in page and "杨某" in page and "杨承办" not in page
    assert "/rules/zuofeng/4/1/" in page
    row = page[page.index("违规吃喝") :].split("</tr>")[0]
    assert ">1<" in row


def test_bad_notices_are_refused_and_nothing_published(dc, penalty, login):
    with pytest.raises(ApplicationError, match="没有与此引用相符的现行条款"):
        publish(dc, penalty, clause="zuofeng/99")
    with pytest.raises(ApplicationError, match="请选择已登记的处分"):
        publish(dc, None)
    with pytest.raises(Exception) as err:
        publish(dc, penalty, actor=dc.admin)
    assert err.type.__name__ == "Http404"
    assert login(dc.admin).get("/workbench/discipline/notices/").status_code == 404
    assert not PublicNotice.objects.exists()
