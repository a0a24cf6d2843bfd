"""One entry point for every staff step on a case, shared by the pages and the API."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from lianxin.core.errors import ApplicationError
from lianxin.core.forms import accept_files

from . import access, actions
from .models import Case


def run_step(name: str, case: Case, d: dict, user):
    """Take the step `name` with the cleaned input `d` (objects, not ids)."""
    v = {"case": case, "actor": user, "version": d.get("version")}
    if name == "dispatch":
        return actions.case_dispatch(
            unit=d["unit"], co_units=d["co_units"], handler=d["handler"], note=d["note"], **v
        )
    if name == "merge":
        original = Case.objects.filter(code=d["original"].strip(), root=case.root).first()
        if original is None or not access.case_roles(user, original):
            raise ApplicationError(_("No case with this code."), field="original")
        return actions.case_merge(original=original, **v)
    if name == "decline":
        original = None
        if d["original"].strip():
            original = Case.objects.filter(code=d["original"].strip(), root=case.root).first()
            if original is None or not access.case_roles(user, original):
                raise ApplicationError(_("No case with this code."), field="original")
        return actions.case_decline(reason=d["reason"], note=d["note"], original=original, **v)
    if name in ("reply", "answer"):
        call = actions.case_reply if name == "reply" else actions.case_answer
        photos: dict[str, Any] = {"files": accept_files(d["files"])} if d.get("files") else {}
        return call(reply=d["reply"], reusable=d["reusable"], **photos, **v)
    if name == "callback":
        return actions.case_rate(rating=d["rating"], solved=d["solved"], comment=d["comment"], **v)
    if name == "decide_extension":
        return actions.case_decide_extension(approve=d["approve"], note=d["note"], **v)
    if name == "decide_appeal":
        return actions.case_decide_appeal(uphold=d["approve"], note=d["note"], **v)
    if name == "request_extension":
        return actions.case_request_extension(workdays=d["workdays"], reason=d["reason"], **v)
    if name == "supervise":
        return actions.case_supervise(level=d["level"], note=d["note"], **v)
    if name == "assign":
        return actions.case_assign(handler=d["handler"], **v)
    if name == "pause":
        return actions.case_pause(question=d["question"], **v)
    func = getattr(actions, f"case_{name}")
    extra = {k: d[k] for k in ("reason", "note") if k in d}
    if d.get("files"):
        extra["files"] = accept_files(d["files"])
    return func(**extra, **v)
