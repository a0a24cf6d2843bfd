"""Every change of services, guides, commitments, requests and reviews: one transaction, one
audit event, notices after commit; deadlines on the shared working-day clock."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lianxin.core import clock, deadlines
from lianxin.core.actor import Actor, is_system, login_of
from lianxin.core.audit import record_event, snapshot
from lianxin.core.errors import ApplicationError
from lianxin.core.notify import notify_citizen, notify_staff
from lianxin.core.text import clean_text
from lianxin.core.workdays import add_workdays, end_of_day, workdays_between
from lianxin.org.access import person_of
from lianxin.org.models import Role, RoleGrant, Unit
from lianxin.org.validators import normalize_phone

from . import access
from .models import Commitment, GuideVersion, Review, Service, ServiceRequest

GUIDE_TEXT = [
    "conditions",
    "steps",
    "fees",
    "fee_basis",
    "legal_basis",
    "place",
    "hours",
    "consult_phone",
    "complaint_phone",
]
GUIDE_FIELDS = [*GUIDE_TEXT, "materials", "legal_workdays", "promised_workdays", "visits"]
RECTIFY_WORKDAYS = 5


def _text(value, *, field, label, required=True, limit=5000) -> str:
    return clean_text(value, field=field, label=label, required=required, limit=limit)


def _require(ok: bool) -> None:
    if not ok:
        raise PermissionDenied


def _unit_people(unit: Unit, roles) -> list:
    return [
        g.person.user
        for g in RoleGrant.objects.filter(unit=unit, role__in=roles).select_related("person__user")
    ]


def _url(req: ServiceRequest) -> str:
    return reverse("workbench:request_detail", args=[req.code])


# ------------------------------------------------------------------ services and guides


def service_save(
    *,
    root: Unit,
    code: str,
    name: str,
    unit: Unit,
    sort_order: int = 0,
    service: Service | None = None,
    actor,
) -> Service:
    _require(is_system(actor) or access.may_edit(actor, root))
    name = _text(name, field="name", label=_("The name"), limit=100)
    code = _text(code, field="code", label=_("The code"), limit=40)
    if not unit.path.startswith(root.path):
        raise ApplicationError(_("Choose a unit of this organisation."), field="unit")
    try:
        with transaction.atomic():
            service = service or Service(root=root)
            service.code, service.name, service.unit, service.sort_order = (
                code,
                name,
                unit,
                sort_order,
            )
            service.save()
            record_event(
                actor=actor,
                action="catalog.service_save",
                obj=service,
                after=snapshot(service, ["code", "name", "unit"]),
            )
    except IntegrityError:
        raise ApplicationError(
            _("The code %(code)s is taken.") % {"code": code}, field="code"
        ) from None
    return service


def current_guide(service: Service) -> GuideVersion | None:
    return service.versions.filter(state=GuideVersion.State.PUBLISHED).first()


def guide_draft(*, service: Service, actor) -> GuideVersion:
    """The service's draft, made as a copy of the latest version when there is none."""
    _require(is_system(actor) or access.may_edit(actor, service.root))
    with transaction.atomic():
        draft = service.versions.filter(state=GuideVersion.State.DRAFT).first()
        if draft is not None:
            return draft
        latest = service.versions.order_by("-number").first()
        number = (service.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        draft = GuideVersion(service=service, number=number)
        if latest is not None:
            for name in GUIDE_FIELDS:
                setattr(draft, name, getattr(latest, name))
        draft.save()
        record_event(actor=actor, action="catalog.guide_draft", obj=draft)
    return draft


def guide_update(*, guide: GuideVersion, actor, **fields) -> GuideVersion:
    _require(is_system(actor) or access.may_edit(actor, guide.service.root))
    if guide.state != GuideVersion.State.DRAFT:
        raise ApplicationError(_("Only a draft can be changed; start a new version."))
    for name in GUIDE_TEXT:
        if name in fields:
            setattr(
                guide, name, _text(fields[name], field=name, label=_("This part"), required=False)
            )
    if "materials" in fields:
        materials = []
        for row in fields["materials"]:
            name = (row.get("name") or "").strip()
            if name:
                materials.append(
                    {
                        "name": name[:100],
                        "original": bool(row.get("original")),
                        "copies": max(0, min(int(row.get("copies") or 0), 20)),
                        "note": (row.get("note") or "").strip()[:100],
                    }
                )
        guide.materials = materials
    for name in ("legal_workdays", "promised_workdays", "visits"):
        if name in fields:
            value = fields[name]
            if value is not None and not 0 <= int(value) <= 365:
                raise ApplicationError(_("Enter a number from 1 to 365."), field=name)
            setattr(guide, name, value)
    with transaction.atomic():
        guide.save()
        record_event(actor=actor, action="catalog.guide_update", obj=guide)
    return guide


def guide_publish(*, guide: GuideVersion, actor) -> GuideVersion:
    _require(is_system(actor) or access.may_edit(actor, guide.service.root))
    if guide.state != GuideVersion.State.DRAFT:
        raise ApplicationError(_("This version is already published."))
    if not guide.materials:
        raise ApplicationError(
            _("A guide without required materials cannot be published."), field="materials"
        )
    if not guide.promised_workdays or not guide.legal_workdays:
        raise ApplicationError(
            _("Give the legal and the promised time limit before publishing."),
            field="promised_workdays",
        )
    if guide.promised_workdays > guide.legal_workdays:
        raise ApplicationError(
            _("The promised time limit cannot be longer than the legal one."),
            field="promised_workdays",
        )
    with transaction.atomic():
        guide.service.versions.filter(state=GuideVersion.State.PUBLISHED).update(
            state=GuideVersion.State.SUPERSEDED
        )
        guide.state = GuideVersion.State.PUBLISHED
        guide.published_at = clock.now()
        guide.published_by = person_of(actor)
        guide.save()
        record_event(actor=actor, action="catalog.guide_publish", obj=guide)
    return guide


def commitment_save(
    *,
    root: Unit,
    text: str,
    service: Service | None = None,
    target_workdays: int | None = None,
    sort_order: int = 0,
    commitment: Commitment | None = None,
    actor,
) -> Commitment:
    _require(is_system(actor) or access.may_edit(actor, root))
    text = _text(text, field="text", label=_("The commitment"), limit=200)
    if target_workdays is not None and service is None:
        raise ApplicationError(_("A time limit needs the service it is for."), field="service")
    if service is not None:
        guide = current_guide(service)
        if guide is None:
            raise ApplicationError(_("Publish the service's guide first."), field="service")
        legal = guide.legal_workdays
        if target_workdays is not None and legal is not None and target_workdays > legal:
            raise ApplicationError(
                _("%(n)s working days is more than the legal limit of %(legal)s.")
                % {"n": target_workdays, "legal": guide.legal_workdays},
                field="target_workdays",
            )
    with transaction.atomic():
        commitment = commitment or Commitment(root=root)
        commitment.text, commitment.service = text, service
        commitment.target_workdays, commitment.sort_order = target_workdays, sort_order
        commitment.save()
        record_event(
            actor=actor,
            action="catalog.commitment_save",
            obj=commitment,
            after=snapshot(commitment, ["text", "service", "target_workdays"]),
        )
    return commitment


# ------------------------------------------------------------------ requests


def _next_code(day) -> str:
    from lianxin.cases.codes import next_code

    return "F" + next_code(day)  # the day counter is shared; the prefix tells requests apart


def request_register(
    *,
    service: Service,
    applicant_name: str,
    applicant_phone: str,
    subject: str,
    channel: str = "window",
    submit_token: str,
    actor,
):
    """Register a request; returns it and the applicant's secret for rating it."""
    from lianxin.cases.codes import new_secret, secret_digest, submit_key

    _require(is_system(actor) or access.handles(actor, service))
    # The token is the caller's idempotency key, never a way to another request: it is
    # kept as a digest with the caller (decision 010); the secret is random, shown once.
    key = submit_key(
        channel="catalog", client=f"user:{getattr(actor, 'pk', None)}", token=submit_token or ""
    )
    existing = ServiceRequest.objects.filter(submit_token=key).first()
    if existing is not None:
        secret = new_secret()
        existing.secret_digest = secret_digest(existing.code, secret)
        existing.save(update_fields=["secret_digest"])
        return existing, secret
    guide = current_guide(service)
    if guide is None:
        raise ApplicationError(_("This service has no published guide."))
    name = _text(applicant_name, field="applicant_name", label=_("The name"), limit=100)
    phone = normalize_phone(applicant_phone, field="applicant_phone")
    if not phone:
        raise ApplicationError(
            _("Leave a phone number so that we can reach you."), field="applicant_phone"
        )
    subject = _text(subject, field="subject", label=_("The subject"), limit=200)
    at = clock.now()
    with transaction.atomic():
        code = _next_code(timezone.localdate(at))
        secret = new_secret()
        req = ServiceRequest.objects.create(
            service=service,
            guide=guide,
            code=code,
            secret_digest=secret_digest(code, secret),
            submit_token=key,
            channel=channel if channel in ("window", "online") else "window",
            applicant_name=name,
            applicant_phone=phone,
            subject=subject,
            received_at=at,
            received_by=login_of(actor),
            due_at=deadlines.due_after(at, workdays=guide.promised_workdays),
        )
        clock.schedule("catalog.request", req.pk, req.due_at)
        record_event(
            actor=actor,
            action="catalog.request_register",
            obj=req,
            after={"service": service.pk, "due_at": req.due_at.isoformat()},
        )
        notify_citizen(
            phone=phone,
            subject=code,
            text=_(
                "[%(site)s] Your application %(code)s for %(service)s is received; "
                "it will be completed by %(day)s."
            )
            % {
                "site": _("Lianxin"),
                "code": code,
                "service": service.name,
                "day": timezone.localdate(req.due_at).isoformat(),
            },
        )
    return req, secret


def _lock(req: ServiceRequest, version) -> ServiceRequest:
    locked = (
        ServiceRequest.objects.select_for_update(of=("self",))
        .select_related("service__unit", "service__root")
        .get(pk=req.pk)
    )
    if version is not None and int(version) != locked.version:
        raise ApplicationError(
            _("The request was changed by someone else. Reload the page."), code="stale"
        )
    return locked


def _save(req: ServiceRequest, actor, action: str, **data) -> ServiceRequest:
    req.version += 1
    req.save()
    record_event(actor=actor, action=f"catalog.{action}", obj=req, after=data or None)
    return req


def request_pause(
    *, req: ServiceRequest, missing: list[str], note: str = "", actor, version=None
) -> ServiceRequest:
    """Ask for the missing materials (补正), all in one go; the clock stops."""
    items = [m.strip() for m in missing if m and m.strip()]
    if not items:
        raise ApplicationError(_("Name the missing materials."), field="missing")
    note = _text(note, field="note", label=_("The note"), required=False, limit=500)
    with transaction.atomic():
        req = _lock(req, version)
        _require(access.handles(actor, req.service))
        if req.status != ServiceRequest.Status.IN_PROGRESS:
            raise ApplicationError(_("Only a request in progress can wait for materials."))
        req.status, req.paused_at = ServiceRequest.Status.PAUSED, clock.now()
        req.missing = "\n".join(items) + (f"\n{note}" if note else "")
        _save(req, actor, "request_pause", missing=items)
        clock.finish("catalog.request", req.pk)
        notify_citizen(
            phone=req.applicant_phone,
            subject=req.code,
            text=_(
                "[%(site)s] Application %(code)s: please bring or send all of these "
                "at once: %(list)s"
            )
            % {"site": _("Lianxin"), "code": req.code, "list": "；".join(items)},
        )
    return req


def request_resume(*, req: ServiceRequest, actor, version=None) -> ServiceRequest:
    with transaction.atomic():
        req = _lock(req, version)
        _require(access.handles(actor, req.service))
        if req.status != ServiceRequest.Status.PAUSED or req.paused_at is None:
            raise ApplicationError(_("The request is not waiting for materials."))
        days = deadlines.paused_workdays(req.paused_at, clock.now())
        req.paused_workdays += days
        req.due_at = deadlines.extend(req.due_at, days) if days else req.due_at
        req.status, req.paused_at = ServiceRequest.Status.IN_PROGRESS, None
        _save(req, actor, "request_resume", paused_workdays=days)
        clock.schedule("catalog.request", req.pk, req.due_at)
    return req


def request_extend(
    *, req: ServiceRequest, workdays: int, reason: str, actor, version=None
) -> ServiceRequest:
    reason = _text(reason, field="reason", label=_("The reason"), limit=200)
    if not 1 <= int(workdays) <= 30:
        raise ApplicationError(_("Ask for 1 to 30 working days."), field="workdays")
    with transaction.atomic():
        req = _lock(req, version)
        _require(access.handles(actor, req.service))
        if req.status != ServiceRequest.Status.IN_PROGRESS or req.extension_pending:
            raise ApplicationError(_("An extension cannot be asked for now."))
        if clock.now() > req.due_at:
            raise ApplicationError(
                _("The deadline has passed: an extension must be asked before it."), code="too_late"
            )
        req.extension_pending, req.extension_workdays = True, int(workdays)
        req.extension_reason = reason
        _save(req, actor, "request_extend", workdays=int(workdays))
        notify_staff(
            _unit_people(req.service.unit, [Role.LEADER]),
            title=_("Extension requested") + f" {req.code}",
            url=_url(req),
        )
    return req


def request_extension_decide(
    *, req: ServiceRequest, approve: bool, actor, version=None
) -> ServiceRequest:
    with transaction.atomic():
        req = _lock(req, version)
        _require(access.leads(actor, req.service))
        if not req.extension_pending:
            raise ApplicationError(_("No extension request is waiting for a decision."))
        req.extension_pending = False
        if approve:
            req.due_at = deadlines.extend(req.due_at, req.extension_workdays)
            clock.schedule("catalog.request", req.pk, req.due_at)
        else:
            req.extension_workdays = 0
        _save(req, actor, "request_extension_decide", approved=approve)
    return req


def request_complete(
    *, req: ServiceRequest, decision: str, note: str = "", actor, version=None
) -> ServiceRequest:
    if decision not in ServiceRequest.Decision.values:
        raise ApplicationError(_("Choose approved or refused."), field="decision")
    note = _text(
        note,
        field="note",
        label=_("The reason"),
        required=decision == ServiceRequest.Decision.REFUSED,
        limit=2000,
    )
    with transaction.atomic():
        req = _lock(req, version)
        _require(access.handles(actor, req.service))
        if req.status != ServiceRequest.Status.IN_PROGRESS:
            raise ApplicationError(_("Only a request in progress can be completed."))
        at = clock.now()
        req.status, req.completed_at = ServiceRequest.Status.COMPLETED, at
        req.decision, req.decision_note = decision, note
        req.on_time = at <= req.due_at
        req.workdays_used = max(
            0,
            workdays_between(timezone.localdate(req.received_at), timezone.localdate(at))
            - req.paused_workdays,
        )
        _save(req, actor, "request_complete", decision=decision, on_time=req.on_time)
        clock.finish("catalog.request", req.pk)
        notify_citizen(
            phone=req.applicant_phone,
            subject=req.code,
            text=_(
                "[%(site)s] Application %(code)s is completed (%(decision)s). "
                "Please rate our service "
                "with your request number and secret."
            )
            % {
                "site": _("Lianxin"),
                "code": req.code,
                "decision": ServiceRequest.Decision(decision).label,
            },
        )
    return req


# ------------------------------------------------------------------ reviews (好差评)


def review_submit(*, code: str, secret: str, level: int, reasons: str = "") -> Review:
    """The applicant rates a completed request, once, with its number and secret."""
    from lianxin.cases.codes import secret_matches

    req = ServiceRequest.objects.filter(code=(code or "").strip()).select_related("service").first()
    if req is None or not secret_matches(req.code, secret or "", req.secret_digest):
        raise ApplicationError(_("No request matches this number and secret."), code="unknown")
    if level not in Review.Level.values:
        raise ApplicationError(_("Choose one of the five ratings."), field="level")
    reasons = _text(
        reasons, field="reasons", label=_("The reasons"), required=level <= 2, limit=1000
    )
    if req.status != ServiceRequest.Status.COMPLETED:
        raise ApplicationError(_("A request is rated once it is completed."))
    try:
        with transaction.atomic():
            review = Review.objects.create(request=req, level=level, reasons=reasons)
            if review.bad:
                review.rectify_due = end_of_day(
                    add_workdays(timezone.localdate(clock.now()), RECTIFY_WORKDAYS)
                )
                review.save()
                clock.schedule("catalog.rectify", review.pk, review.rectify_due)
                notify_staff(
                    _unit_people(req.service.unit, [Role.LEADER, Role.HANDLER]),
                    title=_("Bad review to rectify") + f" {req.code}",
                    body=reasons,
                    url=_url(req),
                )
            record_event(  # the citizen, proven by the request's code and secret
                actor=Actor.citizen("review"),
                action="catalog.review_submit",
                obj=req,
                after={"level": level},
            )
    except IntegrityError:
        raise ApplicationError(_("This request has already been rated."), code="rated") from None
    return review


def review_rectify(*, review: Review, answer: str, actor) -> Review:
    """The unit rectifies and answers the applicant (within 5 working days)."""
    answer = _text(answer, field="answer", label=_("The answer"), limit=2000)
    req = review.request
    _require(access.handles(actor, req.service))
    if not review.bad:
        raise ApplicationError(_("Only a bad review needs a rectification."))
    if review.rectified_at:
        raise ApplicationError(_("The rectification has already been recorded."))
    with transaction.atomic():
        review.rectification, review.rectified_at = answer, clock.now()
        review.save()
        clock.finish("catalog.rectify", review.pk)
        record_event(actor=actor, action="catalog.review_rectify", obj=req)
        notify_citizen(
            phone=req.applicant_phone,
            subject=req.code,
            text=_("[%(site)s] About your review of application %(code)s: %(answer)s")
            % {"site": _("Lianxin"), "code": req.code, "answer": answer[:300]},
        )
    return review


def review_appeal(*, review: Review, reason: str, actor) -> Review:
    reason = _text(reason, field="reason", label=_("The reason"), limit=1000)
    _require(access.leads(actor, review.request.service))
    if not review.bad or review.appeal_state:
        raise ApplicationError(_("Only an unsatisfied rating can be appealed, once."))
    with transaction.atomic():
        review.appeal_reason, review.appeal_state = reason, "pending"
        review.save()
        record_event(actor=actor, action="catalog.review_appeal", obj=review.request)
        notify_staff(
            _unit_people(review.request.service.root, [Role.SUPERVISOR]),
            title=_("Rating appeal to decide") + f" {review.request.code}",
            url=_url(review.request),
        )
    return review


def review_decide_appeal(*, review: Review, uphold: bool, actor) -> Review:
    _require(access.supervises(actor, review.request.service))
    if review.appeal_state != "pending":
        raise ApplicationError(_("No appeal is waiting for a decision."))
    with transaction.atomic():
        review.appeal_state = "upheld" if uphold else "rejected"
        review.excluded = uphold
        review.save()
        record_event(
            actor=actor,
            action="catalog.review_decide_appeal",
            obj=review.request,
            after={"upheld": uphold},
        )
    return review
