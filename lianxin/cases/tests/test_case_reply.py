"""The lead unit's reply (case_reply): photos of the result go with the public reply entry,
which the citizen sees on his tracking page; a stock answer's unfilled placeholder ("X月X日",
"XX", "某某") is refused before anything reaches the citizen."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from lianxin.cases import actions
from lianxin.cases.models import Case
from lianxin.core import samples
from lianxin.core.errors import ApplicationError
from lianxin.core.forms import accept_files


def test_photos_of_the_result_go_with_the_reply_and_the_citizen_sees_them(cc, make_case):
    case = make_case("in_progress")
    photo = SimpleUploadedFile("修复后.png", samples.png(), "image/png")
    case = actions.case_reply(
        case=case,
        reply="坑槽已于今日修补完毕。",
        files=accept_files([photo]),
        actor=cc.handler,
    )
    attachment = case.attachments.get()
    entry = case.events.get(seq=attachment.event_seq)
    assert (entry.action, entry.public, attachment.name) == ("reply", True, "修复后.png")
    assert entry.data["files"][0]["sha256"] == attachment.sha256

    citizen = Client()
    session = citizen.session
    session["tracked_cases"] = [case.code]
    session.save()
    page = citizen.get(f"/track/{case.code}/").content.decode()
    assert f"/track/{case.code}/files/{attachment.pk}/" in page
    assert citizen.get(f"/track/{case.code}/files/{attachment.pk}/").status_code == 200


@pytest.mark.parametrize(
    ("reply", "named"),
    [
        ("您反映的坑槽已于X月X日修补完毕。", "X月X日"),
        ("已安排XX班组处理。", "XX"),
        ("某某同志已到现场核实。", "某某"),
        ("预计ｘ个工作日内完成。", "ｘ个工作日"),
    ],
)
def test_an_unfilled_placeholder_is_refused_and_nothing_changes(cc, make_case, reply, named):
    case = make_case("in_progress")
    with pytest.raises(ApplicationError) as refused:
        actions.case_reply(case=case, reply=reply, actor=cc.handler)
    assert refused.value.field == "reply" and named in str(refused.value)
    case = Case.objects.get(pk=case.pk)
    assert (case.status, case.reply) == ("in_progress", "")
    assert not case.events.filter(action="reply").exists()


def test_a_filled_in_answer_with_dates_and_figures_goes_through(cc, make_case):
    case = make_case("in_progress")
    case = actions.case_reply(
        case=case, reply="已于12月3日修补K12+300处坑槽，共计2处。", actor=cc.handler
    )
    assert case.status == "replied"
