"""/api/v1/scorecards/{month}/units/{unit}: one unit's card, trend and the comments of the
level above; the organ's leader comments through the API and the station reads it; every
field error at once with nothing written; the station may not comment on itself (403);
outsiders 404."""

from lianxin.api.tests.client import bearer, post
from lianxin.core import clock
from lianxin.core.actor import Actor
from lianxin.stats.actions import scorecard_freeze
from lianxin.stats.models import MonthComment

from .conftest import NOVEMBER, at


def test_the_level_above_comments_and_the_station_reads_card_trend_and_comment(november):
    url = f"/api/v1/scorecards/2026-11/units/{november.station_a.pk}"
    with clock.frozen_at(at(2026, 12, 9, 9)):
        scorecard_freeze(root=november.root, month=NOVEMBER, actor=Actor.system())
    with clock.frozen_at(at(2026, 12, 10, 9)):
        r = post(bearer(november.leader), f"{url}/comments", {"text": "按时答复率偏低，请整改。"})
        assert r.status_code == 201, r.content
        got = bearer(november.station_leader).get(url).json()
    assert got["card"]["received"] == 3 and got["card"]["composite"] == 72.5
    assert [t["month"] for t in got["trend"]] == ["2026-11"]
    assert [(c["author"], c["text"]) for c in got["comments"]] == [
        ("张局长", "按时答复率偏低，请整改。")
    ]
    assert got["may_comment"] is False


def test_every_field_error_at_once_and_nothing_written(november):
    url = f"/api/v1/scorecards/2026-11/units/{november.station_a.pk}/comments"
    with clock.frozen_at(at(2026, 12, 10, 9)):
        r = post(bearer(november.leader), url, {"text": "评" * 2001})
    assert r.status_code == 422 and [e["field"] for e in r.json()["detail"]] == ["text"]
    assert not MonthComment.objects.exists()


def test_the_station_may_not_comment_on_itself_and_outsiders_get_404(november):
    url = f"/api/v1/scorecards/2026-11/units/{november.station_a.pk}"
    with clock.frozen_at(at(2026, 12, 10, 9)):
        assert (
            post(bearer(november.station_leader), f"{url}/comments", {"text": "好"}).status_code
            == 403
        )
        outsider = bearer(november.outsider)
        assert outsider.get(url).status_code == 404
        assert post(outsider, f"{url}/comments", {"text": "好"}).status_code == 404
    assert not MonthComment.objects.exists()
