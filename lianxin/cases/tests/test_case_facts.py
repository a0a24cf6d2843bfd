"""The scorecard facts the actions record when they happen: accepted in time, replied in time
against the limit then in force, approved extensions, reminders, supervisions, exclusions."""

from datetime import timedelta

from lianxin.cases import actions
from lianxin.cases import workflow as wf
from lianxin.cases.models import Supervision
from lianxin.core import clock

from .conftest import receive
from .test_case_handling import at


def _dispatched(cc, when):
    with clock.frozen_at(when):
        case, _ = receive(cc)
        return actions.case_dispatch(
            case=case, unit=cc.station_a, handler=cc.people.handler, actor=cc.dispatcher
        )


def test_a_late_accept_is_recorded_late_and_an_early_one_in_time(cc):
    late = _dispatched(cc, at(2026, 11, 2, 9, 0))  # Monday; accept by Tuesday's end
    with clock.frozen_at(at(2026, 11, 4, 10, 0)):
        late = actions.case_accept(case=late, actor=cc.handler)
    early = _dispatched(cc, at(2026, 11, 2, 9, 0))
    with clock.frozen_at(at(2026, 11, 2, 15, 0)):
        early = actions.case_accept(case=early, actor=cc.handler)
    assert late.accepted_in_time is False and early.accepted_in_time is True


def test_a_reply_within_an_approved_extension_is_on_time_and_survives_a_reopen(cc):
    case = _dispatched(cc, at(2026, 11, 2, 9, 0))
    with clock.frozen_at(at(2026, 11, 2, 10, 0)):
        case = actions.case_accept(case=case, actor=cc.handler)
        first_due = case.reply_due
        actions.case_request_extension(case=case, workdays=5, reason="需协调", actor=cc.handler)
        actions.case_decide_extension(case=case, approve=True, actor=cc.dispatcher)
    case.refresh_from_db()
    assert case.extension_count == 1 and case.reply_due > first_due
    replied = first_due + timedelta(days=2)  # after the first limit, within the extended one
    with clock.frozen_at(replied):
        case = actions.case_reply(case=case, reply="已修补", actor=cc.handler)
        case = actions.case_rate(case=case, rating=2, solved=False, actor=wf.CITIZEN)
        case = actions.case_reopen(case=case, reason="群众不满意", actor=cc.supervisor)
    assert case.replied_in_time is True and case.first_replied_at == replied
    # Handled again long after the new deadline: the first reply's fact stands.
    with clock.frozen_at(case.reply_due + timedelta(days=3)):
        case = actions.case_reply(case=case, reply="再次修补", actor=cc.handler)
    case.refresh_from_db()
    assert case.replied_in_time is True and case.first_replied_at == replied
    assert case.reopen_count == 1 and case.events.filter(action="reply").last().data["late"]


def test_a_late_reply_is_recorded_late(cc):
    case = _dispatched(cc, at(2026, 11, 2, 9, 0))
    with clock.frozen_at(at(2026, 11, 2, 10, 0)):
        case = actions.case_accept(case=case, actor=cc.handler)
    with clock.frozen_at(case.reply_due + timedelta(hours=1)):
        case = actions.case_reply(case=case, reply="已修补", actor=cc.handler)
    assert case.replied_in_time is False


def test_a_refused_extension_is_not_counted(cc):
    case = _dispatched(cc, at(2026, 11, 2, 9, 0))
    with clock.frozen_at(at(2026, 11, 2, 10, 0)):
        case = actions.case_accept(case=case, actor=cc.handler)
        actions.case_request_extension(case=case, workdays=5, reason="需协调", actor=cc.handler)
        actions.case_decide_extension(case=case, approve=False, actor=cc.dispatcher)
    case.refresh_from_db()
    assert case.extension_count == 0


def test_reminders_and_supervisions_are_counted_as_they_happen(cc):
    case = _dispatched(cc, at(2026, 11, 2, 9, 0))
    actions.case_remind(case=case, actor=cc.supervisor)
    actions.case_remind(case=case, actor=cc.supervisor)
    actions.case_supervise(case=case, level=Supervision.SUPERVISED, actor=cc.supervisor)
    case.refresh_from_db()
    assert (case.reminder_count, case.supervision_count) == (2, 1)


def test_an_upheld_appeal_keeps_its_reason_and_a_rejected_one_none(cc, make_case):
    upheld, rejected = make_case("replied"), make_case("replied")
    for case in (upheld, rejected):
        actions.case_rate(case=case, rating=1, solved=False, actor=wf.CITIZEN)
        actions.case_confirm(case=case, actor=cc.supervisor)
        actions.case_appeal(case=case, reason="来电人系恶意差评", actor=cc.station_leader)
    actions.case_decide_appeal(case=upheld, uphold=True, note="核实属恶意", actor=cc.supervisor)
    actions.case_decide_appeal(case=rejected, uphold=False, actor=cc.supervisor)
    upheld.refresh_from_db()
    rejected.refresh_from_db()
    assert upheld.rating_excluded and upheld.rating_excluded_reason == "核实属恶意"
    assert not rejected.rating_excluded and rejected.rating_excluded_reason == ""
