"""`lianxin routing train`: learns lead unit and category from the organisation's own
dispatched cases, goes on incrementally, and runs once a night whatever the number of clocks."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from lianxin.cases import actions as case_actions
from lianxin.core import clock
from lianxin.routing.models import TrainedModel

from .conftest import receive

pytestmark = pytest.mark.django_db

ROAD = ["路面有个大坑请修补", "路面塌陷很危险", "沥青路面开裂坑洼", "路面坑槽颠簸严重"]
FEE = ["收费站乱收费", "收费员态度差多收钱", "收费标准不公开", "收费站排队收费太慢"]


def _history(cc):
    for i in range(3):
        for text in ROAD:
            case, _ = receive(cc, content=f"{text}{i}", category=cc.road)
            case_actions.case_dispatch(case=case, unit=cc.station_a, actor=cc.dispatcher)
        for text in FEE:
            case, _ = receive(cc, content=f"{text}{i}", category=cc.fee)
            case_actions.case_dispatch(case=case, unit=cc.station_b, actor=cc.dispatcher)


def _train(*args) -> str:
    out = io.StringIO()
    call_command("routing", "train", *args, stdout=out)
    return out.getvalue()


def test_learns_units_and_categories_from_dispatched_cases(cc):
    from lianxin.routing import suggest  # scikit-learn and jieba: imported when run

    _history(cc)
    out = _train()
    assert "测试公路段" in out and "24" in out
    units, cats = suggest.scores(cc.root.pk, "收费站多收了我的钱")
    assert units[0][0] == cc.station_b.pk
    assert cats[0][0] == cc.fee.pk
    units, cats = suggest.scores(cc.root.pk, "门口路面一个大坑")
    assert units[0][0] == cc.station_a.pk
    assert cats[0][0] == cc.road.pk


def test_a_second_run_learns_only_the_new_cases(cc):
    _history(cc)
    _train()
    case, _ = receive(cc, content="路面又塌陷了", category=cc.road)
    case_actions.case_dispatch(case=case, unit=cc.station_a, actor=cc.dispatcher)
    _train()
    newest = TrainedModel.objects.filter(root=cc.root).first()
    assert not newest.full and newest.cases == 25
    _train("--full")
    assert TrainedModel.objects.filter(root=cc.root).first().full


def test_too_little_history_is_said_and_nothing_stored(cc):
    out = _train()
    assert "测试公路段" in out
    assert not TrainedModel.objects.filter(root=cc.root).exists()


def test_an_unknown_organisation_is_a_clear_error(cc):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="nowhere"):
        _train("--org", "nowhere")


def test_the_clock_trains_once_a_night_however_many_clocks_sweep(cc):
    _history(cc)
    evening = timezone.make_aware(datetime(2026, 11, 19, 21, 0))
    with clock.frozen_at(evening):
        clock.sweep()  # plans the coming night; nothing is due yet
    assert not TrainedModel.objects.exists()
    night = timezone.make_aware(datetime(2026, 11, 20, 2, 5))
    with clock.frozen_at(night):
        clock.sweep()
        clock.sweep()  # a second clock process sweeping the same night
    assert TrainedModel.objects.filter(root=cc.root).count() == 1
