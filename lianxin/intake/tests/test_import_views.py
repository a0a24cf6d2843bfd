"""Bulk import: the template, a check that reports each bad row before anything is written,
the import of the good rows (a background task, with progress), idempotent re-import."""

import csv
import io

from openpyxl import Workbook, load_workbook

from lianxin.cases.models import Case, Category
from lianxin.cases.timeline import verify
from lianxin.intake.imports import HEADERS
from lianxin.intake.models import ImportBatch

URL = "/workbench/imports/"


def xlsx(rows, merge=None) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(client, name, data, channel="opinion_box"):
    f = io.BytesIO(data)
    f.name = name
    return client.post(URL, {"channel": channel, "file": f})


GOOD = [
    "YJX-1",
    "2026-11-02 09:30",
    "建议",
    "路面病害",
    "建议增设减速带",
    "青山小学",
    "王某",
    "13800000000",
    "",
    "",
]


def test_the_template_has_the_chinese_headers(cast, login):
    Category.objects.create(root=cast.root, name="路面病害")
    r = login(cast.admin).get(URL + "template.xlsx")
    sheet = load_workbook(io.BytesIO(r.content)).active
    assert [c.value for c in sheet[1]] == HEADERS


def test_check_reports_bad_rows_then_imports_the_good_ones_once(
    cast, login, django_capture_on_commit_callbacks
):
    Category.objects.create(root=cast.root, name="路面病害")
    rows = [
        GOOD,
        [
            "YJX-2",
            "2026-11-03",
            "投诉",
            "路面病害",
            "坑槽长期未修",
            "",
            "",
            "",
            "已修补",
            "2026-11-05",
        ],
        ["YJX-3", "2026-11-03", "抱怨", "路面病害", "类型不对", "", "", "", "", ""],
        ["YJX-4", "2026-11-03", "建议", "不存在的分类", "分类不对", "", "", "", "", ""],
        ["YJX-5", "=NOW()", "建议", "路面病害", "公式", "", "", "", "", ""],
        ["YJX-6", "2026-11-03", "建议", "路面病害", "合并单元格", "", "", "", "", ""],
        ["YJX-1", "2026-11-03", "建议", "路面病害", "编号重复", "", "", "", "", ""],
        ["YJX-8", "2026-11-03", "建议", "路面病害", "电话不对", "", "", "12", "", ""],
        [
            "YJX-9",
            "2026-11-06",
            "投诉",
            "路面病害",
            "办结早于受理",
            "",
            "",
            "",
            "已答复",
            "2026-11-01",
        ],
    ]
    client = login(cast.admin)
    r = upload(client, "slips.xlsx", xlsx(rows, merge="E7:F7"))
    batch = ImportBatch.objects.get()
    assert r.status_code == 302 and (batch.total, batch.valid, batch.error_count) == (9, 2, 7)
    assert not Case.objects.exists()  # nothing written by the check
    page = client.get(f"{URL}{batch.pk}/").content.decode()
    for reason in (
        "未知的类型",
        "未知的分类",
        "公式",
        "合并单元格",
        "重复",
        "不是有效的电话号码",
        "办结早于受理",
    ):
        assert reason in page, reason
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{URL}{batch.pk}/confirm/")
    batch.refresh_from_db()
    assert (batch.state, batch.imported, batch.percent) == ("done", 2, 100)
    cases = {c.content: c for c in Case.objects.all()}
    assert cases["建议增设减速带"].channel == "opinion_box"
    assert cases["坑槽长期未修"].status == "closed" and cases["坑槽长期未修"].reply == "已修补"
    assert list(verify()) == []  # the imported timeline entries chain correctly
    r = upload(client, "slips-again.xlsx", xlsx(rows[:2]))
    again = ImportBatch.objects.latest("pk")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{URL}{again.pk}/confirm/")
    again.refresh_from_db()
    assert again.imported == 0 and Case.objects.count() == 2


def test_csv_in_gb18030_and_wrong_columns(cast, login):
    Category.objects.create(root=cast.root, name="路面病害")
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(HEADERS)
    writer.writerow(GOOD)
    client = login(cast.admin)
    r = upload(client, "history.csv", text.getvalue().encode("gb18030"), channel="import")
    assert r.status_code == 302 and ImportBatch.objects.get().valid == 1
    book = Workbook()
    book.active.append(["编号", "内容"])
    out = io.BytesIO()
    book.save(out)
    r = upload(client, "wrong.xlsx", out.getvalue())
    assert r.status_code == 400 and "与模板不符" in r.content.decode()
    r = upload(client, "fake.xlsx", b"not a spreadsheet")
    assert r.status_code == 400 and ImportBatch.objects.count() == 1
    assert "文件不是" in r.content.decode() or r.status_code == 400


def test_only_operators_dispatchers_and_administrators_import(cast, login):
    assert login(cast.handler).get(URL).status_code == 403
    assert login(cast.admin).get(URL).status_code == 200
