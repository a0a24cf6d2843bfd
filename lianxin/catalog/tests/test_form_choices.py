"""The drop-downs of the services pages say what to choose, never "---------"."""

import pytest


@pytest.mark.parametrize(
    "who, url, words",
    [
        ("admin", "/workbench/services/", ["请选择承办单位", "适用全部服务"]),
        ("handler", "/workbench/services/requests/", ["请选择服务事项"]),
    ],
)
def test_empty_choices_are_named(sv, login, who, url, words):
    html = login(getattr(sv, who)).get(url).content.decode()
    assert "---------" not in html
    for word in words:
        assert word in html
