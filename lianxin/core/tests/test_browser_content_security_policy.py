"""The main pages in a real browser under the Content-Security-Policy: no violation is
reported (no inline script or style, nothing from elsewhere), and the behaviour moved out of
the templates into static/js/lianxin.js still works (confirm before a step, print buttons,
progress bars). The administrator logs in through the second factor on the way."""

import pytest
from django.urls import reverse

from lianxin.cases.models import Case
from lianxin.org.models import Person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RECORD = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile
                    + ":" + e.lineNumber);
});
"""

PUBLIC = [
    "portal:home",
    "portal:submit",
    "portal:track",
    "portal:board",
    "portal:services",
    "portal:rules",
    "portal:report",
    "login",
]
WORKBENCH = [
    "workbench:home",
    "workbench:case_queue",
    "workbench:diary",
    "workbench:disputes",
    "workbench:services",
    "workbench:partywork",
    "workbench:regulations",
    "workbench:inbox",
    "workbench:unit_tree",
    "workbench:people_list",
    "workbench:calendar",
    "workbench:imports",
    "admin:index",
]


def watch(context):
    context.add_init_script(RECORD)
    console = []

    def on_console(msg):
        text = msg.text
        if msg.type == "error" and ("Content Security Policy" in text or "Refused to" in text):
            console.append(text)

    return console, on_console


def visit(page, url, console):
    response = page.goto(url)
    assert response.status < 400, url
    assert "frame-ancestors 'none'" in response.headers.get("content-security-policy", ""), url
    page.wait_for_load_state("load")
    violations = page.evaluate("window.__csp")
    assert violations == [] and console == [], (url, violations, console)


def walk_main_pages(browser, staff_page, live_server):
    """Every main page of the demo, public and staff, under the policy: called by the demo's
    browser test (org/tests/test_demo_command.py), which loads the demo once for the run."""
    context = browser.new_context(locale="zh-CN")
    console, on_console = watch(context)
    page = context.new_page()
    page.on("console", on_console)
    for name in PUBLIC:
        visit(page, live_server.url + reverse(name), console)
    context.close()

    admin = Person.objects.get(user__username="wangfang").user
    # password, then the code of his authenticator app
    context, page = staff_page(admin, through_form=True)
    console, on_console = watch(context)
    page.on("console", on_console)
    case = Case.objects.exclude(lead_unit=None).order_by("pk").first()
    person = Person.objects.get(user__username="zhangjianguo")
    urls = [reverse(name) for name in WORKBENCH] + [
        reverse("workbench:case_detail", args=[case.code]),
        reverse("workbench:person_detail", args=[person.pk]),
    ]
    for url in urls:
        visit(page, live_server.url + url, console)

    # The reset button asks first (data-confirm, static JS): dismissing keeps the device.
    page.goto(live_server.url + reverse("workbench:person_detail", args=[admin.person.pk]))
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.locator("#second-factor-reset").click()
    page.wait_for_timeout(300)
    assert "/second-factor-reset/" not in page.url
    assert page.evaluate("window.__csp") == [] and console == []
    context.close()

    inspector = Person.objects.get(user__username="malijuan").user
    context, page = staff_page(inspector)
    console, on_console = watch(context)
    page.on("console", on_console)
    visit(page, live_server.url + reverse("workbench:reports"), console)
    context.close()


def test_the_enrolment_page_draws_its_qr_code_under_the_policy(browser, live_server, cast):
    cast.leader.set_password("browser-test-2026")
    cast.leader.save()
    context = browser.new_context(locale="zh-CN")
    console, on_console = watch(context)
    page = context.new_page()
    page.on("console", on_console)
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("登录名").fill("leader")
    page.get_by_label("密码").fill("browser-test-2026")
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/accounts/second-factor/enrol/**")
    box = page.locator("#totp-qr svg").bounding_box()
    assert box and box["width"] > 100 and box["height"] > 100
    assert page.locator("#totp-secret").inner_text().replace(" ", "").isalnum()
    assert page.evaluate("window.__csp") == [] and console == []
    context.close()
