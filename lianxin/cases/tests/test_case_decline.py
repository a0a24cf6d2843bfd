"""case_decline: 不予受理/无效件 with a reason, a repeated call linked to its open case,
counted apart; bad input refused with nothing changed."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from lianxin.cases import actions
from lianxin.cases import workflow as wf
from lianxin.cases.models import Status
from lianxin.core.errors import ApplicationError
from lianxin.core.models import DueItem

from .conftest import receive


def test_outside_remit_closes_with_the_explanation_and_stops_the_dispatch_clock(cc):
    case, _ = receive(cc)
    assert DueItem.objects.get(kind="case.dispatch", object_id=str(case.pk)).done_at is None
    actions.case_decline(
        case=case,
        reason="outside_remit",
        note="城市道路归住建局管理，请拨打12319",
        actor=cc.operator,
    )
    case.refresh_from_db()
    assert case.status == Status.DECLINED and case.decline_reason == "outside_remit"
    assert case.closed_at is not None
    assert DueItem.objects.get(kind="case.dispatch", object_id=str(case.pk)).done_at
    assert case.events.last().public


def test_a_repeated_call_is_linked_to_the_open_case(cc, make_case):
    open_case = make_case("in_progress")
    again, _ = receive(cc, submit_token="again", client="test")
    actions.case_decline(case=again, reason="repeat", original=open_case, actor=cc.dispatcher)
    again.refresh_from_db()
    assert again.merged_into == open_case
    assert again in open_case.duplicates.all()


@pytest.mark.parametrize(
    "kw, field",
    [
        ({"reason": "lazy"}, "reason"),
        ({"reason": "outside_remit", "note": ""}, "note"),
        ({"reason": "repeat"}, "original"),
    ],
)
def test_bad_input_is_refused_and_nothing_changes(cc, kw, field):
    case, _ = receive(cc)
    with pytest.raises(ApplicationError) as err:
        actions.case_decline(case=case, actor=cc.dispatcher, **kw)
    assert err.value.field == field
    case.refresh_from_db()
    assert case.status == Status.RECEIVED and case.events.count() == 1


def test_a_repeat_of_a_closed_case_is_refused(cc, make_case):
    closed = make_case("closed")
    case, _ = receive(cc, submit_token="x", client="test")
    with pytest.raises(ApplicationError):
        actions.case_decline(case=case, reason="repeat", original=closed, actor=cc.dispatcher)


def test_handlers_and_citizens_cannot_decline(cc):
    case, _ = receive(cc)
    for actor in (cc.handler, cc.supervisor, wf.CITIZEN):
        with pytest.raises(PermissionDenied):
            actions.case_decline(case=case, reason="nonsense", actor=actor)


def test_declined_items_are_counted_apart_on_the_incoming_tab(cc, login):
    for i in range(2):
        case, _ = receive(cc, submit_token=f"n{i}", client="test")
        actions.case_decline(case=case, reason="nonsense", actor=cc.operator)
    page = login(cc.dispatcher).get(reverse("workbench:case_queue") + "?tab=incoming")
    assert "无实质内容 2" in page.text


def test_through_the_case_page_with_an_unknown_original(cc, login):
    case, _ = receive(cc)
    client = login(cc.dispatcher)
    url = reverse("workbench:case_act", args=[case.code, "decline"])
    bad = client.post(
        url, {"decline-version": case.version, "decline-reason": "repeat", "decline-original": "1"}
    )
    assert bad.status_code == 400
    ok = client.post(
        url, {"decline-version": case.version, "decline-reason": "nonsense", "decline-note": ""}
    )
    assert ok.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.DECLINED
