"""`lianxin audit verify`: every timeline chain intact, and a changed entry is reported."""

import pytest
from django.core.management import CommandError, call_command

from lianxin.cases.models import CaseEvent


def test_verify_passes_then_reports_a_changed_and_a_removed_entry(cc, make_case, capsys):
    case = make_case("closed")
    other = make_case("replied")
    call_command("audit", "verify")
    assert "OK: 9 timeline entries" in capsys.readouterr().out
    CaseEvent.objects.filter(case=case, action="reply").update(note="改过的答复")
    CaseEvent.objects.filter(case=other, seq=2).delete()
    with pytest.raises(CommandError):
        call_command("audit", "verify")
    out = capsys.readouterr().out
    assert f"{case.code} #4" in out and f"{other.code} #3" in out
