"""GET /api/v1/scorecards/{month} with a month at the ends of the calendar: a clear 400 on
the field, never a stack trace."""

import pytest


@pytest.mark.parametrize("month", ["9999-12", "0001-01"])
def test_a_month_out_of_the_calendar_is_refused(cast, login, month):
    response = login(cast.leader).get(f"/api/v1/scorecards/{month}")
    assert response.status_code in (400, 422)
    assert "YYYY-MM" in response.content.decode()
