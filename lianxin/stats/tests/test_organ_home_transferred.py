"""The organ leader's home lists what awaits a decision: never a complaint transferred to the
discipline office (转纪检), which its leaders lose sight of, even when an extension was
asked on it before the transfer."""

from django.urls import reverse

from conftest import make_person
from lianxin.cases import actions as case_actions
from lianxin.cases.tests import conftest as cases_conftest
from lianxin.core.actor import Actor
from lianxin.discipline.models import DisciplineOffice
from lianxin.org import actions as org_actions
from lianxin.org.models import Role
from lianxin.supervision import actions as supervision_actions

make_case = cases_conftest.make_case


def test_a_transferred_case_with_an_extension_asked_is_not_awaiting_a_decision(
    cc, make_case, login
):
    disc = org_actions.unit_create(
        name="纪检室", kind="office", parent=cc.root, code="t-disc", actor=Actor.system()
    )
    DisciplineOffice.objects.create(root=cc.root, unit=disc)
    make_person("inspector", "马纪检", disc, roles=[(Role.INSPECTOR, disc)])
    case = make_case("in_progress", content="甲站杨某某收了我500元好处费才给办理路政许可。")
    case_actions.case_request_extension(
        case=case, workdays=3, reason="需要调查取证", actor=cc.handler
    )
    case.refresh_from_db()
    supervision_actions.complaint_transfer(
        case=case, accused_unit=cc.station_a, accused_text="杨某某", actor=cc.dispatcher
    )
    client = login(cc.leader)
    assert client.get(reverse("workbench:case_detail", args=[case.code])).status_code == 404
    html = client.get(reverse("workbench:scorecard_home")).content.decode()
    assert case.code not in html and "好处费" not in html
