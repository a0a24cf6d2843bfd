"""The public message board: only cases whose citizens agreed, with personal data hidden."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from lianxin.cases import actions
from lianxin.cases import workflow as wf
from lianxin.cases.models import Channel, Kind
from lianxin.cases.tests.conftest import receive
from lianxin.core import clock

BEIJING = ZoneInfo("Asia/Shanghai")


def test_the_board_hides_names_numbers_and_addresses(cc, make_case, client):
    shown = make_case(
        "closed",
        content="我是赵市民，电话13812345678，身份证330102199001011234，家门口路面有坑。",
        place="青山镇青山村村口第三户",
    )
    make_case("closed", is_public=False, content="不公开的诉求")
    make_case("in_progress", content="还没有答复的诉求")
    page = client.get("/board/").content.decode()
    assert "家门口路面有坑" in page
    assert "不公开的诉求" not in page and "还没有答复的诉求" not in page
    for secret in ("赵市民", "13812345678", "330102199001011234", "第三户"):
        assert secret not in page
    assert "5678" not in page and "1234" not in page  # no digit of them is left
    assert "青山镇青山村" in page and "赵某某" in page
    detail = client.get(f"/board/{shown.code}/").content.decode()
    assert "13812345678" not in detail and "赵市民" not in detail


def test_numbers_in_every_written_form_are_masked_completely(cc, make_case, client):
    forms = [
        "138 0000 9481",
        "138-0000-9482",
        "+86 138 0000 9483",
        "0086-13800009484",
        "１３８００００９４８５",
        "0871-1239486",
        "（0871）1239487",
        "0871 123 9488",
        "330102 19900101 9489",
        "33010219900101949X",
    ]
    shown = make_case(
        "closed",
        content="青山路K12+300处有坑，联系：" + "，".join(forms) + "。",
        title="联系13800009490",
    )
    for url in ("/board/", f"/board/{shown.code}/"):
        page = client.get(url).content.decode()
        assert "K12+300" in page
        for n in range(9481, 9491):
            assert str(n) not in page and str(n)[-3:] + "X" not in page, (url, n)
        for digit in "９４８５":
            assert digit not in page


def test_a_private_case_is_not_on_the_board(cc, make_case, client):
    hidden = make_case("closed", is_public=False)
    assert client.get(f"/board/{hidden.code}/").status_code == 404


def at(day: int, month: int = 12) -> datetime:
    return datetime(2026, month, day, 10, 0, tzinfo=BEIJING)


def test_the_public_notice_calls_overdue_only_what_is_past_its_deadline(cc, make_case, client):
    with clock.frozen_at(at(20, 11)):  # a help request: 5 working days, due 11-27
        late = make_case("in_progress", kind="help")
        actions.case_supervise(case=late, level=2, actor=wf.SYSTEM)
    with clock.frozen_at(at(3)):
        flagged = make_case("in_progress", kind="help")  # due 12-10, not yet
        actions.case_supervise(case=flagged, level=3, note="挂牌", actor=cc.supervisor)
        page = client.get("/board/").content.decode()
    notice = page[page.index('id="public-notice"') :]
    notice = notice[: notice.index("</section>")]
    assert "督办件公示" in page and "超期督办件公示" not in page
    rows = dict(re.findall(r">(\d{12})</a>(.*?)</li>", notice, re.S))
    assert set(rows) == {late.code, flagged.code}
    assert "已超期 6 天" in rows[late.code] and "2026-11-27" in rows[late.code]
    assert "超期" not in rows[flagged.code] and "2026-12-10" in rows[flagged.code]
    assert "挂牌督办" in rows[flagged.code]
    for case in (late, flagged):
        assert f'href="/track/?code={case.code}"' in notice


def test_an_internal_problem_is_never_on_the_public_notice(cc, make_case, client):
    with clock.frozen_at(at(3)):
        problem, _ = receive(cc, kind=Kind.PROBLEM, channel=Channel.INSPECTION, actor=cc.leader)
        problem = actions.case_dispatch(case=problem, unit=cc.station_a, actor=cc.leader)
        problem = actions.case_accept(case=problem, actor=cc.handler)
        actions.case_supervise(case=problem, level=3, note="挂牌", actor=cc.supervisor)
        page = client.get("/board/").content.decode()
    assert problem.code not in page and "public-notice" not in page


def test_a_post_on_the_message_board_is_a_public_forum_case(cc, client):
    from lianxin.cases.models import Case

    page = client.get("/board/post/").content.decode()
    assert "在留言板发帖" in page
    r = client.post(
        "/board/post/",
        {
            "kind": "suggestion",
            "category": cc.road.pk,
            "content": "建议在河口镇增设公交站台",
            "citizen_name": "钱先生",
            "citizen_phone": "13566667777",
            "submit_token": "forum-1",
        },
    )
    assert r.status_code == 200
    case = Case.objects.get()
    assert (case.channel, case.is_public) == ("forum", True)


def test_the_board_takes_as_many_queries_for_3_cases_as_for_15(cc, make_case, client):
    from conftest import count_queries

    def add(n: int) -> None:
        with clock.frozen_at(at(20, 11)):  # help requests due 11-27, overdue by 12-03
            for _i in range(n):
                make_case("closed", content=f"留言板诉求{len(codes)}号")
                late = make_case("in_progress", kind="help")
                actions.case_supervise(case=late, level=2, actor=wf.SYSTEM)
                codes.append(late.code)

    codes: list[str] = []
    add(3)
    with clock.frozen_at(at(3)):
        page, few = count_queries(client, "/board/")
    assert "留言板诉求2号" in page.text and codes[2] in page.text
    add(12)
    with clock.frozen_at(at(3)):
        page, many = count_queries(client, "/board/")
    assert "留言板诉求14号" in page.text and codes[14] in page.text
    assert many == few
