"""Every change of contact work: one transaction, one audit event, notices after commit."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lianxin.cases import actions as case_actions
from lianxin.cases.models import Category, Channel, Kind
from lianxin.core import clock, files
from lianxin.core.actor import is_system
from lianxin.core.audit import record_event, snapshot
from lianxin.core.errors import ApplicationError
from lianxin.core.text import clean_text
from lianxin.org.access import governs, person_of
from lianxin.org.models import Person, Unit

from . import access
from .models import ContactPoint, Need, Place, RaisedProblem, ResearchVisit, Stint, Visit

PHOTO_SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")
MAX_PHOTO = 5 * 1024 * 1024


def _today() -> date:
    return timezone.localdate(clock.now())


def _me(actor) -> Person:
    person = person_of(actor)
    if person is None:
        raise PermissionDenied
    return person


def _check_place(person: Person, place: Place) -> None:
    if not access.place_is_his(person, place):
        raise ApplicationError(
            _("%(place)s is not in %(name)s's units.") % {"place": place.name, "name": person.name},
            field="place",
        )


def place_save(*, unit: Unit, name: str, kind: str, address: str = "", actor) -> Place:
    if not is_system(actor) and not governs(actor, unit):
        raise PermissionDenied
    name = clean_text(name, field="name", label=_("The name"), limit=100)
    if kind not in Place.Kind.values:
        raise ApplicationError(_("Choose the kind of place."), field="kind")
    with transaction.atomic():
        place = Place.objects.create(unit=unit, name=name, kind=kind, address=address.strip()[:200])
        record_event(actor=actor, action="liaison.place_save", obj=place)
    return place


def contact_point_assign(
    *,
    person: Person,
    place: Place,
    visits_per_month: int = 1,
    exchange_days_per_quarter: int = 1,
    review_on: date | None = None,
    actor,
) -> ContactPoint:
    root = Unit.objects.get(pk=person.unit.root_id)
    if not is_system(actor) and not access.may_assign(actor, root):
        raise PermissionDenied
    _check_place(person, place)
    if not 1 <= visits_per_month <= 31:
        raise ApplicationError(_("Enter a number from 1 to 31."), field="visits_per_month")
    with transaction.atomic():
        point, _created = ContactPoint.objects.update_or_create(
            person=person,
            place=place,
            defaults={
                "visits_per_month": visits_per_month,
                "exchange_days_per_quarter": exchange_days_per_quarter,
                "review_on": review_on or _today().replace(month=12, day=31),
                "is_active": True,
            },
        )
        record_event(
            actor=actor,
            action="liaison.contact_point_assign",
            obj=point,
            after=snapshot(point, ["person", "place", "visits_per_month"]),
        )
    return point


def stint_plan(*, person: Person, place: Place, starts_on: date, ends_on: date, actor) -> Stint:
    root = Unit.objects.get(pk=person.unit.root_id)
    if not is_system(actor) and not access.may_assign(actor, root):
        raise PermissionDenied
    _check_place(person, place)
    if ends_on < starts_on:
        raise ApplicationError(_("A stint cannot end before it starts."), field="ends_on")
    with transaction.atomic():
        stint = Stint.objects.create(
            person=person, place=place, starts_on=starts_on, ends_on=ends_on
        )
        record_event(actor=actor, action="liaison.stint_plan", obj=stint)
    return stint


def stint_days(*, stint: Stint, days: int, actor) -> Stint:
    if _me(actor).pk != stint.person_id and not access.reviews_diary_of(actor, stint.person):
        raise PermissionDenied
    if not 0 <= days <= (stint.ends_on - stint.starts_on).days + 1:
        raise ApplicationError(_("More days than the stint lasts."), field="days")
    with transaction.atomic():
        stint.days_spent = days
        stint.save()
        record_event(actor=actor, action="liaison.stint_days", obj=stint, after={"days": days})
    return stint


def _check_photo(photo) -> None:
    if not photo:
        return
    refused = ApplicationError(
        _("The photo must be a JPEG or PNG picture of at most 5 MB."), field="photo"
    )
    if photo.size > MAX_PHOTO:
        raise refused
    data = photo.read(MAX_PHOTO + 1)
    photo.seek(0)
    if not any(data.startswith(sig) for sig in PHOTO_SIGNATURES):
        raise refused
    try:  # decoded far enough to be a picture, as every file the system keeps (core.files)
        files.check(photo.name or "photo.jpg", data, field="photo")
    except ApplicationError:
        raise refused from None


def visit_record(
    *,
    place: Place,
    kind: str,
    day: date,
    met: str,
    said: str,
    needs: Sequence[str] = (),
    signature: str = "",
    photo=None,
    actor,
) -> Visit:
    """A cadre records a visit: an entry of his 民情日记."""
    person = _me(actor)
    if kind not in Visit.Kind.values:
        raise ApplicationError(_("Choose the kind of visit."), field="kind")
    if day is None or day > _today():
        raise ApplicationError(_("A visit cannot be dated in the future."), field="day")
    _check_place(person, place)
    met = clean_text(met, field="met", label=_("Who was met"), limit=200)
    said = clean_text(said, field="said", label=_("What they said"), limit=5000)
    needs = [clean_text(n, field="needs", label=_("A need"), limit=500) for n in needs if n.strip()]
    _check_photo(photo)
    with transaction.atomic():
        visit = Visit.objects.create(
            person=person,
            place=place,
            kind=kind,
            day=day,
            met=met,
            said=said,
            signature=(signature or "").strip()[:50],
            photo=photo or "",
        )
        Need.objects.bulk_create([Need(visit=visit, text=n) for n in needs])
        record_event(
            actor=actor,
            action="liaison.visit_record",
            obj=visit,
            after={"place": place.pk, "needs": len(needs)},
        )
    return visit


def need_to_case(*, need: Need, category: Category, actor):
    """Turn a need into a case (channel: visit), once."""
    visit = need.visit
    if _me(actor).pk != visit.person_id:
        raise PermissionDenied
    if need.case_id:
        raise ApplicationError(_("This need is already a case."))
    root = Unit.objects.get(pk=visit.place.unit.root_id)
    with transaction.atomic():
        case, _secret = case_actions.case_receive(
            root=root,
            kind=Kind.HELP,
            channel=Channel.VISIT,
            category=category,
            content=(
                f"{need.text}\n（{visit.day:%Y-%m-%d} {visit.get_kind_display()}，"
                f"{visit.place.name}，{visit.met}）"
            ),
            place=visit.place.name,
            citizen_name=visit.signature,
            actor=actor,
            submit_token=str(need.pk),
            client="liaison.need",  # our own namespace: no form can send this key
        )
        need.case = case
        need.save()
        record_event(
            actor=actor, action="liaison.need_to_case", obj=visit, after={"case": case.code}
        )
    return case


def visit_review(*, visit: Visit, comment: str = "", actor) -> Visit:
    """A leader checks a diary entry (定期检查)."""
    if not access.reviews_diary_of(actor, visit.person):
        raise PermissionDenied
    comment = clean_text(
        comment, field="comment", label=_("The comment"), required=False, limit=1000
    )
    with transaction.atomic():
        visit.reviewed_by, visit.reviewed_at = _me(actor), clock.now()
        visit.review_comment = comment
        visit.save()
        record_event(actor=actor, action="liaison.visit_review", obj=visit)
    return visit


def research_record(
    *,
    station: Unit,
    kind: str,
    day: date,
    team: str,
    attendees: str,
    summary: str = "",
    problems: Sequence[tuple[str, Unit]] = (),
    category: Category | None = None,
    actor,
) -> ResearchVisit:
    """The organ records a research visit or symposium at a station; each problem the station
    raised becomes an internal problem case dispatched to the responsible office."""
    person = _me(actor)
    root = Unit.objects.get(pk=station.root_id)
    if not access.is_organ_staff(actor, root):
        raise PermissionDenied
    if kind not in ResearchVisit.Kind.values:
        raise ApplicationError(_("Choose research visit or symposium."), field="kind")
    if day is None or day > _today():
        raise ApplicationError(_("A visit cannot be dated in the future."), field="day")
    team = clean_text(team, field="team", label=_("Who went"), limit=200)
    attendees = clean_text(attendees, field="attendees", label=_("Who attended"), limit=300)
    problems = [
        (clean_text(t, field="problems", label=_("A problem"), limit=500), office)
        for t, office in problems
        if t.strip()
    ]
    if problems and category is None:
        raise ApplicationError(_("Choose a category for the problems."), field="category")
    with transaction.atomic():
        research = ResearchVisit.objects.create(
            station=station,
            kind=kind,
            day=day,
            team=team,
            attendees=attendees,
            summary=clean_text(summary, field="summary", label=_("The summary"), required=False),
            created_by=person,
        )
        for text, office in problems:
            case, _secret = case_actions.case_receive(
                root=root,
                kind=Kind.PROBLEM,
                channel=Channel.RESEARCH,
                category=category,
                title=text[:100],
                content=f"{text}\n（{station.name} {day:%Y-%m-%d} {research.get_kind_display()}）",
                actor=actor,
                submit_token=f"{research.pk}:{hashlib.sha256(text.encode()).hexdigest()}",
                client="liaison.research",
            )
            case = case_actions.case_dispatch(case=case, unit=office, actor=actor)
            RaisedProblem.objects.create(research=research, text=text, office=office, case=case)
        record_event(
            actor=actor,
            action="liaison.research_record",
            obj=research,
            after={"problems": len(problems)},
        )
    return research
