"""notify_staff: a notice in the inbox carries the moment of the project's clock."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from lianxin.core import clock
from lianxin.core.models import Notice, User
from lianxin.core.notify import notify_staff, notify_staff_many

pytestmark = pytest.mark.django_db

BEIJING = ZoneInfo("Asia/Shanghai")


def test_a_notice_sent_under_a_moved_clock_is_stamped_with_that_moment():
    """Demo data written "last month" shows last month in the inbox, not the load time."""
    user = User.objects.create_user("liming", password="x")
    then = datetime(2026, 10, 9, 15, 20, tzinfo=BEIJING)
    with clock.frozen_at(then):
        notify_staff([user], title="工单待签收", url="/workbench/cases/")
        notify_staff_many([([user], "工单即将超期", "", "/workbench/cases/")])
    notify_staff([user], title="现在的通知")
    stamps = dict(Notice.objects.filter(recipient=user).values_list("title", "at"))
    assert stamps["工单待签收"] == then and stamps["工单即将超期"] == then
    assert stamps["现在的通知"] > then
