"""rectification_sign_off and _reject: only the issuer, only with evidence."""

import pytest

from lianxin.cases.models import Status
from lianxin.core.errors import ApplicationError
from lianxin.supervision import actions


def test_the_issuer_signs_off_and_the_problem_closes(cc, reported):
    row = actions.rectification_sign_off(
        rectification=reported, note="经现场复查，整改到位", actor=cc.supervisor
    )
    row.case.refresh_from_db()
    assert row.case.status == Status.CLOSED
    assert row.signed_off_by == cc.people.supervisor
    with pytest.raises(ApplicationError):
        actions.rectification_sign_off(rectification=row, actor=cc.supervisor)


def test_someone_other_than_the_issuer_cannot_sign_off(cc, reported):
    for user in (cc.leader, cc.station_leader, cc.handler):
        with pytest.raises(ApplicationError) as err:
            actions.rectification_sign_off(rectification=reported, actor=user)
        assert err.value.code == "not_issuer"
    reported.refresh_from_db()
    assert reported.signed_off_at is None
    assert reported.case.status == Status.REPLIED


def test_not_accepted_goes_back_to_the_unit_on_the_same_deadline(cc, reported):
    due = reported.due_at
    actions.rectification_reject(rectification=reported, reason="路肩仍有碎石", actor=cc.supervisor)
    reported.refresh_from_db()
    assert reported.case.status == Status.IN_PROGRESS
    assert reported.due_at == due
    with pytest.raises(ApplicationError):
        actions.rectification_reject(rectification=reported, reason="", actor=cc.supervisor)
