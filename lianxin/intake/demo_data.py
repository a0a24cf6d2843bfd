"""Demo Open311 questions: every datatype the GeoReport v2 specification lists."""

from __future__ import annotations

from lianxin.cases.models import Category
from lianxin.org.models import Unit

from .models import CategoryQuestion


def load_demo_intake(units: dict[str, Unit]) -> bool:
    root = units["qingshan"]
    road = Category.objects.filter(root=root, name="路面病害").first()
    if road is None or road.questions.exists():
        return False
    rows = [
        (
            "size",
            "singlevaluelist",
            "坑槽大小",
            True,
            [
                {"key": "small", "name": "小于脸盆"},
                {"key": "medium", "name": "脸盆到井盖大小"},
                {"key": "large", "name": "大于井盖"},
            ],
        ),
        (
            "lanes",
            "multivaluelist",
            "影响哪些车道",
            False,
            [
                {"key": "left", "name": "左侧车道"},
                {"key": "right", "name": "右侧车道"},
                {"key": "shoulder", "name": "路肩"},
            ],
        ),
        ("count", "number", "坑槽个数", False, []),
        ("seen_at", "datetime", "发现时间", False, []),
        ("landmark", "string", "附近标志物", False, []),
        ("detail", "text", "补充说明", False, []),
    ]
    for order, (code, datatype, description, required, values) in enumerate(rows):
        CategoryQuestion.objects.create(
            category=road,
            code=code,
            datatype=datatype,
            description=description,
            required=required,
            order=order,
            values=values,
        )
    return True
