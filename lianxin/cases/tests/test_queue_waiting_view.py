"""The work queues (what came in, my cases): urgent cases first, then the one that has
waited longest, with a waiting-time column an office reads ("2天3小时"); the list is the
same markup that lists.css turns into cards on a phone, and filters fold on a phone."""

import re
from datetime import timedelta

from django.utils import translation

from lianxin.cases.text import waited
from lianxin.core import clock

from .conftest import receive

URL = "/workbench/cases/"


def test_waiting_times_read_as_an_office_writes_them():
    with translation.override("zh-hans"):
        assert waited(timedelta(days=2, hours=3, minutes=40)) == "2天3小时"
        assert waited(timedelta(days=1)) == "1天"
        assert waited(timedelta(hours=5, minutes=7)) == "5小时7分钟"
        assert waited(timedelta(minutes=12)) == "12分钟"
        assert waited(timedelta(seconds=20)) == "不到1分钟"


def test_urgent_cases_come_first_then_the_longest_waiting(cc, login):
    at = clock.now()
    with clock.frozen_at(at - timedelta(days=2, hours=3)):
        oldest, _ = receive(cc, content="最早的一件：桥头护栏损坏")
    with clock.frozen_at(at - timedelta(hours=1)):
        newer, _ = receive(cc, content="较新的一件：路面积水")
    with clock.frozen_at(at - timedelta(minutes=30)):
        urgent, _ = receive(cc, content="紧急：山体落石阻断道路", urgent=True)
    with clock.frozen_at(at):
        response = login(cc.dispatcher).get(URL, {"tab": "incoming"})
    assert [c.code for c in response.context["page"]] == [urgent.code, oldest.code, newer.code]
    page = response.content.decode()
    assert "等待时长" in page and "2天3小时" in page and "30分钟" in page
    assert 'class="lx-urgent"' in page and "css/lists.css" in page


def test_the_filters_fold_behind_a_toggle_that_counts_the_active_ones(cc, login):
    page = login(cc.dispatcher).get(URL, {"tab": "all", "kind": "complaint", "q": "坑"})
    text = page.content.decode()
    assert 'data-bs-target="#case-filters"' in text
    assert re.search(r"筛选 \(2\)</button>", text)
    assert 'class="collapse d-md-block mb-2" id="case-filters"' in text
