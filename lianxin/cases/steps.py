"""Every step on a case, declared once: its name and label, the workflow table's actions it
takes, its page form and its API schema, the choices its objects come from, the guards
beyond the table (paused, an extension or appeal pending, a rating of 2 or less...), and the
function that takes it. The case page (views.py), the JSON API (api.py) and the property
test (tests/test_workflow_property.py) all read `STEPS`; nothing else lists the steps.

Who may take a step: the roles `access.case_roles` gives the user on the case, checked
against the workflow table (`workflow.allowed`) for the step's actions; the action itself
checks again (`workflow.check`) inside its transaction, so a page or a client that shows a
step wrongly still cannot take it.

A step with no form is not on the staff case page (the citizen's steps are on the portal,
the transfer to the discipline office on supervision's page, closing by time is the
clock's); a step with no schema is not in the API.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.forms import ModelChoiceField
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lianxin.core.actor import Actor, as_actor
from lianxin.core.errors import ApplicationError
from lianxin.core.forms import accept_files
from lianxin.org.models import Role
from lianxin.org.queries import people_with_role

from . import access, actions, forms, queries
from . import step_schemas as s
from . import workflow as wf
from .models import Case

# ---------------------------------------------------------------- guards


@dataclass(frozen=True)
class Guard:
    """A condition beyond the state table under which a step makes sense (the action
    refuses it otherwise); a step is offered only while all its guards hold."""

    name: str
    holds: Callable[[Case], bool]


NOT_PAUSED = Guard("not paused", lambda c: not c.paused_at)
PAUSED = Guard("paused", lambda c: bool(c.paused_at))
NO_EXTENSION_PENDING = Guard("no extension pending", lambda c: queries.pending_extension(c) is None)
EXTENSION_PENDING = Guard("extension pending", lambda c: queries.pending_extension(c) is not None)
APPEAL_PENDING = Guard("appeal pending", lambda c: queries.pending_appeal(c) is not None)
REVIEW_PENDING = Guard("unsatisfied rating to review", lambda c: bool(c.review_pending))
NOT_RATED = Guard("not rated", lambda c: c.rated_at is None)
LOW_RATING_NOT_APPEALED = Guard(
    "rating of 2 or less, not appealed",
    lambda c: (
        c.rated_at is not None
        and c.rating is not None
        and c.rating <= actions.base.UNSATISFIED_MAX
        and not c.appeals.exists()
    ),
)
NOT_FLAGGED = Guard("below flagged supervision", lambda c: c.supervision < 3)
FLAGGED = Guard("flagged supervision", lambda c: c.supervision == 3)
UNRATED_NOT_IN_REVIEW = Guard(
    "not rated, not in review", lambda c: c.rated_at is None and not c.review_pending
)


# ---------------------------------------------------------------- choices


def _org_units(case: Case):
    from lianxin.org.queries import units_under

    return units_under(case.root).filter(is_active=True)


def _org_people(case: Case):
    from lianxin.org.models import Person

    return Person.objects.filter(
        unit__path__startswith=case.root.path, is_active=True
    ).select_related("unit")


def _unit_handlers(case: Case):
    lead = case.lead_unit
    return people_with_role(Role.HANDLER, lead) if lead is not None else None


# ---------------------------------------------------------------- the declaration


Run = Callable[[Case, dict, Actor], Any]


@dataclass(frozen=True)
class Step:
    name: str
    label: Any
    actions: tuple[str, ...]  # the workflow table's actions (callback: rate or rate_unsatisfied)
    run: Run
    form: type[forms.ActionForm] | None = None
    schema: type[s.StepIn] | None = None
    guards: tuple[Guard, ...] = ()
    choices: dict[str, Callable[[Case], Any]] = field(default_factory=dict)
    example: dict = field(default_factory=dict)  # an API body (also the property test's input)

    def table_action(self, d: dict) -> str:
        """The table's action this input takes (a rating of 1 or 2 is another action)."""
        if self.name == "callback":
            return "rate_unsatisfied" if d["rating"] <= actions.base.UNSATISFIED_MAX else "rate"
        return self.actions[0]

    def allowed(self, case: Case, roles) -> bool:
        """The table lets these roles take the step in the case's state (no guards)."""
        return any(wf.allowed(case.status, case.kind, a, roles) for a in self.actions)

    def guards_hold(self, case: Case) -> bool:
        return all(g.holds(case) for g in self.guards)

    def offered(self, case: Case, roles) -> bool:
        return self.allowed(case, roles) and self.guards_hold(case)

    def form_for(self, case: Case, data=None, files=None, *, prefixed: bool = True):
        """The page form for this case (object choices limited to the case's organisation)."""
        assert self.form is not None
        form = self.form(
            data, files, initial={"version": case.version}, prefix=self.name if prefixed else None
        )
        for name, choices in self.choices.items():
            field = form.fields[name]
            assert isinstance(field, ModelChoiceField)  # ModelMultipleChoiceField is one too
            field.queryset = choices(case)
        if self.name == "dispatch":
            _dispatch_handlers(form, case)
            if case.category.default_unit_id and data is None:
                form.initial["unit"] = case.category.default_unit_id
        return form

    def take(self, case: Case, d: dict, actor) -> Any:
        """Take the step with cleaned input `d` (objects, not ids) from the page or the API."""
        return self.run(case, d, as_actor(actor))


def _dispatch_handlers(form, case: Case) -> None:
    """The dispatch form lists the staff who may handle cases, each tagged with his units
    (static/js/cases.js shows those of the chosen lead unit; the action checks the pair)."""
    from lianxin.org.models import Person

    handlers = queries.dispatch_handlers(case.root)
    field = form.fields["handler"]
    field.queryset = Person.objects.filter(pk__in=[p.pk for p, _units in handlers]).order_by(
        "unit__path", "name"
    )
    field.widget.units = {p.pk: units for p, units in handlers}


def _v(case, d, actor) -> dict:
    return {"case": case, "actor": actor, "version": d.get("version")}


def _original(case: Case, code: str, actor: Actor) -> Case:
    """The case a merge or a repeat points to: same organisation, and one the actor sees."""
    original = queries.case_by_code(case.root, code.strip())
    if original is None or not access.case_roles(actor, original):
        raise ApplicationError(_("No case with this code."), field="original")
    return original


def _by_the_clock(actor: Actor) -> bool:
    if not actor.is_system:
        raise PermissionDenied
    return True


def _decline(case, d, actor):
    original = _original(case, d["original"], actor) if d.get("original", "").strip() else None
    return actions.case_decline(
        reason=d["reason"], note=d.get("note", ""), original=original, **_v(case, d, actor)
    )


def _simple(func_name: str, *fields: str) -> Run:
    """A step that passes the named text fields (and any files) to its action."""

    def run(case, d, actor):
        extra = {k: d[k] for k in fields if k in d}
        if d.get("files"):
            extra["files"] = accept_files(d["files"])
        return getattr(actions, func_name)(**extra, **_v(case, d, actor))

    return run


STEPS_LIST: list[Step] = [
    Step(
        "withdraw",
        gettext_lazy("Withdraw"),
        ("withdraw",),
        _simple("case_withdraw"),
        example={"version": 1},
    ),
    Step(
        "dispatch",
        gettext_lazy("Dispatch"),
        ("dispatch",),
        lambda case, d, actor: actions.case_dispatch(
            unit=d["unit"],
            co_units=d.get("co_units") or [],
            handler=d.get("handler"),
            note=d.get("note", ""),
            **_v(case, d, actor),
        ),
        form=forms.DispatchForm,
        schema=s.DispatchIn,
        choices={"unit": _org_units, "co_units": _org_units, "handler": _org_people},
        example={"version": 1, "unit": 12, "co_units": [], "handler": None, "note": "请尽快处理"},
    ),
    Step(
        "decline",
        gettext_lazy("Do not accept"),
        ("decline",),
        _decline,
        form=forms.DeclineForm,
        schema=s.DeclineIn,
        example={"version": 1, "reason": "outside_remit", "note": "请向县市场监管局反映"},
    ),
    Step(
        "transfer",
        gettext_lazy("Transfer to the discipline office"),
        ("transfer",),
        _simple("case_transfer"),
        example={"version": 1},
    ),
    Step(
        "answer",
        gettext_lazy("Answer directly"),
        ("answer",),
        lambda case, d, actor: actions.case_answer(
            reply=d["reply"], reusable=d.get("reusable", False), **_v(case, d, actor)
        ),
        form=forms.AnswerForm,
        schema=s.ReplyIn,
        example={"version": 1, "reply": "办理时间为工作日上午9点至下午5点。", "reusable": True},
    ),
    Step(
        "merge",
        gettext_lazy("Merge as duplicate"),
        ("merge",),
        lambda case, d, actor: actions.case_merge(
            original=_original(case, d["original"], actor), **_v(case, d, actor)
        ),
        form=forms.MergeForm,
        schema=s.MergeIn,
        example={"version": 1, "original": "2026120300001"},
    ),
    Step(
        "return",
        gettext_lazy("Return"),
        ("return",),
        _simple("case_return", "reason"),
        form=forms.ReasonForm,
        schema=s.ReasonIn,
        example={"version": 2, "reason": "不属于本站辖区"},
    ),
    Step(
        "accept",
        gettext_lazy("Accept"),
        ("accept",),
        _simple("case_accept"),
        form=forms.ActionForm,
        schema=s.StepIn,
        example={"version": 2},
    ),
    Step(
        "assign",
        gettext_lazy("Assign handler"),
        ("assign",),
        lambda case, d, actor: actions.case_assign(handler=d["handler"], **_v(case, d, actor)),
        form=forms.AssignForm,
        schema=s.AssignIn,
        choices={"handler": _unit_handlers},
        example={"version": 3, "handler": 7},
    ),
    Step(
        "pause",
        gettext_lazy("Ask the citizen"),
        ("pause",),
        lambda case, d, actor: actions.case_pause(question=d["question"], **_v(case, d, actor)),
        form=forms.QuestionForm,
        schema=s.QuestionIn,
        guards=(NOT_PAUSED,),
        example={"version": 3, "question": "请提供路灯的具体位置（电线杆编号）"},
    ),
    Step(
        "resume",
        gettext_lazy("Information received"),
        ("resume",),
        _simple("case_resume", "note"),
        form=forms.NoteForm,
        schema=s.NoteIn,
        guards=(PAUSED,),
        example={"version": 4, "note": "群众电话补充：杆号 QS-118"},
    ),
    Step(
        "request_extension",
        gettext_lazy("Ask for an extension"),
        ("request_extension",),
        lambda case, d, actor: actions.case_request_extension(
            workdays=d["workdays"], reason=d["reason"], **_v(case, d, actor)
        ),
        form=forms.ExtensionForm,
        schema=s.ExtensionIn,
        guards=(NOT_PAUSED, NO_EXTENSION_PENDING),
        example={"version": 3, "workdays": 5, "reason": "需协调供电公司"},
    ),
    Step(
        "decide_extension",
        gettext_lazy("Decide the extension"),
        ("decide_extension",),
        lambda case, d, actor: actions.case_decide_extension(
            approve=d["approve"], note=d.get("note", ""), **_v(case, d, actor)
        ),
        form=forms.DecideForm,
        schema=s.DecideIn,
        guards=(EXTENSION_PENDING,),
        example={"version": 4, "approve": True, "note": "同意延期"},
    ),
    Step(
        "reply",
        gettext_lazy("Reply"),
        ("reply",),
        lambda case, d, actor: actions.case_reply(
            reply=d["reply"],
            reusable=d.get("reusable", False),
            files=accept_files(d["files"]) if d.get("files") else (),
            **_v(case, d, actor),
        ),
        form=forms.ReplyForm,
        schema=s.ReplyIn,
        guards=(NOT_PAUSED,),
        example={"version": 3, "reply": "路灯已于今日修复。", "reusable": False},
    ),
    Step(
        "callback",
        gettext_lazy("Record callback"),
        ("rate", "rate_unsatisfied"),
        lambda case, d, actor: actions.case_rate(
            rating=d["rating"],
            solved=d["solved"],
            comment=d.get("comment", ""),
            **_v(case, d, actor),
        ),  # fmt: skip
        form=forms.RatingForm,
        schema=s.RatingIn,
        guards=(NOT_RATED,),
        example={"version": 5, "rating": 5, "solved": True, "comment": "满意"},
    ),
    Step(
        "confirm",
        gettext_lazy("Confirm the reply"),
        ("confirm",),
        _simple("case_confirm", "note"),
        form=forms.NoteForm,
        schema=s.NoteIn,
        guards=(REVIEW_PENDING,),
        example={"version": 6, "note": "答复属实"},
    ),
    Step(
        "reopen",
        gettext_lazy("Reopen"),
        ("reopen",),
        _simple("case_reopen", "reason"),
        form=forms.ReasonForm,
        schema=s.ReasonIn,
        example={"version": 6, "reason": "答复未解决实际问题"},
    ),
    Step(
        "verify",
        gettext_lazy("Verify rectification"),
        ("verify",),
        _simple("case_verify", "note"),
        form=forms.NoteForm,
        schema=s.NoteIn,
        example={"version": 5, "note": "整改到位"},
    ),
    Step(
        "reject",
        gettext_lazy("Reject rectification"),
        ("reject",),
        _simple("case_reject", "reason"),
        form=forms.ReasonForm,
        schema=s.ReasonIn,
        example={"version": 5, "reason": "整改不到位"},
    ),
    Step(
        "autoclose",
        gettext_lazy("Close without a rating"),
        ("autoclose",),
        lambda case, d, actor: _by_the_clock(actor) and actions.case_autoclose(case=case),
        guards=(UNRATED_NOT_IN_REVIEW,),
    ),
    Step(
        "appeal",
        gettext_lazy("Appeal the rating"),
        ("appeal",),
        _simple("case_appeal", "reason"),
        form=forms.ReasonForm,
        schema=s.ReasonIn,
        guards=(LOW_RATING_NOT_APPEALED,),
        example={"version": 6, "reason": "来电人恶意差评，与办理无关"},
    ),
    Step(
        "decide_appeal",
        gettext_lazy("Decide the appeal"),
        ("decide_appeal",),
        lambda case, d, actor: actions.case_decide_appeal(
            uphold=d["approve"], note=d.get("note", ""), **_v(case, d, actor)
        ),
        form=forms.DecideForm,
        schema=s.DecideAppealIn,
        guards=(APPEAL_PENDING,),
        example={"version": 7, "approve": False, "note": "评价与办理相关"},
    ),
    Step(
        "remind",
        gettext_lazy("Remind"),
        ("remind",),
        _simple("case_remind", "note"),
        form=forms.NoteForm,
        schema=s.NoteIn,
        example={"version": 3, "note": "请加快办理"},
    ),
    Step(
        "supervise",
        gettext_lazy("Supervise"),
        ("supervise",),
        lambda case, d, actor: actions.case_supervise(
            level=d["level"], note=d.get("note", ""), **_v(case, d, actor)
        ),
        form=forms.SuperviseForm,
        schema=s.SuperviseIn,
        guards=(NOT_FLAGGED,),
        example={"version": 3, "level": 2, "note": "逾期未办结"},
    ),
    Step(
        "lift_flag",
        gettext_lazy("Lift the flag"),
        ("lift_flag",),
        _simple("case_lift_flag", "reason"),
        schema=s.ReasonIn,  # on the pages through a supervision order (督办单)
        guards=(FLAGGED,),
        example={"version": 8, "reason": "已按期办结"},
    ),
    Step(
        "note",
        gettext_lazy("Add a note"),
        ("note",),
        _simple("case_note", "note"),
        form=forms.RequiredNoteForm,
        schema=s.RequiredNoteIn,
        example={"version": 3, "note": "已电话联系群众"},
    ),
]

STEPS: dict[str, Step] = {step.name: step for step in STEPS_LIST}


def offered(case: Case, roles, *, on: str = "page") -> list[Step]:
    """The steps these roles may take on the case now, with a form (`on="page"`) or a
    schema (`on="api"`), in the table's order."""
    want = (lambda st: st.form is not None) if on == "page" else (lambda st: st.schema is not None)
    return [st for st in STEPS_LIST if want(st) and st.offered(case, roles)]


def label_of(name: str):
    step = STEPS.get(name)
    return step.label if step else name
