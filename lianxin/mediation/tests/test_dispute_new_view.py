"""The new-dispute form: its drop-downs say what to choose, never "---------"."""


def test_empty_choices_are_named(cast, login):
    html = login(cast.station_leader).get("/workbench/mediation/new/").content.decode()
    assert "---------" not in html
    assert "请选择调解单位" in html and "请选择调解员" in html
