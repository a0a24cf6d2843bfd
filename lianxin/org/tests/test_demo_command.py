"""`lianxin demo`: the demo organisation, loaded twice without duplicates, and what a first
visitor sees of it (the portal home, and a leader's first visit in a real browser).

The demo takes seconds to load: the module-scoped `demo` fixture (root conftest) loads it once
for every test here; tests that need the demo belong in this module. The browser test is last:
it runs on a live server (a transactional test) and empties the database when it ends."""

from pathlib import Path

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from lianxin.org import queries
from lianxin.org.demo_data import DEMO_LOGINS, DEMO_PASSWORD
from lianxin.org.models import Person, Role, RoleGrant, Unit

pytestmark = pytest.mark.django_db


def test_demo_loads_a_realistic_organisation_idempotently(demo, capsys, rf):
    first = demo

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
    capsys.readouterr()

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


def test_the_portal_home_is_chinese_by_default_and_lists_stations(demo, client):
    page = client.get("/").content.decode()
    assert 'lang="zh-hans"' in page
    assert "青山县公路管理段" in page and "城关公路站" in page
    assert "工作人员登录" in page


SHOTS = Path(__file__).resolve().parents[3] / "test-results"


# -- the demo's service guides (catalog) ---------------------------------------------------
# a word of each service's name, as an answer to the public would mention it
SERVICE_WORDS = {
    "roadwork": "涉路施工",
    "oversize": "超限运输",
    "crossing": "平交道口",
    "sign": "非公路标志",
}


def _guides():
    from lianxin.catalog.models import GuideVersion

    return {
        g.service.code: g
        for g in GuideVersion.objects.filter(state="published").select_related("service")
    }


def test_each_demo_service_cites_its_own_legal_basis(demo, client):
    bases = [g.legal_basis for g in _guides().values()]
    assert len(bases) == 4 and len(set(bases)) == 4
    oversize = client.get("/services/oversize/").content.decode()
    assert "超限运输车辆行驶公路管理规定" in oversize and "第五十条" in oversize
    assert "第四十四条" not in oversize  # occupying and digging up roads is another licence
    crossing = client.get("/services/crossing/").content.decode()
    assert "第五十五条" in crossing and "平面交叉道口" in crossing
    assert "第五十四条" in client.get("/services/sign/").content.decode()


def test_a_demo_material_is_never_called_a_copy_twice(demo, client):
    import re

    for code in _guides():
        html = client.get(f"/services/{code}/").content.decode()
        for item in re.findall(r"<li>(.*?)</li>", html):
            assert item.count("复印件") <= 1, item


def test_the_demo_answers_promise_what_the_guides_promise(demo):
    import re

    from lianxin.cases.demo_data import ITEMS

    guides, checked = _guides(), 0
    for _kind, _category, _question, answer in ITEMS:
        for code, word in SERVICE_WORDS.items():
            days = [int(n) for n in re.findall(r"(\d+)个工作日", answer)]
            if word not in answer or not days:
                continue
            assert guides[code].promised_workdays in days, answer
            assert set(days) <= {guides[code].promised_workdays, guides[code].legal_workdays}
            checked += 1
    assert checked >= 2


def app_code(key: str) -> str:
    """The six digits an authenticator app shows now for this base32 key."""
    from base64 import b32decode

    from django_otp.oath import totp

    return f"{totp(b32decode(key + '=' * (-len(key) % 8))):06d}"


# -- the demo looks lived in (issue 17) -----------------------------------------------------


def test_the_demo_sessions_visits_study_and_penalties_look_lived_in(demo):
    from datetime import timedelta

    from django.utils import timezone

    from lianxin.core import clock
    from lianxin.core.models import Notice
    from lianxin.core.months import first_of, previous_month
    from lianxin.discipline.models import Penalty
    from lianxin.liaison import queries as liaison_queries
    from lianxin.liaison.models import Visit
    from lianxin.partywork.models import StudySession
    from lianxin.rules.actions import study_url
    from lianxin.rules.models import Version

    # study sessions held on afternoons spread over weeks, not all at the moment of loading
    held = [timezone.localtime(t) for t in StudySession.objects.filter(state="held")
            .values_list("starts_at", flat=True)]  # fmt: skip
    assert held and all(14 <= t.hour <= 16 for t in held)
    assert len({t.date() for t in held}) >= 6 and max(held) - min(held) >= timedelta(days=30)
    assert StudySession.objects.filter(state="planned", starts_at__gt=clock.now()).exists()
    # nobody is asked to study a repealed version
    repealed = [study_url(pk) for pk in Version.objects.filter(status="repealed")
                .values_list("pk", flat=True)]  # fmt: skip
    assert repealed
    assert not Notice.objects.filter(url__in=repealed, read_at__isnull=True).exists()
    # contact points not visited: some still to visit this month, some missed last month
    people = Person.objects.all()
    this_month = first_of(timezone.localdate(clock.now()))
    now_states = {r["state"] for r in liaison_queries.cadence(people, this_month)}
    last_states = {r["state"] for r in liaison_queries.cadence(people, previous_month(this_month))}
    assert "due" in now_states and "overdue" in last_states
    # those met fit the place: 村两委成员 at a village, a headmaster at a school
    assert Visit.objects.filter(met="村两委成员").exists()
    assert not Visit.objects.filter(met="村两委成员").exclude(place__kind="village").exists()
    assert not Visit.objects.filter(met__startswith="学校").exclude(place__kind="school").exists()
    # 诫勉 is no party discipline
    assert Penalty.objects.filter(kind="handling", measure="admonition").exists()
    assert not Penalty.objects.filter(
        kind="party", measure__in=["criticism", "admonition"]
    ).exists()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_demo_in_a_real_browser(demo, browser, staff_page, live_server):
    """One browser test on the demo (a live server empties the database when its test ends,
    so the demo's browser walks share this one test and the one demo load): a leader's
    first visit on a phone, every main page under the Content-Security-Policy, and a
    complaint transferred to the discipline office."""
    _leader_logs_in_and_sees_the_unit_tree_on_a_phone(browser, live_server)
    _main_pages_report_no_csp_violation(browser, staff_page, live_server)
    _a_complaint_goes_to_the_discipline_office(staff_page, live_server)


def _main_pages_report_no_csp_violation(browser, staff_page, live_server):
    from lianxin.core.tests.test_browser_content_security_policy import walk_main_pages

    walk_main_pages(browser, staff_page, live_server)


def _a_complaint_goes_to_the_discipline_office(staff_page, live_server):
    from lianxin.supervision.tests.walk_transfer import transfer_a_demo_complaint

    transfer_a_demo_complaint(staff_page, live_server)


def _leader_logs_in_and_sees_the_unit_tree_on_a_phone(browser, live_server):
    from playwright.sync_api import expect

    SHOTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    assert page.get_by_role("heading", name="青山县公路管理段").is_visible()

    # On a phone the menu is collapsed behind the toggler.
    assert not page.get_by_role("link", name="工作人员登录").is_visible()
    page.get_by_role("button", name="菜单").click()
    page.locator(".navbar-collapse.show").wait_for()
    page.wait_for_function("!document.querySelector('.collapsing')")
    login_link = page.get_by_role("link", name="工作人员登录")
    login_link.wait_for(state="visible")
    login_link.click()
    page.wait_for_url("**/accounts/login/**")

    page.get_by_label("登录名").fill("zhangjianguo")
    page.get_by_label("密码").fill("wrong password")
    page.get_by_role("button", name="登录").click()
    # The answer is the same address as the form: wait for its message, never read at once.
    expect(page.locator(".alert-danger")).to_be_visible()

    page.get_by_label("登录名").fill("zhangjianguo")
    page.get_by_label("密码").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    # A leader sets up his authenticator app at the first login: the key shown as text is
    # what the app would take from the QR code; the code typed is what the app then shows.
    page.wait_for_url("**/accounts/second-factor/enrol/**")
    assert page.locator("#totp-qr svg").is_visible()
    key = page.locator("#totp-secret").inner_text().replace(" ", "")
    page.get_by_label("验证码").fill(app_code(key))
    page.get_by_role("button", name="确认").click()
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    page.get_by_role("link", name="已妥善保存，继续").click()
    page.wait_for_url("**/workbench/scorecards/home/")  # the organ leader's home
    assert page.get_by_role("heading", name="张建国，您好").is_visible()

    page.goto(live_server.url + "/workbench/org/")
    row = page.locator("tr", has_text="城关公路站")
    assert "吴刚" in row.inner_text() and "黄丽" in row.inner_text()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, "the page scrolls sideways on a phone"
    page.screenshot(path=str(SHOTS / "unit-tree-phone.png"), full_page=True)

    page.get_by_role("button", name="菜单").click()
    # Wait until Bootstrap's collapse has finished opening: a click during the animation
    # can be lost.
    page.locator(".navbar-collapse.show").wait_for()
    page.wait_for_function("!document.querySelector('.collapsing')")
    with page.expect_navigation():
        page.get_by_role("button", name="English").click()
    page.get_by_role("heading", name="Units · 青山县公路管理段").wait_for()
    context.close()


def test_the_demo_routes_a_road_stake_to_its_station(demo):
    from lianxin.routing import suggest
    from lianxin.routing.models import KeywordRule, TrainedModel

    root = Unit.objects.get(code="qingshan")
    assert KeywordRule.objects.filter(root=root).exists()
    assert TrainedModel.objects.filter(root=root).exists()
    units, _cats = suggest.scores(root.pk, "G205 K25+100路面塌陷")
    assert Unit.objects.get(pk=units[0][0]).name == "石桥公路站"
