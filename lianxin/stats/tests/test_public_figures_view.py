"""The portal's figures and open data: frozen months only, no personal data."""

import csv
import io

from django.test import Client

from lianxin.core import clock
from lianxin.core.actor import Actor
from lianxin.stats.actions import scorecard_freeze

from .conftest import NOVEMBER, at


def _freeze(november):
    with clock.frozen_at(at(2026, 12, 9, 9)):
        scorecard_freeze(root=november.root, month=NOVEMBER, actor=Actor.system())


def test_nothing_is_published_before_a_month_is_frozen(november):
    client = Client()
    assert "还没有公布" in client.get("/figures/").content.decode()
    assert client.get("/figures/2026-11.csv").status_code == 404
    assert client.get("/figures/2026-11.json").status_code == 404


def test_the_page_shows_volume_by_category_and_rates_by_unit(november):
    _freeze(november)
    html = Client().get("/figures/").content.decode()
    assert "2026-11" in html and "路面病害" in html and "甲站" in html
    assert "66.7%" in html and "50.0%" in html  # 甲站's on-time and satisfaction rates
    assert "lx-category-data" in html and "赵市民" not in html and "吴站长" not in html


def test_open_data_as_csv_and_json_without_personal_data(november):
    _freeze(november)
    client = Client()
    text = client.get("/figures/2026-11.csv").content.decode("utf-8-sig")
    rows = {r["unit"]: r for r in csv.DictReader(io.StringIO(text))}
    assert set(rows) == {"甲站", "乙站"}
    assert rows["甲站"]["on_time_rate"] == "0.6667" and rows["乙站"]["on_time_rate"] == ""
    body = client.get("/figures/2026-11.json").json()
    assert body["month"] == "2026-11" and body["categories"] == [
        {"name": "路面病害", "received": 4}
    ]
    assert set(body["fields"]) == set(body["units"][0])
    for needle in ("13812345678", "赵市民", "吴站长", "外县"):
        assert needle not in text and needle not in str(body)


def test_a_bad_month_is_404(november):
    assert Client().get("/figures/2026-99.json").status_code == 404
    assert Client().get("/figures/?month=nonsense").status_code == 404
