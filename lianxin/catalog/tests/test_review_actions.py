"""好差评: only the applicant, once, after completion; a bad rating opens a rectification due in
5 working days; appeals decided by a supervisor."""

from datetime import datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from lianxin.catalog import actions
from lianxin.core import clock
from lianxin.core.errors import ApplicationError
from lianxin.core.models import DueItem, Notice

from .conftest import register


def completed(sv, token="t-1"):
    with clock.frozen_at(timezone.make_aware(datetime(2026, 11, 2, 10))):
        req, secret = register(sv, token=token)
        req = actions.request_complete(req=req, decision="approved", actor=sv.handler)
    return req, secret


def test_only_the_applicant_rates_once_after_completion(sv):
    open_req, open_secret = register(sv, token="open")
    with pytest.raises(ApplicationError):
        actions.review_submit(code=open_req.code, secret=open_secret, level=5)
    req, secret = completed(sv)
    with pytest.raises(ApplicationError) as err:
        actions.review_submit(code=req.code, secret="WRONG123", level=1, reasons="差")
    assert "不匹配" in str(err.value.message)
    actions.review_submit(code=req.code, secret=secret, level=5)
    with pytest.raises(ApplicationError) as err:
        actions.review_submit(code=req.code, secret=secret, level=1, reasons="改差评")
    assert "已经评价" in str(err.value.message)
    assert req.review.level == 5


def test_a_bad_rating_opens_a_rectification_and_may_be_appealed(sv):
    req, secret = completed(sv)
    with clock.frozen_at(timezone.make_aware(datetime(2026, 11, 3, 10))):
        with pytest.raises(ApplicationError):  # a bad rating needs its reasons
            actions.review_submit(code=req.code, secret=secret, level=2)
        review = actions.review_submit(code=req.code, secret=secret, level=2, reasons="跑了两趟")
    assert timezone.localdate(review.rectify_due).isoformat() == "2026-11-10"
    assert Notice.objects.filter(recipient=sv.handler, title__contains=req.code).exists()
    clock.sweep(at=review.rectify_due + timedelta(minutes=1))
    assert Notice.objects.filter(recipient=sv.station_leader, title__contains="整改").exists()
    actions.review_rectify(review=review, answer="已培训窗口人员并致歉", actor=sv.handler)
    assert DueItem.objects.get(kind="catalog.rectify").done_at is not None
    actions.review_appeal(review=review, reason="恶意差评", actor=sv.station_leader)
    with pytest.raises(PermissionDenied):
        actions.review_decide_appeal(review=review, uphold=True, actor=sv.station_leader)
    actions.review_decide_appeal(review=review, uphold=True, actor=sv.supervisor)
    review.refresh_from_db()
    assert review.excluded
