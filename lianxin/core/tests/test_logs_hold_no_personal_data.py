"""Logs hold no personal data: the console SMS backend (the default without an SMS
contract), axes and every other log line go through the configured handler masked: no phone
number, ID number, email, login name or address in clear, in a message or a traceback."""

import io
import logging

import pytest

from lianxin.core.actor import Actor
from lianxin.core.notify import ConsoleSmsBackend

PHONE, OTHER, ID_NO = "13987654321", "13700001111", "45010219800101123X"


@pytest.fixture
def console():
    """What the configured console handler (settings.LOGGING) writes."""
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield buffer
    handler.setStream(previous)


def test_an_sms_on_the_console_shows_no_number(console):
    ConsoleSmsBackend().send(PHONE, f"您的举报已受理。如有疑问请拨打{OTHER}。")
    written = console.getvalue()
    assert "SMS to 139" in written and "您的举报已受理" in written
    for secret in (PHONE, OTHER, "7654321", "0001111"):
        assert secret not in written


def test_every_log_line_is_masked_tracebacks_too(console):
    log = logging.getLogger("lianxin.tasks")
    log.warning("sending to %s failed (id %s, li.ming@example.com, 10.2.3.4)", PHONE, ID_NO)
    try:
        raise ValueError(f"bad number {OTHER}")
    except ValueError:
        log.exception("task failed")
    written = console.getvalue()
    assert "sending to 139" in written and "task failed" in written and "ValueError" in written
    for secret in (PHONE, OTHER, ID_NO, "li.ming", "10.2.3.4"):
        assert secret not in written


def test_a_failed_login_is_logged_without_the_login_name_or_address(console, cast):
    """axes already replaces them with stars (AXES_SENSITIVE_PARAMETERS): kept that way."""
    from django.test import Client

    from lianxin.org import actions

    actions.person_create(
        username="liwenshu", name="李文书", unit=cast.station_a, actor=Actor.system()
    )
    client = Client(REMOTE_ADDR="198.51.100.23")
    client.post("/accounts/login/", {"username": "liwenshu", "password": "wrong"})
    written = console.getvalue()
    assert "AXES" in written and "/accounts/login/" in written
    assert "liwenshu" not in written and "198.51.100.23" not in written
