"""督查: planning an inspection, recording findings on the spot (each one becomes an internal
problem case dispatched to the responsible unit), finishing it with a summary for the 通报."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from lianxin.cases import actions as case_actions
from lianxin.cases.models import Category, Channel, Kind
from lianxin.core import clock
from lianxin.core.audit import record_event
from lianxin.core.errors import ApplicationError
from lianxin.core.text import clean_text
from lianxin.org.models import Person, Unit

from .. import access
from ..models import Finding, Inspection
from .base import me


def inspection_plan(
    *,
    root: Unit,
    subject: str,
    method: str,
    units: list[Unit],
    team: list[Person],
    starts_on: date | None,
    ends_on: date | None,
    actor,
) -> Inspection:
    if not access.plans_inspections(actor, root):
        raise PermissionDenied
    planner = me(actor) if not getattr(actor, "is_superuser", False) else None
    subject = clean_text(subject, field="subject", label=_("The subject"), limit=200)
    if method not in Inspection.Method.values:
        raise ApplicationError(_("Choose how the inspection is made."), field="method")
    units = list(units or [])
    if not units:
        raise ApplicationError(_("Choose the units to inspect."), field="units")
    if any(not u.path.startswith(root.path) or u.pk == root.pk for u in units):
        raise ApplicationError(_("Choose units of this organisation."), field="units")
    team = list(team or [])
    if not team:
        raise ApplicationError(_("Name the members of the team."), field="team")
    if any(not p.is_active or not p.unit.path.startswith(root.path) for p in team):
        raise ApplicationError(
            _("Team members must be active staff of this organisation."), field="team"
        )
    if starts_on is None or ends_on is None:
        raise ApplicationError(_("Give the dates of the inspection."), field="starts_on")
    if ends_on < starts_on:
        raise ApplicationError(_("The inspection cannot end before it starts."), field="ends_on")
    with transaction.atomic():
        inspection = Inspection.objects.create(
            root=root,
            subject=subject,
            method=method,
            starts_on=starts_on,
            ends_on=ends_on,
            planned_by=planner or team[0],
        )
        inspection.units.set(units)
        inspection.team.set(team)
        record_event(
            actor=actor,
            action="supervision.inspection_plan",
            obj=inspection,
            after={"units": [u.pk for u in units], "team": [p.pk for p in team]},
        )
    return inspection


def finding_record(
    *,
    inspection: Inspection,
    unit: Unit | None,
    text: str,
    category: Category | None,
    place: str = "",
    files=(),
    actor,
) -> Finding:
    """A finding on the spot: it becomes a problem case (channel 督查) of the unit, raised by
    the team member who found it, who will sign off its rectification."""
    person = me(actor)
    if not access.in_team(actor, inspection):
        raise PermissionDenied
    if inspection.finished_at is not None:
        raise ApplicationError(_("The inspection is finished; no more findings can be added."))
    text = clean_text(text, field="text", label=_("What was found"), limit=2000)
    place = clean_text(place, field="place", label=_("The place"), required=False, limit=200)
    inspected = {u.pk: u for u in inspection.units.all()}
    if unit is None or not any(unit.path.startswith(u.path) for u in inspected.values()):
        raise ApplicationError(
            _("Choose one of the units inspected (or a unit under it)."), field="unit"
        )
    if category is None or category.root_id != inspection.root_id or not category.is_active:
        raise ApplicationError(_("Choose a category from the list."), field="category")
    with transaction.atomic():
        finding = Finding.objects.create(
            inspection=inspection,
            unit=unit,
            text=text,
            place=place,
            found_at=clock.now(),
            recorded_by=person,
        )
        case, _secret = case_actions.case_receive(
            root=inspection.root,
            kind=Kind.PROBLEM,
            channel=Channel.INSPECTION,
            category=category,
            title=text.replace("\n", " ")[:100],
            content=f"{text}\n（{inspection.subject}，{inspection.get_method_display()}）",
            place=place,
            actor=actor,
            submit_token=f"finding-{finding.pk}",
            files=files,
        )
        case = case_actions.case_dispatch(case=case, unit=unit, actor=actor)
        finding.case = case
        finding.save(update_fields=["case", "updated_at"])
        record_event(
            actor=actor,
            action="supervision.finding_record",
            obj=inspection,
            after={"finding": finding.pk, "case": case.code},
        )
    return finding


def inspection_finish(*, inspection: Inspection, summary: str, actor) -> Inspection:
    """Close the inspection with its summary; its 通报 can then be printed and read by all."""
    if not (access.in_team(actor, inspection) or access.plans_inspections(actor, inspection.root)):
        raise PermissionDenied
    summary = clean_text(summary, field="summary", label=_("The summary"), limit=5000)
    with transaction.atomic():
        locked = Inspection.objects.select_for_update().get(pk=inspection.pk)
        if locked.finished_at is not None:
            raise ApplicationError(_("The inspection is already finished."))
        locked.summary = summary
        locked.finished_at = clock.now()
        locked.save(update_fields=["summary", "finished_at", "updated_at"])
        record_event(actor=actor, action="supervision.inspection_finish", obj=locked)
    return locked
