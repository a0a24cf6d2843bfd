"""`lianxin demo`: the demo organisation, loaded twice without duplicates."""

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from lianxin.org import queries
from lianxin.org.demo_data import DEMO_LOGINS, DEMO_PASSWORD
from lianxin.org.models import Person, Role, RoleGrant, Unit

pytestmark = pytest.mark.django_db


def test_demo_loads_a_realistic_organisation_idempotently(capsys, rf):
    call_command("demo")
    first = capsys.readouterr().out

    def counts():
        from lianxin.cases.models import Case, CaseEvent

        return (
            Unit.objects.count(),
            Person.objects.count(),
            RoleGrant.objects.count(),
            Case.objects.count(),
            CaseEvent.objects.count(),
        )

    before = counts()
    call_command("demo")
    assert counts() == before

    root = Unit.objects.get(parent__isnull=True)
    assert root.name == "青山县公路管理段"
    offices = set(Unit.objects.filter(kind="office").values_list("name", flat=True))
    assert offices == {"办公室", "养护科", "路政科", "党建办", "纪检监察室"}
    assert Unit.objects.filter(kind="station").count() == 5
    assert 25 <= Person.objects.count() <= 40
    for unit in queries.unit_tree(root):
        assert unit.leaders, unit.name
        assert unit.secretaries, unit.name
    # One printed login for each role, and each of them works.
    assert {role for role, _u in DEMO_LOGINS} == set(Role.values)
    for _role, username in DEMO_LOGINS:
        assert username in first
        assert authenticate(rf.get("/"), username=username, password=DEMO_PASSWORD)
    assert DEMO_PASSWORD in first
    assert "主要负责人" in first  # printed in Chinese
    # The second factor is on: the printout says who sets up an app and how to run without.
    assert "首次登录时须绑定身份验证器" in first and "LIANXIN_REQUIRE_OTP=0" in first
    # The cases (loaded once: the second run added none).
    from lianxin.cases.models import Case, Status

    assert f"演示工单：{Case.objects.count()} 件" in first
    states = set(Case.objects.values_list("status", flat=True))
    assert states == set(Status.values)
    assert Case.objects.filter(kind="problem").count() >= 5
    assert Case.objects.filter(supervision__gte=2).exists()
    assert (
        Case.objects.filter(review_pending=True).exists()
        or Case.objects.filter(reopen_count__gt=0).exists()
    )
    assert Case.objects.filter(direct_answer=True).exists()
    assert Case.objects.filter(unrated_close=True).exists()
    ages = Case.objects.values_list("received_at", flat=True)
    assert (max(ages) - min(ages)).days >= 60
    call_command("audit", "verify")
    assert "OK" in capsys.readouterr().out
    # Party work: every kind of month in the grid.
    from lianxin.partywork.models import MonthlyPlan, MonthlyReport, Receipt, StudySession

    reports = MonthlyReport.objects.all()
    assert reports.filter(late=True).exists() and reports.filter(state="returned").exists()
    assert reports.filter(state="accepted").exists() and reports.filter(late=False).exists()
    assert Receipt.objects.filter(confirmed_at__isnull=True).exists()
    assert Receipt.objects.filter(confirmed_at__isnull=False).exists()
    plans = list(MonthlyPlan.objects.all())
    assert any(p.agreed for p in plans) and not all(p.agreed for p in plans)
    assert StudySession.objects.filter(state="held").exists()
    # Services: requests in every state, good and bad reviews, rectified and appealed.
    from lianxin.catalog.models import GuideVersion, Review, ServiceRequest

    assert set(ServiceRequest.objects.values_list("status", flat=True)) == {
        "in_progress",
        "paused",
        "completed",
    }
    assert ServiceRequest.objects.filter(on_time=False).exists()
    assert GuideVersion.objects.filter(state="superseded").exists()
    assert Review.objects.filter(level__lte=2, rectified_at__isnull=False).exists()
    assert Review.objects.filter(level__gte=4).exists()
    assert Review.objects.exclude(appeal_state="").exists()
    # Contact work and mediation.
    from lianxin.liaison.models import ContactPoint, Need, RaisedProblem, Visit
    from lianxin.mediation.models import Dispute

    assert Visit.objects.count() >= 40 and Visit.objects.filter(reviewed_at__isnull=False).exists()
    assert Need.objects.filter(case__isnull=False).exists()
    assert Need.objects.filter(case__isnull=True).exists()
    assert (
        ContactPoint.objects.count() >= 7
        and RaisedProblem.objects.filter(case__isnull=False).exists()
    )
    assert set(Dispute.objects.values_list("outcome", flat=True)) == {"success", ""}
