"""Where the people of the register land: the operator on fast entry, the dispatcher on
what came in, the handler on his own cases, the supervisor on the overdue cases; a leader
who also handles lands as a leader."""

from lianxin.core.actor import Actor
from lianxin.org import actions as org_actions
from lianxin.org.models import Role


def landing(login, user):
    response = login(user).get("/workbench/")
    assert response.status_code == 302
    return response["Location"]


def test_each_role_of_the_register_lands_on_its_work(cc, login):
    assert landing(login, cc.operator) == "/workbench/cases/entry/"
    assert landing(login, cc.dispatcher) == "/workbench/cases/?tab=incoming"
    assert landing(login, cc.handler) == "/workbench/cases/?tab=mine"
    assert landing(login, cc.supervisor) == "/workbench/cases/?overdue=on"
    assert login(cc.supervisor).get("/workbench/cases/?overdue=on").status_code == 200
    # the page he lands on opens, and the plain workbench is one click away
    assert login(cc.handler).get("/workbench/cases/?tab=mine").status_code == 200
    assert login(cc.handler).get("/workbench/?all=1").status_code == 200


def test_a_station_leader_who_also_handles_lands_on_his_scorecard(cc, login):
    org_actions.role_grant(
        person=cc.people.station_leader, unit=cc.station_a, role=Role.HANDLER, actor=Actor.system()
    )
    assert landing(login, cc.station_leader).startswith(
        f"/workbench/scorecards/units/{cc.station_a.pk}/"
    )


def test_a_login_without_a_role_stays_on_the_workbench(cast, login):
    person = org_actions.person_create(
        username="clerk", name="李文书", unit=cast.station_a, actor=Actor.system()
    )
    assert login(person.user).get("/workbench/").status_code == 200
