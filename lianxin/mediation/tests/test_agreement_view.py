"""The printed mediation agreement (调解协议书): its number, the parties by name and standing,
how many copies, and who may open it."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from lianxin.core import clock
from lianxin.mediation import actions

NOW = timezone.make_aware(datetime(2026, 11, 20, 10))


def settled(cast, parties):
    with clock.frozen_at(NOW):
        d = actions.dispute_open(
            unit=cast.station_a,
            subject="施工车辆损坏村道赔偿纠纷",
            category="roadwork",
            description="施工车辆压坏村道。",
            mediator=cast.people.station_leader,
            parties=parties,
            actor=cast.station_leader,
        )
        actions.session_add(
            dispute=d,
            day=NOW.date(),
            place="甲村村委会",
            attendees="各方",
            notes="协商一致",
            actor=cast.station_leader,
        )
        return actions.dispute_close(
            dispute=d, outcome="success", agreement="施工方修复村道。", actor=cast.station_leader
        )


def test_the_agreement_names_parties_number_and_copies(cast, login):
    d = settled(
        cast,
        [
            {"name": "李某", "contact": "13905710001"},
            {"name": "青山建工集团", "kind": "organisation"},
        ],
    )
    html = login(cast.station_leader).get(f"/workbench/mediation/{d.pk}/agreement/")
    html = html.content.decode()
    assert "甲站调〔2026〕1号" in html
    assert "序号" not in html
    assert '甲方</dt>：<dd class="d-inline">李某（自然人）' in html
    assert '乙方</dt>：<dd class="d-inline">青山建工集团（法人或其他组织）' in html
    assert "（人员）" not in html
    assert "一式三份" in html and "一式多份" not in html
    assert "乙方（盖章）" in html and "甲方（签名）" in html


def test_four_parties_make_five_copies(cast, login):
    d = settled(cast, [{"name": n} for n in ["李某", "王某", "张某", "赵某"]])
    html = login(cast.station_leader).get(f"/workbench/mediation/{d.pk}/agreement/")
    assert "一式五份" in html.content.decode()
    assert "丁方" in html.content.decode()


def test_outsiders_get_404(cast, login):
    d = settled(cast, [{"name": "李某"}, {"name": "王某"}])
    assert login(cast.handler_b).get(f"/workbench/mediation/{d.pk}/agreement/").status_code == 404
    assert login(cast.outsider).get(f"/workbench/mediation/{d.pk}/agreement/").status_code == 404
