from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _


class BaseModel(models.Model):
    """Every domain row knows when it was created and last changed."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class User(AbstractUser):
    """A login. `session_epoch` lets a user end every session at once (logout everywhere)."""

    session_epoch = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def _session_hash(self, secret=None) -> str:
        return salted_hmac(
            "lianxin.core.User.session",
            f"{self.password}:{self.session_epoch}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    def get_session_auth_hash(self) -> str:
        return self._session_hash()

    def get_session_auth_fallback_hash(self):
        for fallback in settings.SECRET_KEY_FALLBACKS:
            yield self._session_hash(secret=fallback)


class AuditEvent(models.Model):
    """One row per action: who did what to which object, with a before/after summary."""

    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=64, db_index=True)
    object_type = models.CharField(_("object type"), max_length=64)
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=200)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"


class WorkdayOverride(models.Model):
    """An administrator's word on one date: a holiday or a working day (调休上班)."""

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("holiday")
        WORKDAY = "workday", _("working day")

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    note = models.CharField(_("note"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("workday override")
        verbose_name_plural = _("workday overrides")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()}"


class CalendarYear(models.Model):
    """A year whose official holiday notice an administrator has entered.

    For such a year the calendar is weekends plus the override table, whatever the
    chinese-calendar package knows or does not know.
    """

    year = models.PositiveIntegerField(_("year"), unique=True)
    source = models.CharField(_("source"), max_length=200, blank=True)
    entered_at = models.DateTimeField(_("entered at"), auto_now=True)

    class Meta:
        verbose_name = _("calendar year")
        verbose_name_plural = _("calendar years")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(self.year)


class DueItem(models.Model):
    """Something that must be done by a time: the one clock of every app.

    `kind` names the handler registered in `lianxin.core.clock` (for example
    "case.reply"); `object_id` the row it is about. The clock sweep reminds once when
    `due_at` passes and escalates once when `escalate_at` passes; `done_at` ends it.
    """

    kind = models.CharField(_("kind"), max_length=40)
    object_id = models.CharField(_("object id"), max_length=64)
    due_at = models.DateTimeField(_("due at"))
    escalate_at = models.DateTimeField(_("escalate at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("escalated at"), null=True, blank=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)

    class Meta:
        verbose_name = _("due item")
        verbose_name_plural = _("due items")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="due_item_unique")
        ]
        indexes = [
            models.Index(fields=["due_at"], name="due_open_idx", condition=models.Q(done_at=None)),
            models.Index(
                fields=["escalate_at"], name="due_escalate_idx", condition=models.Q(done_at=None)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id} {self.due_at:%Y-%m-%d %H:%M}"


def clock_now():
    """The project's clock as a field default (core.clock imports this module)."""
    from . import clock

    return clock.now()


class Notice(models.Model):
    """One message in a staff member's in-app inbox."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices"
    )
    # The project's clock (not auto_now_add, which reads the wall clock): a notice sent
    # under a moved clock (demo data, tests) carries that moment.
    at = models.DateTimeField(_("time"), default=clock_now)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at", "at"])]

    def __str__(self) -> str:
        return self.title


class RateCounter(models.Model):
    """Hits of one key (an action and a hashed client address) in the current window."""

    key = models.CharField(max_length=100, unique=True)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.key} {self.count}"


class SpentChallenge(models.Model):
    """A proof-of-work challenge that has been used: its digest is unique, so a challenge is
    claimed by one INSERT and a second claim finds the row (lianxin/core/pow.py). Only the
    day is kept, to purge old rows; nothing about who used it."""

    digest = models.CharField(max_length=64, unique=True)
    day = models.DateField(db_index=True)

    def __str__(self) -> str:
        return self.digest[:12]


class RecoveryCode(models.Model):
    """One of a staff member's single-use recovery codes for the second factor: only a keyed
    hash is kept (lianxin/core/secondfactor.py); the codes are shown once when made."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recovery_codes"
    )
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("recovery code")
        verbose_name_plural = _("recovery codes")

    def __str__(self) -> str:
        return f"{self.user} {self.digest[:8]}"


class ApiToken(BaseModel):
    """A bearer token for the JSON API, for a staff member or a trusted system's login.

    Only a SHA-256 digest of the token is kept; the token is shown once when made.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=8)
    digest = models.CharField(max_length=64, unique=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class ExportJob(BaseModel):
    """A large export run in the background: who asked for what (the registered `kind` and
    the page's filters), how far it got, and the file it wrote under DATA_DIR/exports/
    (only the person who asked may download it; the clock removes it when it expires)."""

    class State(models.TextChoices):
        QUEUED = "queued", _("waiting")
        RUNNING = "running", _("exporting")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")
        EXPIRED = "expired", _("expired")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=40)
    title = models.CharField(_("title"), max_length=200)
    filters = models.JSONField(default=dict, blank=True)
    fmt = models.CharField(_("format"), max_length=8, default="xlsx")
    state = models.CharField(max_length=12, choices=State.choices, default=State.QUEUED)
    total = models.PositiveIntegerField(default=0)
    rows = models.PositiveIntegerField(default=0)
    file_name = models.CharField(max_length=200, blank=True)
    stored = models.CharField(max_length=300, blank=True)
    error = models.CharField(max_length=300, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["expires_at"], name="export_expires_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def percent(self) -> int:
        if self.state == self.State.DONE:
            return 100
        return min(100, int(100 * self.rows / self.total)) if self.total else 0
