"""Every step of a mediation: one transaction, one audit event; the follow-up on the clock;
a dispute that came from a case reports its outcome back to the case."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from lianxin.cases import actions as case_actions
from lianxin.cases.models import Case
from lianxin.core import clock
from lianxin.core.actor import Actor
from lianxin.core.audit import record_event
from lianxin.core.errors import ApplicationError
from lianxin.core.text import clean_text
from lianxin.org.access import has_role_over, person_of
from lianxin.org.models import Person, Role, Unit

from . import access
from .models import AgreementCounter, Dispute, Party, Session

FOLLOW_UP_DAYS = 30
MEDIATION = Actor.system("mediation")  # the note it writes on the case it came from


def _today() -> date:
    return timezone.localdate(clock.now())


def _may_work_on(actor, dispute: Dispute) -> None:
    if not (access.is_mediator(actor, dispute) or access.leads(actor, dispute)):
        raise PermissionDenied


def dispute_open(
    *,
    unit: Unit,
    subject: str,
    category: str,
    description: str,
    mediator: Person,
    parties: Sequence[dict] = (),
    case: Case | None = None,
    actor,
) -> Dispute:
    """Register a dispute (from a case or on its own) and name its mediator."""
    me = person_of(actor)
    if me is None or not (me.unit_id == unit.pk or has_role_over(actor, unit, Role.values)):
        raise PermissionDenied
    if category not in Dispute.Category.values:
        raise ApplicationError(_("Choose a category from the list."), field="category")
    if not mediator.unit.path.startswith(Unit.objects.get(pk=unit.root_id).path):
        raise ApplicationError(_("Choose a mediator of this organisation."), field="mediator")
    subject = clean_text(subject, field="subject", label=_("The subject"), limit=200)
    description = clean_text(description, field="description", label=_("What happened"))
    root = Unit.objects.get(pk=unit.root_id)
    for p in parties:
        _check_impartial(unit, mediator, _own_unit(root, p.get("name") or ""))
    with transaction.atomic():
        dispute = Dispute.objects.create(
            unit=unit,
            subject=subject,
            category=category,
            description=description,
            mediator=mediator,
            case=case,
        )
        for p in parties:
            _add_party(dispute, p)
        record_event(
            actor=actor,
            action="mediation.open",
            obj=dispute,
            after={"case": case.code if case else None},
        )
        if case is not None:
            case_actions.case_note(
                case=case,
                actor=MEDIATION,
                note=_("Passed to mediation: %(s)s (mediator %(m)s)")
                % {"s": subject, "m": mediator.name},
            )
    return dispute


def _own_unit(root: Unit, name: str) -> Unit | None:
    """The organisation's own unit a party names, if it is one (a station, an office)."""
    return Unit.objects.filter(path__startswith=root.path, name=name.strip()).first()


def _check_impartial(unit: Unit, mediator: Person, party_unit: Unit | None) -> None:
    """Nobody mediates his own dispute: when one of the organisation's units is a party, the
    dispute goes to the level above it - not to that unit, a unit under it, or a unit beside
    it (路政科 does not mediate for 石桥公路站) - and the mediator is not one of its people."""
    if party_unit is None:
        return
    parent = party_unit.parent
    above = parent.name if parent is not None else _("a mediation committee")
    values = {"party": party_unit.name, "unit": unit.name, "above": above}
    if not (party_unit.path.startswith(unit.path) and unit.pk != party_unit.pk):
        raise ApplicationError(
            _(
                "%(party)s is itself a party to this dispute, so %(unit)s cannot mediate it: "
                "it goes to the level above (%(above)s)."
            )
            % values,
            field="unit",
        )
    if mediator.unit.path.startswith(party_unit.path):
        raise ApplicationError(
            _(
                "The mediator works at %(party)s, which is a party to this dispute: choose a "
                "mediator of %(unit)s outside it."
            )
            % values,
            field="mediator",
        )


def _add_party(dispute: Dispute, p: dict) -> Party:
    name = clean_text(p.get("name"), field="parties", label=_("The name"), limit=100)
    kind = p.get("kind") or Party.Kind.PERSON
    if kind not in Party.Kind.values:
        raise ApplicationError(_("A party is a person or an organisation."), field="parties")
    own = _own_unit(Unit.objects.get(pk=dispute.unit.root_id), name)
    _check_impartial(dispute.unit, dispute.mediator, own)
    return Party.objects.create(
        dispute=dispute,
        kind=Party.Kind.ORGANISATION if own else kind,
        name=name,
        contact=(p.get("contact") or "").strip()[:200],
        unit=own,
    )


def party_add(
    *, dispute: Dispute, name: str, kind: str = "person", contact: str = "", actor
) -> Party:
    _may_work_on(actor, dispute)
    if dispute.closed_at:
        raise ApplicationError(_("The mediation is closed."))
    with transaction.atomic():
        party = _add_party(dispute, {"name": name, "kind": kind, "contact": contact})
        record_event(actor=actor, action="mediation.party_add", obj=dispute, after={"party": name})
    return party


def session_add(
    *, dispute: Dispute, day: date, place: str, attendees: str, notes: str, actor
) -> Session:
    _may_work_on(actor, dispute)
    if dispute.closed_at:
        raise ApplicationError(_("The mediation is closed."))
    if day is None or day > _today():
        raise ApplicationError(_("A session cannot be dated in the future."), field="day")
    place = clean_text(place, field="place", label=_("The place"), limit=100)
    attendees = clean_text(attendees, field="attendees", label=_("The attendees"), limit=300)
    notes = clean_text(notes, field="notes", label=_("The notes"))
    with transaction.atomic():
        session = Session.objects.create(
            dispute=dispute, day=day, place=place, attendees=attendees, notes=notes
        )
        record_event(actor=actor, action="mediation.session_add", obj=dispute)
    return session


def dispute_close(
    *,
    dispute: Dispute,
    outcome: str,
    agreement: str = "",
    transfer_to: str = "",
    follow_up_on: date | None = None,
    actor,
) -> Dispute:
    _may_work_on(actor, dispute)
    if dispute.closed_at:
        raise ApplicationError(_("The mediation is already closed."))
    if outcome not in Dispute.Outcome.values:
        raise ApplicationError(_("Choose the outcome."), field="outcome")
    if not dispute.sessions.exists():
        raise ApplicationError(_("Record at least one session before closing."))
    if outcome == Dispute.Outcome.SUCCESS:
        if dispute.parties.count() < 2:
            raise ApplicationError(_("An agreement needs at least two parties."), field="agreement")
        agreement = clean_text(agreement, field="agreement", label=_("The agreement"), limit=10000)
        follow_up_on = follow_up_on or _today() + timedelta(days=FOLLOW_UP_DAYS)
        if follow_up_on <= _today():
            raise ApplicationError(_("The follow-up must be after today."), field="follow_up_on")
    if outcome == Dispute.Outcome.TRANSFERRED:
        transfer_to = clean_text(
            transfer_to, field="transfer_to", label=_("Where it goes"), limit=100
        )
    with transaction.atomic():
        locked = Dispute.objects.select_for_update().get(pk=dispute.pk)
        if locked.closed_at:
            raise ApplicationError(_("The mediation is already closed."))
        dispute.outcome, dispute.agreement, dispute.transfer_to = outcome, agreement, transfer_to
        dispute.closed_at = clock.now()
        dispute.follow_up_on = follow_up_on if outcome == Dispute.Outcome.SUCCESS else None
        if outcome == Dispute.Outcome.SUCCESS:
            dispute.agreement_year = timezone.localdate(dispute.closed_at).year
            dispute.agreement_no = _next_agreement_no(dispute.unit, dispute.agreement_year)
        dispute.save()
        if dispute.follow_up_on:
            at = timezone.make_aware(datetime.combine(dispute.follow_up_on, time(9, 0)))
            clock.schedule("mediation.followup", dispute.pk, at)
        record_event(actor=actor, action="mediation.close", obj=dispute, after={"outcome": outcome})
        if dispute.case is not None:
            case_actions.case_note(
                case=dispute.case,
                actor=MEDIATION,
                note=_("Mediation closed: %(outcome)s. %(detail)s")
                % {
                    "outcome": Dispute.Outcome(outcome).label,
                    "detail": agreement[:300] or transfer_to,
                },
            )
    return dispute


def _next_agreement_no(unit: Unit, year: int) -> int:
    """The unit's next agreement number of the year, inside the caller's transaction: the
    counter row stays locked until it commits, so concurrent closings queue for it."""
    bump = AgreementCounter.objects.filter(unit=unit, year=year)
    if not bump.update(last=F("last") + 1):
        try:
            with transaction.atomic():
                AgreementCounter.objects.create(unit=unit, year=year, last=1)
        except IntegrityError:
            bump.update(last=F("last") + 1)
    return bump.values_list("last", flat=True).get()


def dispute_follow_up(*, dispute: Dispute, kept: bool, note: str = "", actor) -> Dispute:
    _may_work_on(actor, dispute)
    if dispute.outcome != Dispute.Outcome.SUCCESS or dispute.followed_up_at:
        raise ApplicationError(_("There is no follow-up to record."))
    note = clean_text(note, field="note", label=_("The note"), required=not kept, limit=1000)
    with transaction.atomic():
        dispute.followed_up_at, dispute.agreement_kept = clock.now(), kept
        dispute.follow_up_note = note
        dispute.save()
        clock.finish("mediation.followup", dispute.pk)
        record_event(actor=actor, action="mediation.follow_up", obj=dispute, after={"kept": kept})
    return dispute
