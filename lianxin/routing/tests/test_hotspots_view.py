"""The hotspots page: a fixed number of queries however many cases the month holds."""

from __future__ import annotations

from datetime import timedelta

import pytest

from conftest import count_queries
from lianxin.core import clock

from .conftest import receive
from .test_month_problem_make import MID_NOVEMBER, PAGE

pytestmark = pytest.mark.django_db


def add_calls(register, start: int, n: int) -> list:
    """Per caller two calls in November: a pothole at G205 K12 (the suggested hotspot, its
    cases listed) and one at a kilometre of his own (a row of its own)."""
    made = []
    for i in range(start, start + n):
        phone = f"1380000{i:04d}"
        with clock.frozen_at(MID_NOVEMBER - timedelta(hours=i + 1)):
            made.append(
                receive(register, content="G205 K12+300 路面有大坑", citizen_phone=phone)[0]
            )
            receive(register, content=f"G205 K{40 + i}+100 护栏损坏", citizen_phone=phone)
    return made


def test_the_page_takes_as_many_queries_for_3_callers_as_for_15(register, login):
    client = login(register.leader)
    made = add_calls(register, 0, 3)
    with clock.frozen_at(MID_NOVEMBER):
        page, few = count_queries(client, PAGE)
    assert made[2].code in page.text and "138****0002" in page.text
    made += add_calls(register, 3, 12)
    with clock.frozen_at(MID_NOVEMBER):
        page, many = count_queries(client, PAGE)
    assert all(case.code in page.text for case in made)
    assert page.text.count("138****") == 10  # the ten repeated callers the page lists
    assert many == few
