"""`lianxin import_weibo`: mentions and private messages become cases, once."""

import json

from django.core.management import call_command

from lianxin.cases.models import Case, Category


def test_importing_the_same_export_twice_adds_nothing(cast, tmp_path, capsys):
    Category.objects.create(root=cast.root, name="路面病害")
    export = tmp_path / "weibo.json"
    export.write_text(
        json.dumps(
            {
                "statuses": [
                    {
                        "id": 4981,
                        "type": "mention",
                        "text": "@青山公路 河口大桥伸缩缝坏了",
                        "user": {"id": 7, "screen_name": "河口小王"},
                    },
                ],
                "messages": [
                    {
                        "mid": "m-22",
                        "type": "message",
                        "text": "石桥村路灯不亮",
                        "user": {"id": 8, "screen_name": "石桥人"},
                    },
                    {"type": "message", "text": "没有编号的消息"},
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    call_command("import_weibo", str(export))
    assert "2 new cases, 0 already imported, 1 refused" in capsys.readouterr().out
    call_command("import_weibo", str(export))
    assert "0 new cases, 2 already imported, 1 refused" in capsys.readouterr().out
    assert set(Case.objects.values_list("channel", "citizen_name")) == {
        ("weibo", "河口小王"),
        ("weibo", "石桥人"),
    }
