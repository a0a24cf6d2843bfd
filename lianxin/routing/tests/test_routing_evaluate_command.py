"""`lianxin routing evaluate FILE --label FIELD`: cross-validated figures, with a baseline."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

EXAMPLES = {
    "交警": [
        "红绿灯时间太短",
        "路口违章停车严重",
        "有人酒后驾驶",
        "闯红灯的电动车太多",
        "驾驶证换证要什么材料",
        "路口拥堵需要交警疏导",
    ],
    "住建": [
        "开发商延期交房",
        "物业费上涨不合理",
        "工地夜间施工噪音",
        "房产证办不下来",
        "小区电梯经常坏",
        "楼盘墙体开裂渗水",
    ],
    "公路养护": [
        "国道上有个大坑",
        "县道路面塌陷",
        "公路护栏撞坏了",
        "公路边沟堵塞",
        "国道路面坑槽很多",
        "公路桥梁伸缩缝坏了",
    ],
}


def _file(tmp_path, rows):
    path = tmp_path / "demands.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return str(path)


def test_prints_top1_top3_per_label_confusions_and_the_baseline(tmp_path, capsys):
    rows = [{"text": t, "dept": d} for d, texts in EXAMPLES.items() for t in texts]
    call_command("routing", "evaluate", _file(tmp_path, rows), "--label", "dept", "--folds", "3")
    out = capsys.readouterr().out
    assert "18" in out and "3" in out
    for label in EXAMPLES:
        assert label in out
    lines = out.splitlines()
    model_line = next(line for line in lines if "%" in line and "top" not in line)
    assert model_line.count("%") == 2
    assert sum(1 for line in lines if line.count("%") == 2) == 2  # model and baseline
    # three labels, a top-3 of three labels: every example is in the top 3
    assert "100.0 %" in model_line


def test_a_line_without_the_label_is_named(tmp_path):
    rows = [{"text": "红绿灯太短", "dept": "交警"}, {"text": "大坑"}]
    with pytest.raises(CommandError, match="2"):
        call_command("routing", "evaluate", _file(tmp_path, rows), "--label", "dept")


def test_too_few_examples_for_the_folds_is_explained(tmp_path):
    rows = [{"text": t, "dept": d} for d, texts in EXAMPLES.items() for t in texts[:2]]
    with pytest.raises(CommandError, match="folds|折"):
        call_command("routing", "evaluate", _file(tmp_path, rows), "--label", "dept")


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="nothere"):
        call_command("routing", "evaluate", str(tmp_path / "nothere.jsonl"), "--label", "dept")
