"""The export buttons (templates/components/export_buttons.html) on the pages that have
them: pressed as a browser would (the form's own action, CSRF token and button value), each
starts a job of the page's kind with the page's filters, in the format of the button."""

import re

from django.test import Client
from django.utils import timezone

from conftest import session_past_second_factor
from lianxin.core import clock
from lianxin.core.models import ExportJob

FORM = re.compile(r'<form method="post" action="([^"]+)" class="d-inline-flex gap-1" id="{}">')


def press(user, page: str, form_id: str, fmt: str = "xlsx") -> ExportJob:
    client = Client(enforce_csrf_checks=True)  # the token must come from the page's form
    session_past_second_factor(client, user)
    html = client.get(page).content.decode()
    found = re.search(FORM.pattern.format(re.escape(form_id)), html)
    assert found, f"no export form #{form_id} on {page}"
    action = found.group(1).replace("&amp;", "&")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    answer = client.post(action, {"csrfmiddlewaretoken": token, "fmt": fmt})
    job = ExportJob.objects.filter(requested_by=user).latest("pk")
    assert answer.status_code == 302 and answer["Location"] == f"/workbench/exports/{job.pk}/"
    return job


def month_of_today() -> str:
    return timezone.localdate(clock.now()).strftime("%Y-%m")


def test_the_diaries_button_keeps_the_cadre_chosen_on_the_page(cast):
    month = month_of_today()
    person = cast.people.handler.pk
    job = press(cast.leader, f"/workbench/liaison/diaries/?person={person}&month={month}",
                "liaison-export", fmt="csv")  # fmt: skip
    assert (job.kind, job.fmt) == ("liaison_diaries", "csv")
    assert job.filters["person"] == [str(person)] and job.filters["month"] == [month]


def test_the_roster_and_scorecard_buttons_start_their_jobs(cast):
    assert press(cast.admin, "/workbench/org/people/", "roster-export").kind == "roster"
    month = month_of_today()
    job = press(cast.leader, f"/workbench/scorecards/?month={month}", "scorecard-export")
    assert job.kind == "scorecards" and job.filters["month"] == [month]
