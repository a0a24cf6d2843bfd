"""The drop-downs of contact work say what to choose (请选择…), never "---------"."""

import pytest


@pytest.mark.parametrize(
    "who, url, words",
    [
        ("station_leader", "/workbench/liaison/", ["请选择地点"]),
        ("admin", "/workbench/liaison/points/", ["请选择干部", "请选择地点", "请选择单位"]),
        ("leader", "/workbench/liaison/research/", ["请选择站所", "请选择问题分类"]),
    ],
)
def test_empty_choices_are_named(lx, login, who, url, words):
    html = login(getattr(lx, who)).get(url).content.decode()
    assert "---------" not in html
    for word in words:
        assert word in html
