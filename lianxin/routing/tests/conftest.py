"""The routing cast: the cases cast (operator, dispatcher, categories road and fee) plus a
road register (G205 K10-K20 station A, K20-K30 station B, 乙村 station B) and clean caches."""

from __future__ import annotations

import pytest

from lianxin.cases.tests.conftest import _module_cc, cc, make_case, receive  # noqa: F401

# The kept rules, sections, models and duplicate indexes are dropped before each test by the
# root conftest (_fresh_process_caches); the routing modules are imported by the tests that
# use them, not when the tests are collected (scikit-learn and jieba take seconds to import).


@pytest.fixture
def register(cc):  # noqa: F811
    from lianxin.routing import actions

    actions.section_save(
        root=cc.root,
        station=cc.station_a,
        route="G205",
        start="K10+000",
        end="K20+000",
        actor=cc.admin,
    )
    actions.section_save(
        root=cc.root,
        station=cc.station_b,
        route="G205",
        start="K20+000",
        end="K30+000",
        place_names="乙镇 乙村",
        actor=cc.admin,
    )
    return cc
