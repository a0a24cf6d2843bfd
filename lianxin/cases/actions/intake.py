"""Receiving a case, answering it on the spot, dispatching, returning, merging."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lianxin.core import clock
from lianxin.core.actor import as_actor, login_of
from lianxin.core.errors import ApplicationError
from lianxin.org.access import organisation_ids, person_of
from lianxin.org.models import Person, Role, RoleGrant, Unit
from lianxin.org.validators import normalize_phone

from .. import categories, codes, deadlines, dispatching, notices, warnings
from ..models import Case, Category, Channel, Kind, Status
from ..signals import case_dispatched
from .base import MAX_REASON, _add_event, _filled_in, _open, _save, _schedule_reply, _text

# ---------------------------------------------------------------- intake


def case_receive(
    *,
    root: Unit,
    kind: str,
    channel: str,
    category: Category | int | None,
    content: str,
    title: str = "",
    place: str = "",
    citizen_name: str = "",
    citizen_phone: str = "",
    citizen_email: str = "",
    citizen_contact: str = "",
    is_public: bool = False,
    notify_citizen: bool = True,
    urgent: bool = False,
    submit_token: str | None = None,
    client: str = "",
    actor,
    files=(),
) -> tuple[Case, str]:
    """Register a new case; returns it with its lookup secret (random, shown once).

    `actor` is the citizen (`Actor.citizen(channel)`: the portal, a channel), the system (a
    command) or a staff member of the organisation; `None` raises TypeError.

    `submit_token` is an idempotency key of the submitting client: the same token from the
    same `client` through the same `channel` (a double-clicked submit, a channel's retry)
    gives the case made first, with a new secret replacing the old one (the old answer may
    never have reached the client). The same token from anyone else is another key.
    `client` names who submits: the portal session, `user:<pk>` (the default for a staff
    actor), or a channel's own namespace; it is set by our code, never by the caller.
    `files` are `core.files.Accepted` (checked and stored by the channel before this call).
    """
    _require_receiver(actor, root)
    key = None
    if submit_token:
        if len(submit_token) > codes.MAX_TOKEN:
            raise ApplicationError(_("The form has expired. Send it again."), field="submit_token")
        if not client and getattr(actor, "pk", None):
            client = f"user:{actor.pk}"
        key = codes.submit_key(channel=channel, client=client, token=submit_token)
    # A key sent again finds its case through the unique index when the insert collides
    # (or when the repeated input no longer passes the checks): no lookup before a new case.
    try:
        checked = _checked(
            root=root,
            kind=kind,
            channel=channel,
            category=category,
            content=content,
            title=title,
            place=place,
            citizen_name=citizen_name,
            citizen_phone=citizen_phone,
            actor=actor,
        )
    except ApplicationError:
        existing = Case.objects.filter(submit_key=key).first() if key else None
        if existing is None:
            raise
        return existing, _reissue_secret(existing)
    person, category, content, place, citizen_name, phone, title = checked
    at = clock.now()
    secret = codes.new_secret()
    try:
        with transaction.atomic():
            code = codes.next_code(timezone.localdate(at))
            case = Case.objects.create(
                root=root,
                code=code,
                secret_digest=codes.secret_digest(code, secret),
                submit_key=key,
                kind=kind,
                channel=channel,
                category=category,
                urgent=urgent,
                title=title,
                content=content,
                place=place,
                citizen_name=citizen_name,
                citizen_phone=phone,
                citizen_email=(citizen_email or "").strip()[:254],
                citizen_contact=citizen_contact[:100],
                is_public=is_public and kind != Kind.PROBLEM,
                notify_citizen=notify_citizen,
                received_at=at,
                received_by=login_of(actor),
                issuer=person if kind == Kind.PROBLEM else None,
            )
            _add_event(
                case,
                "receive",
                actor,
                public=True,
                data={"channel": channel, "kind": kind},
                files=files,
                first=True,
            )
            dispatching.schedule_new(case, at)
    except IntegrityError:
        existing = Case.objects.filter(submit_key=key).first() if key else None
        if existing is None:
            raise
        return existing, _reissue_secret(existing)
    return case, secret


def _require_receiver(actor, root: Unit) -> None:
    """Staff register cases for their own organisation only; the citizen and the system
    through the channel that calls."""
    actor = as_actor(actor)
    if actor.is_user and not actor.is_superuser and root.pk not in organisation_ids(actor):
        raise PermissionDenied


def _checked(
    *, root, kind, channel, category, content, title, place, citizen_name, citizen_phone, actor
) -> tuple[Person | None, Category, str, str, str, str, str]:
    """The input of a new case, checked and cleaned (ApplicationError on bad input)."""
    if kind not in Kind.values:
        raise ApplicationError(_("Choose what kind of item this is."), field="kind")
    if channel not in Channel.values:
        raise ApplicationError(_("Unknown channel."), field="channel")
    person = person_of(actor)
    if kind == Kind.PROBLEM and person is None:
        raise ApplicationError(_("Internal problems are entered by staff."), field="kind")
    found = categories.active_category(root.pk, getattr(category, "pk", category))
    if found is None:
        raise ApplicationError(_("Choose a category from the list."), field="category")
    content = _text(content, field="content", label=_("The content"))
    place = _text(place, field="place", label=_("The place"), required=False, limit=200)
    citizen_name = _text(
        citizen_name, field="citizen_name", label=_("The name"), required=False, limit=50
    )
    phone = normalize_phone(citizen_phone, field="citizen_phone")
    if channel in (Channel.WEB, Channel.FORUM) and kind != Kind.PROBLEM and not phone:
        raise ApplicationError(
            _("Leave a phone number so that we can reach you."), field="citizen_phone"
        )
    title = (title or "").strip()[:100] or content.replace("\n", " ")[:30]
    return person, found, content, place, citizen_name, phone, title


def _reissue_secret(case: Case) -> str:
    """A new secret for a case its own submitter sent again: only a digest is kept, so the
    secret of the first answer cannot be shown twice; this one replaces it."""
    secret = codes.new_secret()
    Case.objects.filter(pk=case.pk).update(secret_digest=codes.secret_digest(case.code, secret))
    case.secret_digest = codes.secret_digest(case.code, secret)
    return secret


def case_answer(*, case: Case, reply: str, reusable: bool = False, actor, version=None) -> Case:
    """Answer a consultation on the spot (直接答复) and close it."""
    reply = _filled_in(_text(reply, field="reply", label=_("The answer")), field="reply")
    with transaction.atomic():
        case, step = _open(case, "answer", actor, version)
        at = clock.now()
        case.reply, case.reply_reusable, case.direct_answer = reply, reusable, True
        case.replied_at = case.closed_at = at
        _save(case, step, actor, note=reply, public=True)
        dispatching.finish(case)
        notices.tell_citizen(case, _("answered: %(reply)s") % {"reply": reply[:200]})
    return case


# ---------------------------------------------------------------- dispatch


def _check_unit(case: Case, unit: Unit | None, field: str) -> Unit:
    if unit is None or not unit.path.startswith(case.root.path):
        raise ApplicationError(_("Choose a unit of this organisation."), field=field)
    if not unit.is_active:
        raise ApplicationError(
            _("%(unit)s is no longer active.") % {"unit": unit.name}, field=field
        )
    return unit


def _check_handler(unit: Unit, handler: Person | None) -> Person | None:
    if handler is None:
        return None
    ok = handler.is_active and (
        RoleGrant.objects.filter(person=handler, unit=unit, role=Role.HANDLER).exists()
        or handler.unit_id == unit.pk
    )
    if not ok:
        raise ApplicationError(
            _("%(name)s does not handle cases for %(unit)s.")
            % {"name": handler.name, "unit": unit.name},
            field="handler",
        )
    return handler


def case_dispatch(
    *,
    case: Case,
    unit: Unit,
    co_units=(),
    handler: Person | None = None,
    note: str = "",
    actor,
    version=None,
) -> Case:
    note = _text(note, field="note", label=_("The note"), required=False, limit=MAX_REASON)
    with transaction.atomic():
        case, step = _open(case, "dispatch", actor, version)
        unit = _check_unit(case, unit, "unit")
        handler = _check_handler(unit, handler)
        co = [_check_unit(case, u, "co_units") for u in co_units if u.pk != unit.pk]
        at = clock.now()
        case.lead_unit, case.handler, case.dispatched_at = unit, handler, at
        case.accept_due = deadlines.accept_due(case, at)
        if case.reply_due is None:
            case.reply_due = deadlines.reply_due(case)
        _save(
            case,
            step,
            actor,
            note=note,
            public=True,
            data={
                "unit": unit.pk,
                "co_units": [u.pk for u in co],
                "handler": getattr(handler, "pk", None),
            },
        )
        case.co_units.set(co)
        dispatching.finish(case)
        clock.schedule(
            "case.accept", case.pk, case.accept_due, deadlines.escalate_at(case.accept_due)
        )
        warnings.schedule_accept(case)
        _schedule_reply(case)
        notices.tell_staff(notices.handlers_and_leaders(case), case, _("New case"))
        notices.tell_citizen(case, _("passed to %(unit)s.") % {"unit": unit.name})
        transaction.on_commit(
            lambda: case_dispatched.send(sender=Case, case=case, unit=unit, actor=actor)
        )
    return case


def case_return(*, case: Case, reason: str, actor, version=None) -> Case:
    """The lead unit sends a case back to the dispatcher (退单)."""
    reason = _text(reason, field="reason", label=_("The reason"), limit=MAX_REASON)
    with transaction.atomic():
        case, step = _open(case, "return", actor, version)
        unit_id = case.lead_unit_id
        case.lead_unit = case.handler = None
        case.accept_due = None
        case.return_count += 1
        _save(case, step, actor, note=reason, data={"unit": unit_id})
        case.co_units.clear()
        clock.finish("case.accept", case.pk)
        clock.finish("case.reply", case.pk)
        warnings.finish(case, warnings.ACCEPT, warnings.REPLY)
        dispatching.schedule(case)
        notices.tell_staff(notices.org_role(case, Role.DISPATCHER), case, _("Case returned"))
    return case


def case_merge(*, case: Case, original: Case, actor, version=None) -> Case:
    """Join a duplicate to its original (并单)."""
    with transaction.atomic():
        case, step = _open(case, "merge", actor, version)
        if (
            original is None
            or original.pk == case.pk
            or original.root_id != case.root_id
            or original.status in (Status.MERGED, Status.WITHDRAWN)
        ):
            raise ApplicationError(
                _("Choose another open or closed case of this organisation as the original."),
                field="original",
            )
        case.merged_into = original
        _save(case, step, actor, public=True, data={"original": original.code})
        dispatching.finish(case)
        clock.finish("case.accept", case.pk)
        clock.finish("case.reply", case.pk)
        notices.tell_citizen(
            case, _("handled together with case %(code)s.") % {"code": original.code}
        )
    return case


def case_withdraw(*, case: Case, actor, version=None) -> Case:
    with transaction.atomic():
        case, step = _open(case, "withdraw", actor, version)
        case.closed_at = clock.now()
        _save(case, step, actor, public=True)
        dispatching.finish(case)
    return case
