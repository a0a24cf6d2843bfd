"""The in-app inbox: opening it marks what it shows as read; a fixed number of queries
however many messages."""

from conftest import assert_queries_fixed
from lianxin.core import notify

URL = "/workbench/inbox/"


def tell(cast, start: int, n: int) -> None:
    for i in range(start, start + n):
        notify.notify_staff([cast.handler], title=f"催办通知{i}", url="/workbench/cases/")


def test_the_inbox_takes_as_many_queries_for_3_messages_as_for_15(cast, login, db):
    client = login(cast.handler)
    assert_queries_fixed(client, URL, lambda start, n: tell(cast, start, n), "催办通知{}")


def test_opening_the_inbox_marks_what_it_shows_as_read(cast, login, db):
    client = login(cast.handler)
    tell(cast, 0, 2)
    assert client.get(URL).context["unread"]
    assert not client.get(URL).context["unread"]
