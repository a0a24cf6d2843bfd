"""report_submit: anonymous reports keep only a slow hash of the receipt, named ones seal the
identity; the person named is found, conflicts and routing follow; bad input writes nothing."""

import pytest

from lianxin.core.errors import ApplicationError
from lianxin.discipline import actions, sealing
from lianxin.discipline.models import Report
from lianxin.discipline.tests.conftest import submit


def test_an_anonymous_report_gets_a_receipt_only_its_hash_is_kept(dc):
    report, receipt = submit(dc)
    assert len(receipt) == 16 and receipt.isdigit()
    assert receipt not in report.receipt_digest and report.reporter_sealed == ""
    assert report.anonymous and report.accused_person is None and not report.accused_confirmed
    assert list(report.mentioned.all()) == [dc.people.handler]  # kept away until confirmed
    assert report.clause.label == "第三条第二款"
    assert actions.report_by_receipt(receipt) == report
    assert actions.report_by_receipt(sealing.show_receipt(receipt)) == report
    wrong = receipt[:-1] + str((int(receipt[-1]) + 1) % 10)
    for guess in (wrong, "1234", "", "abcd" * 4):
        assert actions.report_by_receipt(guess) is None


def test_a_named_reporter_is_sealed_with_the_key_outside_the_database(dc, settings, tmp_path):
    settings.LIANXIN_REPORTER_KEY_FILE = str(tmp_path / "keys" / "reporter.key")
    report, _receipt = submit(dc, name="欧阳举报", phone="13987654321")
    assert not report.anonymous
    assert "欧阳" not in report.reporter_sealed and "13987654321" not in report.reporter_sealed
    assert sealing.unseal(report.reporter_sealed) == {
        "name": "欧阳举报", "phone": "13987654321", "contact": "",
    }  # fmt: skip
    assert (tmp_path / "keys" / "reporter.key").stat().st_mode & 0o777 == 0o600
    settings.LIANXIN_REPORTER_KEY_FILE = str(tmp_path / "another.key")
    assert sealing.unseal(report.reporter_sealed) is None  # the dump without the key


def test_a_report_about_the_office_head_goes_to_the_organ_leader(dc):
    report, _r = submit(dc, accused_unit=dc.office_unit, accused_text="周主任")
    assert list(report.mentioned.all()) == [dc.people.head] and report.route == "organ_leader"
    picked, _r = submit(
        dc, accused_unit=dc.station_a, accused_text="", accused_person=dc.people.head
    )
    assert picked.accused_person == dc.people.head and picked.route == "organ_leader"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"clause": "zuofeng/9"}, "没有与此引用相符的现行条款"),
        ({"clause": "http://x/rules/nothing/1/"}, "没有与此引用相符的现行条款"),
        ({"what": ""}, "问题描述不能为空"),
        ({"name": "张三"}, "实名举报需要填写姓名和联系方式"),
        ({"phone": "110"}, "不是有效的电话号码"),
    ],
)
def test_bad_reports_are_refused_and_nothing_is_written(dc, change, message):
    with pytest.raises(ApplicationError) as err:
        submit(dc, **change)
    assert message in str(err.value.message)
    assert not Report.objects.exists()


def test_a_unit_of_another_organisation_is_refused(dc):
    with pytest.raises(ApplicationError, match="请从列表中选择单位"):
        submit(dc, accused_unit=dc.other)
    assert not Report.objects.exists()
