"""The embedded default holds: twenty citizens submitting at the same moment while an
import writes its chunks get their codes, nobody sees "database is locked", and every
case, theirs and the file's, is stored."""

import io
import threading

import pytest
from django.db import close_old_connections, connection
from django.test import Client
from openpyxl import Workbook

from lianxin.cases.models import Case
from lianxin.core.actor import Actor
from lianxin.intake import actions as intake_actions
from lianxin.intake.imports import HEADERS
from lianxin.intake.models import ImportBatch

SUBMITTERS = 20
IMPORTED = 600


def _file() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for n in range(IMPORTED):
        sheet.append(
            [
                f"YJX-{n}",
                "2026-11-02 09:30",
                "建议",
                "路面病害",
                f"建议增设减速带（第{n}条）",
                "青山小学",
                "王某",
                "13800000000",
                "",
                "",
            ]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_twenty_submissions_and_an_import_at_once_lose_nothing(cc):
    batch = intake_actions.import_check(
        root=cc.root, channel="opinion_box", name="box.xlsx", data=_file(), actor=Actor.system()
    )
    ImportBatch.objects.filter(pk=batch.pk).update(state=ImportBatch.State.RUNNING)
    barrier = threading.Barrier(SUBMITTERS + 1)
    answers, errors = [], []

    def submit(n):
        try:
            client = Client(REMOTE_ADDR=f"10.0.{n}.1")
            client.get("/submit/")
            barrier.wait()
            response = client.post(
                "/submit/",
                {
                    "kind": "help",
                    "category": cc.road.pk,
                    "content": f"河口镇新街路面塌陷，请尽快处理（{n}号）",
                    "place": "河口镇新街56号",
                    "citizen_name": "钱先生",
                    "citizen_phone": "13566667777",
                    "submit_token": f"load-{n}",
                },
            )
            answers.append((response.status_code, 'id="case-secret"' in response.content.decode()))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    def run_import():
        try:
            barrier.wait()
            intake_actions.import_run(batch.pk)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(SUBMITTERS)]
    threads.append(threading.Thread(target=run_import))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert answers == [(200, True)] * SUBMITTERS
    batch.refresh_from_db()
    assert batch.state == ImportBatch.State.DONE, batch.message
    assert batch.imported == IMPORTED
    assert Case.objects.filter(channel="web").count() == SUBMITTERS
    assert Case.objects.filter(channel="opinion_box").count() == IMPORTED
