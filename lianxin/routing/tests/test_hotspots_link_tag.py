"""The organisation's scorecard links to the hotspots of the same month for those who may
open them (每月一题 beside the figures); others get no button."""

from django.utils import timezone

from lianxin.core import clock
from lianxin.core.actor import Actor


def test_the_scorecard_links_to_the_hotspots_of_its_month(cc, login):
    month = timezone.localdate(clock.now()).strftime("%Y-%m")
    page = login(cc.leader).get(f"/workbench/scorecards/?month={month}").content.decode()
    assert f'href="/workbench/routing/hotspots/?month={month}" id="hotspots-link"' in page
    assert login(cc.leader).get(f"/workbench/routing/hotspots/?month={month}").status_code == 200


def test_no_button_for_whoever_may_not_open_them(cc, login, settings):
    from lianxin.org import actions
    from lianxin.org.models import Role

    inspector = actions.person_create(
        username="viewer", name="查看员", unit=cc.root, actor=Actor.system()
    )
    actions.role_grant(person=inspector, unit=cc.root, role=Role.SECRETARY, actor=Actor.system())
    page = login(inspector.user).get("/workbench/scorecards/")
    assert page.status_code == 200
    assert "hotspots-link" not in page.content.decode()
