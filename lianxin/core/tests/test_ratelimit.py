"""Rate limits: simultaneous hits from one client let exactly the limit through (threads on
their own database connections, released together by a barrier, on SQLite and PostgreSQL);
a window ends; behind trusted proxies each citizen has his own bucket."""

import threading
from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test import RequestFactory
from django.utils import timezone

from lianxin.core import clock, ratelimit

WINDOW = timedelta(minutes=10)


def race(n, target):
    barrier = threading.Barrier(n)
    results = []
    lock = threading.Lock()

    def run():
        try:
            barrier.wait()
            outcome = target()
            with lock:
                results.append(outcome)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == n
    return results


@pytest.mark.django_db(transaction=True)
def test_thirty_simultaneous_hits_let_exactly_the_limit_through():
    results = race(30, lambda: ratelimit.hit("submit", "one-address", limit=5, window=WINDOW))
    assert results.count(True) == 5
    assert ratelimit.hit("submit", "one-address", limit=5, window=WINDOW) is False


@pytest.mark.django_db(transaction=True)
def test_a_new_window_opens_once_for_simultaneous_hits():
    start = timezone.make_aware(datetime(2026, 3, 2, 9, 0))
    with clock.frozen_at(start):
        for _ in range(5):
            assert ratelimit.hit("submit", "addr", limit=5, window=WINDOW)
        assert not ratelimit.hit("submit", "addr", limit=5, window=WINDOW)
    with clock.frozen_at(start + WINDOW + timedelta(seconds=1)):
        results = race(20, lambda: ratelimit.hit("submit", "addr", limit=5, window=WINDOW))
    assert results.count(True) == 5


@pytest.mark.django_db
def test_scopes_and_clients_have_their_own_buckets():
    assert ratelimit.hit("submit", "a", limit=1, window=WINDOW)
    assert not ratelimit.hit("submit", "a", limit=1, window=WINDOW)
    assert ratelimit.hit("submit", "b", limit=1, window=WINDOW)
    assert ratelimit.hit("lookup", "a", limit=1, window=WINDOW)


@pytest.mark.django_db
def test_behind_the_proxy_each_citizen_has_his_own_bucket(settings):
    settings.LIANXIN_TRUSTED_PROXIES = 1
    rf = RequestFactory()

    def from_citizen(address, spoofed=""):
        forwarded = f"{spoofed}, {address}" if spoofed else address
        return rf.post("/submit/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)

    for _ in range(5):
        assert ratelimit.allowed(from_citizen("203.0.113.7"), "submit", limit=5)
    assert not ratelimit.allowed(from_citizen("203.0.113.7"), "submit", limit=5)
    # A neighbour behind the same proxy is not blocked by him...
    assert ratelimit.allowed(from_citizen("198.51.100.9"), "submit", limit=5)
    # ...and he cannot escape his bucket by writing a made-up address in the header.
    assert not ratelimit.allowed(from_citizen("203.0.113.7", spoofed="1.2.3.4"), "submit", limit=5)
