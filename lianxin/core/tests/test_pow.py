"""Proof of work: a solved challenge is accepted once, also when many submissions carrying
it arrive at the same moment on several database connections."""

import hashlib
import os
import threading

import pytest
from django.db import connection

from lianxin.core import pow
from lianxin.core.models import SpentChallenge


@pytest.fixture
def easy(settings):
    settings.LIANXIN_POW_BITS = 4


@pytest.mark.django_db(transaction=True)
def test_one_solution_sent_by_twenty_at_once_is_accepted_once(easy):
    token = pow.challenge()
    counter = pow.solve(token)
    barrier = threading.Barrier(20)
    results = []

    def submit():
        try:
            barrier.wait()
            results.append(pow.verify(token, counter))
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results.count(True) == 1 and len(results) == 20
    assert SpentChallenge.objects.count() == 1


@pytest.mark.django_db
def test_a_wrong_or_forged_solution_is_refused_and_spends_nothing(easy):
    token = pow.challenge()
    counter = int(pow.solve(token))
    wrong = next(
        str(c)
        for c in range(counter + 1, counter + 10_000)
        if pow._zero_bits(hashlib.sha256(f"{token}:{c}".encode()).digest()) < 4
    )
    assert not pow.verify(token, wrong)
    assert not pow.verify("forged" + token, str(counter))
    assert not pow.verify(token, "-1")
    assert SpentChallenge.objects.count() == 0
    assert pow.verify(token, str(counter))
    assert not pow.verify(token, str(counter))


def test_production_asks_sixteen_bits_and_each_challenge_carries_what_is_asked(settings):
    # The suite asks for 8 bits for speed (settings_test); production's default is 16.
    from django.core import signing

    from lianxin import settings as production

    if "LIANXIN_POW_BITS" not in os.environ:
        assert production.LIANXIN_POW_BITS == 16
    settings.LIANXIN_POW_BITS = production.LIANXIN_POW_BITS
    assert signing.loads(pow.challenge(), salt=pow.SALT)["b"] == production.LIANXIN_POW_BITS
    settings.LIANXIN_POW_BITS = 8
    token = pow.challenge()
    assert pow._zero_bits(hashlib.sha256(f"{token}:{pow.solve(token)}".encode()).digest()) >= 8
