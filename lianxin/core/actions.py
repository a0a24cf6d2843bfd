"""Actions of the core app: the working-day calendar and the user's sessions."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from . import clock
from .audit import record_event
from .errors import ApplicationError
from .models import CalendarYear, User, WorkdayOverride
from .notice import parse_dates
from .workdays import calendar_changed


def calendar_year_enter(
    *, year: int, holidays: str, workdays: str, source: str = "", actor
) -> CalendarYear:
    """Enter a year's official notice: its holidays and make-up working days.

    Replaces every override of that year; from then on the year counts as weekends plus
    these overrides, whether or not the chinese-calendar package knows it.
    """
    if not 2000 <= year <= 2100:
        raise ApplicationError(_("Enter a year between 2000 and 2100."), field="year")
    holiday_days = parse_dates(holidays, field="holidays")
    workday_days = parse_dates(workdays, field="workdays")
    if not holiday_days:
        raise ApplicationError(_("A notice lists at least one holiday."), field="holidays")
    for field, days in (("holidays", holiday_days), ("workdays", workday_days)):
        for d, _note in days:
            if d.year != year:
                raise ApplicationError(
                    _("%(date)s is not in %(year)s.") % {"date": d, "year": year}, field=field
                )
    clash = {d for d, _n in holiday_days} & {d for d, _n in workday_days}
    if clash:
        raise ApplicationError(
            _("%(date)s is listed both as a holiday and as a working day.") % {"date": min(clash)},
            field="workdays",
        )
    with transaction.atomic():
        calendar_changed()
        deleted, _rows = WorkdayOverride.objects.filter(
            date__gte=date(year, 1, 1), date__lte=date(year, 12, 31)
        ).delete()
        WorkdayOverride.objects.bulk_create(
            [
                WorkdayOverride(date=d, kind=WorkdayOverride.Kind.HOLIDAY, note=n)
                for d, n in holiday_days
            ]
            + [
                WorkdayOverride(date=d, kind=WorkdayOverride.Kind.WORKDAY, note=n)
                for d, n in workday_days
            ]
        )
        entry, _created = CalendarYear.objects.update_or_create(
            year=year, defaults={"source": source[:200]}
        )
        record_event(
            actor=actor,
            action="calendar_year_enter",
            obj=entry,
            before={"overrides": deleted},
            after={
                "holidays": len(holiday_days),
                "workdays": len(workday_days),
                "source": source[:200],
            },
        )
    return entry


def workday_override_set(*, day: date, kind: str, note: str = "", actor) -> WorkdayOverride:
    if kind not in WorkdayOverride.Kind.values:
        raise ApplicationError(_("Choose holiday or working day."), field="kind")
    with transaction.atomic():
        calendar_changed()
        existing = WorkdayOverride.objects.select_for_update().filter(date=day).first()
        before = {"kind": existing.kind, "note": existing.note} if existing else None
        override, _created = WorkdayOverride.objects.update_or_create(
            date=day, defaults={"kind": kind, "note": note[:100]}
        )
        record_event(
            actor=actor,
            action="workday_override_set",
            obj=override,
            before=before,
            after={"kind": kind, "note": note[:100]},
        )
    return override


def workday_override_clear(*, override: WorkdayOverride, actor) -> None:
    with transaction.atomic():
        calendar_changed()
        record_event(
            actor=actor,
            action="workday_override_clear",
            obj=override,
            before={"date": str(override.date), "kind": override.kind},
            after=None,
        )
        override.delete()


def user_logout_everywhere(*, user: User) -> User:
    """End every session of this user on every device."""
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(session_epoch=F("session_epoch") + 1)
        user.refresh_from_db(fields=["session_epoch"])
        record_event(
            actor=user,
            action="user_logout_everywhere",
            obj=user,
            after={"session_epoch": user.session_epoch},
        )
    return user


def inbox_mark_read(*, user, ids: list[int]) -> int:
    """Mark the user's own notices as read (his bookkeeping: no audit event)."""
    from .models import Notice

    if not ids:
        return 0
    return Notice.objects.filter(recipient=user, pk__in=ids, read_at=None).update(
        read_at=clock.now()
    )


def api_token_create(*, user, name: str, actor) -> tuple[object, str]:
    """Make a bearer token for `user`; returns the row and the token (shown only now)."""
    import hashlib
    import secrets

    from .models import ApiToken

    name = (name or "").strip()[:100]
    if not name:
        raise ApplicationError(_("Name the token after who uses it."), field="name")
    raw = "lx_" + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user,
            name=name,
            prefix=raw[:8],
            digest=hashlib.sha256(raw.encode()).hexdigest(),
        )
        record_event(actor=actor, action="api_token.create", obj=token, after={"user": user.pk})
    return token, raw


def api_token_revoke(*, token, actor) -> None:
    from .models import ApiToken

    with transaction.atomic():
        ApiToken.objects.filter(pk=token.pk, revoked_at=None).update(revoked_at=clock.now())
        record_event(actor=actor, action="api_token.revoke", obj=token)


def second_factor_enrol(*, user, device, token: str) -> list[str]:
    """Confirm the authenticator app being enrolled with one of its codes; returns ten new
    recovery codes (shown once: only their keyed hashes are kept). Earlier devices and
    recovery codes of the user are removed."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from . import secondfactor
    from .models import RecoveryCode

    if device.user_id != user.pk or device.confirmed:
        raise ApplicationError(_("Start the enrolment again."), field="token")
    token = (token or "").strip().replace(" ", "")
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        if not (token.isdigit() and len(token) == 6 and device.verify_token(token)):
            raise ApplicationError(
                _("The code is wrong or has expired: enter the six digits the app shows now."),
                field="token",
            )
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        RecoveryCode.objects.filter(user=user).delete()
        codes = secondfactor.new_recovery_codes()
        RecoveryCode.objects.bulk_create(
            [RecoveryCode(user=user, digest=secondfactor.code_digest(c)) for c in codes]
        )
        record_event(
            actor=user,
            action="second_factor.enrol",
            obj=user,
            after={"device": device.pk, "recovery_codes": len(codes)},
        )
    return codes


def second_factor_verify(*, user, token: str):
    """The confirmed device when `token` is a current code of the user's authenticator app
    or one of his unused recovery codes (which is then spent); None otherwise.

    Each try counts against a limit per user (10 in 15 minutes) besides django-otp's own
    growing delay after failures, so codes cannot be guessed.
    """
    from datetime import timedelta

    from django_otp.plugins.otp_totp.models import TOTPDevice

    from . import clock, ratelimit, secondfactor
    from .models import RecoveryCode

    device = secondfactor.confirmed_device(user)
    if device is None:
        return None
    if not ratelimit.hit("second-factor", str(user.pk), limit=10, window=timedelta(minutes=15)):
        raise ApplicationError(
            _("Too many tries. Wait a quarter of an hour, or ask an administrator."),
            field="token",
        )
    token = (token or "").strip().replace(" ", "")
    if token.isdigit() and len(token) == 6:
        with transaction.atomic():
            device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
            return device if device.verify_token(token) else None
    digest = secondfactor.code_digest(token)
    with transaction.atomic():
        spent = RecoveryCode.objects.filter(user=user, digest=digest, used_at=None).update(
            used_at=clock.now()
        )
        if not spent:
            return None
        left = RecoveryCode.objects.filter(user=user, used_at=None).count()
        record_event(
            actor=user,
            action="second_factor.recovery_code_use",
            obj=user,
            after={"recovery_codes_left": left},
        )
    return device


def export_request(*, user, kind: str, filters: dict, fmt: str = "xlsx"):
    """Ask for a large export: a job row now, the task that writes the file after commit.
    `filters` are the page's query parameters (lists of strings); the task applies the
    same access rule and filters as the page."""
    from .exportjobs import kind_of
    from .models import ExportJob
    from .tasks import run_export

    spec = kind_of(kind)
    if spec is None or not spec.allowed(user, filters):
        raise ApplicationError(_("You may not export this."), code="forbidden")
    if fmt not in ("xlsx", "csv"):
        raise ApplicationError(_("Choose Excel or CSV."), field="fmt")
    title = spec.title_for(user, filters)[:200]
    with transaction.atomic():
        job = ExportJob.objects.create(
            requested_by=user, kind=kind, title=title, filters=filters, fmt=fmt
        )
        record_event(actor=user, action="export_request", obj=job, after={"kind": kind})
        transaction.on_commit(lambda: run_export.enqueue(job.pk))
    return job
