"""The party-building office lands on the grid of the stations' plans and reports; a
station's secretary lands on his station's scorecard, not on the grid."""


def test_the_party_office_lands_on_the_grid(pw, login):
    response = login(pw.officer).get("/workbench/")
    assert response.status_code == 302 and response["Location"] == "/workbench/partywork/"
    assert login(pw.officer).get("/workbench/partywork/").status_code == 200


def test_a_station_secretary_lands_on_his_station(pw, login):
    location = login(pw.sec_a).get("/workbench/")["Location"]
    assert location.startswith(f"/workbench/scorecards/units/{pw.station_a.pk}/")
