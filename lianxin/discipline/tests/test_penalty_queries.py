"""What penalties give the scorecards and the public statistics: counts per unit and person
in a month, and the monthly table by work-style category."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from lianxin.core import clock
from lianxin.discipline import actions, queries

# Dates here follow the wall clock: also run at midnight in Beijing, a month end, a holiday.
pytestmark = pytest.mark.any_hour


def test_penalties_counted_per_unit_person_and_category(dc):
    base = dict(
        root=dc.root, kind="admin", document_no="测〔2026〕3号", reason="收受礼品",
        actor=dc.inspector,
    )  # fmt: skip
    actions.penalty_record(
        person=dc.people.handler, measure="demerit", category="gifts",
        decided_on=datetime.date(2026, 11, 3), **base,
    )  # fmt: skip
    actions.penalty_record(
        person=dc.people.handler, measure="admin_warning", category="formalism",
        decided_on=datetime.date(2026, 10, 30), **base,
    )  # fmt: skip
    counts = queries.penalty_counts(dc.root, datetime.date(2026, 11, 1), datetime.date(2026, 12, 1))
    assert counts == {
        "units": {dc.station_a.pk: 1},
        "people": {dc.people.handler.pk: 1},
    }
    with clock.frozen_at(datetime.datetime(2026, 11, 20, tzinfo=ZoneInfo("Asia/Shanghai"))):
        months, rows = queries.monthly_stats(dc.root, months=2)
    assert months == [datetime.date(2026, 10, 1), datetime.date(2026, 11, 1)]
    table = {str(r["label"]): r["cells"] for r in rows}
    assert table["违规收送礼品礼金"] == [0, 1] and table["形式主义"] == [1, 0]


def test_the_monthly_table_puts_the_sub_items_under_their_heading(dc):
    actions.penalty_record(
        root=dc.root, person=dc.people.handler, kind="admin", measure="demerit",
        category="banquets", decided_on=datetime.date(2026, 11, 3), document_no="测〔2026〕4号",
        reason="违规吃喝", actor=dc.inspector,
    )  # fmt: skip
    with clock.frozen_at(datetime.datetime(2026, 11, 20, tzinfo=ZoneInfo("Asia/Shanghai"))):
        _months, rows = queries.monthly_stats(dc.root, months=1)
    labels = [(str(r["label"]), r["level"], r["total"]) for r in rows]
    heading = labels.index(("享乐主义、奢靡之风", 0, 1))
    assert labels[heading + 1 : heading + 9] == [
        ("违规收送礼品礼金", 1, 0),
        ("违规吃喝", 1, 1),
        ("违规发放津补贴或福利", 1, 0),
        ("公款旅游", 1, 0),
        ("违规配备使用公务用车", 1, 0),
        ("大办婚丧喜庆", 1, 0),
        ("楼堂馆所违规问题", 1, 0),
        ("其他享乐主义、奢靡之风问题", 1, 0),
    ]
    assert ("形式主义、官僚主义", 0, 0) in labels
    assert [label for label, level, _n in labels if level == 0][-1] == "其他作风问题"
