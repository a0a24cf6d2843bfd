"""The client address behind trusted proxies (core/clientip.py), which the rate limits and
the login lockout (django-axes) both use."""

import pytest
from django.conf import settings as django_settings
from django.test import Client, RequestFactory

from lianxin.core.actor import Actor
from lianxin.core.clientip import client_ip
from lianxin.org import actions

PASSWORD = "Qingshan#2026road"


def request(remote="10.0.0.2", forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.LIANXIN_TRUSTED_PROXIES = 0
    assert client_ip(request("203.0.113.7", "1.2.3.4")) == "203.0.113.7"


@pytest.mark.parametrize(
    ("hops", "forwarded", "expected"),
    [
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "1.2.3.4, 203.0.113.7", "203.0.113.7"),  # the left entry is the client's own
        (2, "6.6.6.6, 203.0.113.7, 10.0.0.9", "203.0.113.7"),
        (1, "203.0.113.7:51234", "203.0.113.7"),
        (1, "[2001:db8::1]:443", "2001:db8::1"),
        (2, "203.0.113.7", "203.0.113.7"),  # fewer entries than proxies
        (1, "", "10.0.0.2"),
        (1, "not-an-address", "10.0.0.2"),
    ],
)
def test_the_client_is_counted_from_the_right(settings, hops, forwarded, expected):
    settings.LIANXIN_TRUSTED_PROXIES = hops
    assert client_ip(request(forwarded=forwarded)) == expected


def test_axes_uses_the_same_function():
    assert django_settings.AXES_CLIENT_IP_CALLABLE == "lianxin.core.clientip.client_ip"


@pytest.mark.django_db
def test_behind_the_proxy_one_clerks_typos_do_not_lock_out_a_colleague(settings, cast):
    settings.LIANXIN_TRUSTED_PROXIES = 1
    actions.person_create(
        username="clerk",
        name="李文书",
        unit=cast.station_a,
        password=PASSWORD,
        actor=Actor.system(),
    )
    typist = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.9")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        typist.post("/accounts/login/", {"username": "clerk", "password": "wrong"})
    locked = typist.post("/accounts/login/", {"username": "clerk", "password": PASSWORD})
    assert locked.status_code == 429
    # Another address behind the same proxy (the clerk at his own desk) still logs in...
    desk = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7")
    response = desk.post("/accounts/login/", {"username": "clerk", "password": PASSWORD})
    assert response.status_code == 302
    # ...and the typist cannot get out of his lock by inventing an address on the left.
    spoof = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.1.1.1, 198.51.100.9")
    again = spoof.post("/accounts/login/", {"username": "clerk", "password": PASSWORD})
    assert again.status_code == 429
