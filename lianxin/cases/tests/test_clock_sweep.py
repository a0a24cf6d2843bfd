"""The clock on cases: a reminder when a deadline passes, supervision 5 working days later,
each sent once, also with two clocks sweeping at the same moment."""

from datetime import timedelta

import pytest

from conftest import run_at_once
from lianxin.cases import actions, timeline
from lianxin.cases.models import Case, Supervision
from lianxin.core import clock
from lianxin.core.models import Notice
from lianxin.core.workdays import add_workdays


def test_overdue_case_is_reminded_once_and_supervised_five_working_days_later(cc, make_case):
    case = make_case("in_progress")
    due = case.reply_due
    clock.sweep(at=due - timedelta(hours=1))  # the warning (临期预警) the day before
    assert clock.sweep(at=due - timedelta(minutes=1))["reminded"] == 0
    assert clock.sweep(at=due + timedelta(minutes=1))["reminded"] == 1
    assert clock.sweep(at=due + timedelta(hours=1))["reminded"] == 0  # once only
    case.refresh_from_db()
    assert case.supervision == Supervision.REMINDED
    reminders = Notice.objects.filter(title__startswith="催办", title__contains=case.code)
    assert {n.recipient for n in reminders} >= {cc.handler, cc.station_leader}
    from django.utils import timezone

    escalate = add_workdays(timezone.localdate(due), 5)
    day_before = timezone.make_aware(
        timezone.datetime.combine(escalate - timedelta(days=1), timezone.datetime.min.time())
    )
    assert clock.sweep(at=day_before)["escalated"] == 0
    assert clock.sweep(at=due + timedelta(days=30))["escalated"] == 1
    case.refresh_from_db()
    assert case.supervision == Supervision.SUPERVISED and case.public_notice
    assert Notice.objects.filter(recipient=cc.leader, title__contains=case.code).exists()


def test_a_replied_case_is_not_reminded(cc, make_case):
    case = make_case("replied")
    clock.sweep(at=case.reply_due + timedelta(days=1))
    case.refresh_from_db()
    assert case.supervision == 0
    assert not case.events.filter(action="remind").exists()


@pytest.mark.django_db(transaction=True)
def test_two_clocks_sweeping_together_remind_each_case_once(cc, make_case):
    cases = [make_case("in_progress") for _ in range(6)]
    at = max(c.reply_due for c in cases) + timedelta(minutes=1)
    clock.sweep(at=min(c.reply_due for c in cases) - timedelta(hours=1))  # the warnings first
    results = run_at_once(lambda: clock.sweep(at=at, batch=2))
    assert sum(r["reminded"] for r in results) == 6
    for case in Case.objects.all():
        assert case.events.filter(action="remind").count() == 1


def test_a_batch_of_reminders_leaves_moved_cases_alone_and_keeps_the_timeline_chained(
    cc, make_case
):
    waiting = [make_case("dispatched"), make_case("in_progress")]
    supervised = actions.case_supervise(
        case=make_case("in_progress"), level=Supervision.SUPERVISED, actor=cc.supervisor
    )
    replied = make_case("replied")  # moved on, but a stray due item still names it
    clock.schedule("case.reply", replied.pk, replied.reply_due)
    before = {c.pk: c.version for c in Case.objects.all()}
    at = max(c.reply_due or c.accept_due for c in Case.objects.all()) + timedelta(minutes=1)
    clock.sweep(at=at)
    for case in [*waiting, supervised]:
        case.refresh_from_db()
        reminders = case.events.filter(action="remind").count()  # the dispatched case: two
        assert reminders >= 1 and case.reminder_count == reminders  # (accept and reply late)
        assert case.version >= before[case.pk] + reminders  # (and an escalation, maybe)
        assert Notice.objects.filter(recipient=cc.handler, title__contains=case.code).exists()
    assert waiting[1].supervision == Supervision.REMINDED
    assert supervised.supervision == Supervision.SUPERVISED  # a reminder never lowers it
    replied.refresh_from_db()
    assert replied.reminder_count == 0 and replied.supervision == Supervision.NONE
    assert not replied.events.filter(action="remind").exists()
    assert list(timeline.verify()) == []
