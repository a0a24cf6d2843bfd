"""The version form's drop-downs say what to choose, never "---------"."""


def test_empty_choices_are_named(rc, login):
    html = login(rc.admin).get(f"/workbench/rules/{rc.reg.pk}/").content.decode()
    assert "---------" not in html
    assert "请选择发文单位" in html and "请选择适用单位" in html
