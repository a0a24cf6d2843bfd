"""Who sees a case and how much of the citizen: outsiders 404, contact masked to all but
the operator, the dispatcher and the assigned handler, each full view recorded."""

import pytest
from django.http import Http404

from lianxin.cases import access, actions
from lianxin.cases import workflow as wf
from lianxin.core.models import AuditEvent

from .conftest import receive


def test_roles_follow_the_grants_and_the_lead_unit(cc, make_case):
    case = make_case("dispatched")
    assert access.case_roles(cc.dispatcher, case) >= {wf.DISPATCHER}
    assert wf.HANDLER in access.case_roles(cc.handler, case)
    assert wf.UNIT_LEADER in access.case_roles(cc.station_leader, case)
    assert wf.UNIT_LEADER in access.case_roles(cc.leader, case)  # the organ's leader
    assert access.case_roles(cc.handler_b, case) == frozenset()
    assert access.case_roles(cc.outsider, case) == frozenset()
    for user in (cc.handler_b, cc.outsider, cc.nobody):
        with pytest.raises(Http404):
            access.access_case(user, case.code)
    with pytest.raises(Http404):
        access.access_case(cc.dispatcher, "209901010001")


def test_a_co_unit_sees_the_case_and_may_add_notes(cc, make_case):
    case, _ = receive(cc)
    case = actions.case_dispatch(
        case=case, unit=cc.station_a, co_units=[cc.station_b], actor=cc.dispatcher
    )
    assert access.case_roles(cc.handler_b, case) == frozenset({wf.CO_UNIT})
    actions.case_note(case=case, note="乙站已配合封闭半幅", actor=cc.handler_b)


def test_the_list_shows_each_user_exactly_the_cases_he_may_open(cc, make_case):
    a = make_case("dispatched")
    incoming = make_case("received")
    from lianxin.cases.queries import visible_cases

    assert set(visible_cases(cc.dispatcher, cc.root)) == {a, incoming}
    assert set(visible_cases(cc.handler, cc.root)) == {a}
    assert set(visible_cases(cc.handler_b, cc.root)) == set()
    assert set(visible_cases(cc.outsider, cc.root)) == set()


def test_a_list_never_shows_a_case_its_reader_cannot_open(cc, make_case):
    """Every role of the cast, plus a co-unit's secretary, administrator and inspector."""
    from conftest import make_person
    from lianxin.cases.models import Case
    from lianxin.cases.queries import visible_cases
    from lianxin.org.models import Role

    extra = [
        make_person(f"co_{role}", f"乙站{role}", cc.station_b, roles=[(role, cc.station_b)]).user
        for role in (Role.SECRETARY, Role.ADMIN, Role.INSPECTOR, Role.LEADER)
    ]
    case, _ = receive(cc)
    actions.case_dispatch(
        case=case, unit=cc.station_a, co_units=[cc.station_b], actor=cc.dispatcher
    )
    make_case("in_progress")
    make_case("received")
    users = [cc.dispatcher, cc.handler, cc.handler_b, cc.station_leader, cc.leader, cc.admin]
    for user in users + extra + [cc.outsider, cc.nobody]:
        listed = set(visible_cases(user, cc.root))
        opened = {c for c in Case.objects.all() if access.case_roles(user, c)}
        assert listed == opened, user
    secretary = extra[0]
    assert case not in set(visible_cases(secretary, cc.root))
    with pytest.raises(Http404):
        access.access_case(secretary, case.code)


def test_full_contact_only_for_operator_dispatcher_and_assigned_handler(cc, make_case, login):
    case = make_case("in_progress")
    page = login(cc.station_leader).get(f"/workbench/cases/{case.code}/")
    text = page.content.decode()
    assert "赵某某" in text and "138****5678" in text and "13812345678" not in text
    assert "查看完整信息" not in text
    assert (
        login(cc.station_leader).post(f"/workbench/cases/{case.code}/contact/").status_code == 403
    )
    client = login(cc.handler)
    assert "查看完整信息" in client.get(f"/workbench/cases/{case.code}/").content.decode()
    full = client.post(f"/workbench/cases/{case.code}/contact/").content.decode()
    assert "13812345678" in full and "赵市民" in full
    event = AuditEvent.objects.get(action="case.contact_viewed")
    assert event.actor == cc.handler and event.object_id == str(case.pk)
