"""The case queue: tabs, filters, search, and a fixed number of queries."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import count_queries
from lianxin.cases.models import Channel, Kind
from lianxin.core import clock
from lianxin.core.actor import Actor

from .conftest import receive, walk

# Dates here follow the wall clock: the tests that read a date, a waiting time or a search
# window (marked any_hour) also run at midnight in Beijing, a month end, a holiday. Tabs,
# filters without dates, cursors and query counts do not depend on the hour and run once.

URL = "/workbench/cases/"


def codes_in(response):
    return {c.code for c in response.context["page"]}


def test_the_query_count_does_not_grow_with_the_page(cc, make_case, login):
    client = login(cc.dispatcher)
    make_case("in_progress")
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL).status_code == 200
    for _ in range(12):
        make_case("in_progress")
    with CaptureQueriesContext(connection) as many:
        response = client.get(URL)
    assert len(response.context["page"]) == 13
    assert len(many) == len(few)


def _supervised(cc):
    from lianxin.cases import actions

    case = walk(cc, "in_progress")
    return actions.case_remind(case=case, actor=cc.supervisor)


def _unsatisfied(cc):
    from lianxin.cases import actions
    from lianxin.cases import workflow as wf

    case = walk(cc, "replied")
    return actions.case_rate(case=case, rating=1, solved=False, actor=wf.CITIZEN)


TAB_ROWS = {  # tab: (who opens it, a case that shows on it)
    "all": ("dispatcher", lambda cc: walk(cc, "in_progress")),
    "incoming": ("dispatcher", lambda cc: walk(cc, "received")),
    "mine": ("handler", lambda cc: walk(cc, "in_progress")),
    "review": ("supervisor", _unsatisfied),
    "supervised": ("supervisor", _supervised),
}


@pytest.mark.parametrize("tab", sorted(TAB_ROWS))
def test_each_tab_takes_as_many_queries_for_3_cases_as_for_15(cc, login, tab):
    who, make = TAB_ROWS[tab]
    client = login(getattr(cc, who))
    for _ in range(3):
        make(cc)
    page, few = count_queries(client, URL, {"tab": tab})
    assert len(page.context["page"]) == 3
    for _ in range(12):
        make(cc)
    page, many = count_queries(client, URL, {"tab": tab})
    assert len(page.context["page"]) == 15
    assert many == few


@pytest.mark.any_hour
def test_tabs_filters_and_search(cc, make_case, login):
    incoming = make_case("received")
    mine = make_case("in_progress")
    hotline, _ = receive(
        cc,
        channel=Channel.HOTLINE,
        kind=Kind.CONSULT,
        actor=cc.operator,
        citizen_phone="13700001111",
        content="请问超限运输许可怎么办理",
    )
    with clock.frozen_at(mine.reply_due + timedelta(hours=1)):
        client = login(cc.dispatcher)
        assert codes_in(client.get(URL, {"tab": "incoming"})) == {incoming.code, hotline.code}
        assert codes_in(client.get(URL, {"overdue": "on"})) == {mine.code}
    assert codes_in(client.get(URL, {"channel": "hotline"})) == {hotline.code}
    assert codes_in(client.get(URL, {"kind": "consult"})) == {hotline.code}
    assert codes_in(client.get(URL, {"status": "in_progress"})) == {mine.code}
    assert codes_in(client.get(URL, {"unit": cc.station_a.pk})) == {mine.code}
    assert codes_in(client.get(URL, {"category": cc.fee.pk})) == set()
    assert codes_in(client.get(URL, {"q": "13700001111"})) == {hotline.code}
    assert codes_in(client.get(URL, {"q": "超限运输"})) == {hotline.code}
    assert codes_in(client.get(URL, {"q": mine.code})) == {mine.code}
    today = timezone.localdate(incoming.received_at).isoformat()
    assert len(codes_in(client.get(URL, {"since": today, "until": today}))) == 3
    assert codes_in(client.get(URL, {"since": "2020-01-01", "until": "2020-01-02"})) == set()
    handler_view = login(cc.handler).get(URL, {"tab": "mine"})
    assert codes_in(handler_view) == {mine.code}


def test_a_handler_sees_the_tabs_of_his_work_and_a_dispatcher_those_of_his(cc, login):
    handler = login(cc.handler).get(URL, {"tab": "mine"})
    assert [k for k, _label in handler.context["tabs"]] == ["all", "mine", "supervised", "problems"]
    assert "待派单" not in handler.content.decode()
    dispatcher = login(cc.dispatcher).get(URL)
    assert {"incoming", "review"} <= {k for k, _label in dispatcher.context["tabs"]}
    # a tab opened by its address still shows itself (and only the cases he may see)
    typed = login(cc.handler).get(URL, {"tab": "incoming"})
    assert typed.status_code == 200 and "incoming" in [k for k, _l in typed.context["tabs"]]


def test_every_filter_offers_all_instead_of_dashes(cc, login):
    html = login(cc.dispatcher).get(URL).content.decode()
    assert "---------" not in html
    for name in ("category", "unit", "kind", "channel"):
        select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
        assert re.search(r'<option value=""[^>]*>全部</option>', select), name


def test_outsiders_get_nothing(cc, make_case, login):
    make_case("received")
    assert len(login(cc.outsider).get(URL).context["page"]) == 0
    assert login(cc.nobody).get(URL).status_code == 403


def test_an_unknown_unit_in_the_filter_lists_nothing_and_says_why(cc, make_case, login):
    make_case("in_progress")
    client = login(cc.dispatcher)
    for params in ({"unit": 999999}, {"unit": 10**30}, {"category": 10**30}):
        response = client.get(URL, params)
        assert response.status_code == 400 and codes_in(response) == set(), params
        assert "选择一个有效的选项" in response.content.decode()


# -- keyset pagination: a cursor in the URL, next/previous, a stable order


@pytest.mark.any_hour
def test_next_and_previous_walk_the_register_in_a_stable_order(cc, make_case, login, monkeypatch):
    from lianxin.cases import views

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    made = [receive(cc, content=f"第{i}件：路灯不亮，请修理")[0] for i in range(5)]
    newest_first = [c.code for c in reversed(made)]
    client = login(cc.dispatcher)
    seen, response = [], client.get(URL)
    pages = [response]
    while response.context["page"].has_next:
        assert response.context["page"].next_cursor in response.content.decode()
        response = client.get(URL, {"after": response.context["page"].next_cursor})
        pages.append(response)
    for r in pages:
        seen += [c.code for c in r.context["page"]]
    assert seen == newest_first and len(pages) == 3
    assert not pages[0].context["page"].has_previous
    back = client.get(URL, {"before": pages[2].context["page"].previous_cursor})
    assert [c.code for c in back.context["page"]] == newest_first[2:4]
    first = client.get(URL, {"before": back.context["page"].previous_cursor})
    assert [c.code for c in first.context["page"]] == newest_first[:2]
    assert not first.context["page"].has_previous


@pytest.mark.any_hour
def test_the_incoming_queue_pages_urgent_first_then_the_longest_waiting(cc, login, monkeypatch):
    from lianxin.cases import views

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    made = [receive(cc, content=f"第{i}件：路灯不亮，请修理")[0] for i in range(4)]
    urgent = receive(cc, content="桥面塌陷，车辆无法通行", urgent=True)[0]
    expected = [urgent.code, *(c.code for c in made)]
    client = login(cc.dispatcher)
    response = client.get(URL, {"tab": "incoming"})
    pages = [response]
    while response.context["page"].has_next:
        cursor = response.context["page"].next_cursor
        response = client.get(URL, {"tab": "incoming", "after": cursor})
        pages.append(response)
    assert [c.code for r in pages for c in r.context["page"]] == expected
    back = client.get(URL, {"tab": "incoming", "before": pages[1].context["page"].previous_cursor})
    assert [c.code for c in back.context["page"]] == expected[:2]


def test_an_unreadable_cursor_shows_the_first_page(cc, make_case, login):
    case = make_case("received")
    client = login(cc.dispatcher)
    for cursor in ("nonsense", "W10", "WyJ4IiwgMV0", "%%%"):
        response = client.get(URL, {"after": cursor})
        assert response.status_code == 200 and codes_in(response) == {case.code}


def test_the_filter_is_kept_when_paging(cc, make_case, login, monkeypatch):
    from lianxin.cases import views

    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    receive(cc, content="收费站排队太长，请增开通道")
    wanted = [receive(cc, channel=Channel.HOTLINE, kind=Kind.CONSULT)[0] for _ in range(2)]
    client = login(cc.dispatcher)
    first = client.get(URL, {"channel": "hotline"})
    assert "channel=hotline&amp;after=" in first.content.decode()
    second = client.get(URL, {"channel": "hotline", "after": first.context["page"].next_cursor})
    assert codes_in(first) | codes_in(second) == {c.code for c in wanted}
    assert not second.context["page"].has_next


# -- search by words of any length, ranked


@pytest.mark.any_hour
def test_search_finds_two_character_and_one_character_words(cc, login):
    pothole, _ = receive(cc, content="G105线K12+300路面坑槽很多，车辆颠簸")
    lamp, _ = receive(cc, content="青山镇路灯不亮")
    client = login(cc.dispatcher)
    assert codes_in(client.get(URL, {"q": "坑槽"})) == {pothole.code}
    assert codes_in(client.get(URL, {"q": "路灯"})) == {lamp.code}
    assert codes_in(client.get(URL, {"q": "坑"})) == {pothole.code}
    assert codes_in(client.get(URL, {"q": "坑槽很多"})) == {pothole.code}
    assert codes_in(client.get(URL, {"q": "k12+300"})) == {pothole.code}
    assert codes_in(client.get(URL, {"q": "坑槽很少"})) == set()
    assert codes_in(client.get(URL, {"q": "100%_"})) == set()


@pytest.mark.any_hour
def test_search_follows_an_edited_text(cc, login):
    from lianxin.cases.models import Case

    case, _ = receive(cc, content="桥面伸缩缝破损")
    # e.g. corrected by an administrator
    Case.objects.filter(pk=case.pk).update(title="护栏被撞坏", content="护栏被撞坏")
    client = login(cc.dispatcher)
    assert codes_in(client.get(URL, {"q": "伸缩缝"})) == set()
    assert codes_in(client.get(URL, {"q": "护栏被撞"})) == {case.code}


def test_a_frequent_word_shows_its_newest_matches_from_the_month_then_the_year_then_all(
    cc, login, monkeypatch
):
    from lianxin.cases import queries

    monkeypatch.setattr(queries, "SEARCH_WINDOW", 2)
    now = clock.now()

    def lamp(days_ago):
        with clock.frozen_at(now - timedelta(days=days_ago)):
            return receive(cc, content=f"{days_ago}天前：路灯不亮")[0]

    old, last_year, this_month = lamp(500), lamp(100), lamp(3)
    client = login(cc.dispatcher)
    # the month holds one match, the year two: the newest two, not the oldest
    assert codes_in(client.get(URL, {"q": "路灯"})) == {this_month.code, last_year.code}
    assert codes_in(client.get(URL, {"q": "路灯不亮"})) == {this_month.code, last_year.code}
    also_this_month = lamp(1)
    assert codes_in(client.get(URL, {"q": "路灯"})) == {also_this_month.code, this_month.code}
    monkeypatch.setattr(queries, "SEARCH_WINDOW", 5)  # fewer matches than the window: all
    assert codes_in(client.get(URL, {"q": "路灯"})) == {
        old.code,
        last_year.code,
        this_month.code,
        also_this_month.code,
    }


def test_the_incoming_queue_counts_each_units_returns_of_the_last_30_days(cc, make_case, login):
    from conftest import make_person
    from lianxin.cases import actions
    from lianxin.org import actions as org_actions
    from lianxin.org.models import Role

    def returned(case, actor):
        actions.case_return(case=case, reason="不属于本站管辖", actor=actor)

    with clock.frozen_at(clock.now() - timedelta(days=40)):
        returned(make_case("dispatched"), cc.handler)  # too old to count
    for _ in range(2):
        returned(make_case("dispatched"), cc.handler)
    # another organisation's station returns its own case: not counted here
    station = org_actions.unit_create(
        name="外县站", kind="station", parent=cc.other, actor=Actor.system()
    )
    desk = make_person("o-d", "外县派单", cc.other, roles=[(Role.DISPATCHER, cc.other)])
    worker = make_person("o-h", "外县承办", station, roles=[(Role.HANDLER, station)])
    theirs = receive(cc, root=cc.other, category=cc.other_cat)[0]
    theirs = actions.case_dispatch(case=theirs, unit=station, actor=desk.user)
    returned(theirs, worker.user)
    response = login(cc.dispatcher).get(URL, {"tab": "incoming"})
    assert response.context["returns"] == [{"unit": cc.station_a.name, "count": 2}]
    assert f"{cc.station_a.name} 2" in response.content.decode()


def test_a_search_reads_the_words_index_once_a_page_when_the_month_holds_the_window(
    cc, login, monkeypatch
):
    """The newest matches found in the month are handed to the page's query as they are:
    the words are not searched a second time for the page (docs/scale.md, 1,000,000 cases)."""
    from lianxin.cases import queries

    monkeypatch.setattr(queries, "SEARCH_WINDOW", 2)
    lamps = {receive(cc, content=f"第{n}盏路灯不亮")[0].code for n in range(3)}
    client = login(cc.dispatcher)
    # the word index's test: ILIKE (trigrams) on PostgreSQL, MATCH (FTS5) on SQLite
    mark = "ILIKE" if connection.vendor == "postgresql" else " MATCH "
    with CaptureQueriesContext(connection) as done:
        response = client.get(URL, {"q": "路灯不亮"})
    assert len(codes_in(response) & lamps) == 2
    assert sum(mark in q["sql"] for q in done.captured_queries) == 1


@pytest.mark.any_hour
def test_a_hit_in_the_title_ranks_first_then_the_newest(cc, problem_titles, login):
    older_title, newer_body, newest_title = problem_titles
    page = login(cc.dispatcher).get(URL, {"q": "排水沟"}).context["page"]
    assert [c.code for c in page] == [newest_title.code, older_title.code, newer_body.code]


@pytest.fixture
def problem_titles(cc):
    from lianxin.cases import actions

    def problem(title, content):
        return actions.case_receive(
            root=cc.root,
            kind=Kind.PROBLEM,
            channel=Channel.INSPECTION,
            category=cc.road,
            title=title,
            content=content,
            actor=cc.supervisor,
        )[0]

    return (
        problem("排水沟堵塞", "检查发现K3处积水"),
        problem("路面积水", "K5处排水沟堵塞"),
        problem("排水沟破损", "K8处盖板缺失"),
    )


@pytest.mark.parametrize(
    "params",
    [{"tab": "incoming"}, {"tab": "mine"}, {"tab": "all"}, {"q": "坑槽"}, {"q": "坑槽修补"}],
)
def test_each_queue_page_makes_a_fixed_number_of_queries(
    cc, make_case, login, params, monkeypatch, django_assert_num_queries
):
    from lianxin.cases import views

    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    for state in ("received", "received", "in_progress", "in_progress", "replied"):
        make_case(state, content="路面坑槽修补不及时")
    client = login(cc.handler if params.get("tab") == "mine" else cc.dispatcher)
    first = client.get(URL, params).context["page"]
    assert first.has_next
    expected = QUERIES["search" if "q" in params else params.get("tab", "all")]
    with django_assert_num_queries(expected):
        client.get(URL, params)
    for state in ("received", "in_progress"):
        make_case(state, content="路面坑槽修补不及时")
    with django_assert_num_queries(expected):
        response = client.get(URL, {**params, "after": first.next_cursor})
    assert len(response.context["page"]) == 1


# a search looks for its newest matches in the last month, then the last year, then in all
# (queries.SEARCH_SPANS): two more queries when the month and the year hold too few
QUERIES = {"incoming": 16, "mine": 13, "all": 13, "search": 15}
