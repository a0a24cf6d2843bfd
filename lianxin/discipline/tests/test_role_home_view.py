"""An inspector lands on the register of misconduct reports he handles."""


def test_an_inspector_lands_on_the_reports(dc, login):
    response = login(dc.inspector).get("/workbench/")
    assert response.status_code == 302 and response["Location"] == "/workbench/discipline/"
    assert login(dc.inspector).get("/workbench/discipline/").status_code == 200


def test_the_organ_leader_still_lands_on_the_scorecard(dc, login):
    assert login(dc.leader).get("/workbench/")["Location"] == "/workbench/scorecards/home/"
