"""Services with versioned guides (办事指南), public commitments (服务承诺), and service requests
(办件) completed within promised working days and rated (好差评)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lianxin.core.models import BaseModel
from lianxin.org.models import Person, Unit


class Service(BaseModel):
    root = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(
        Unit, verbose_name=_("handling unit"), on_delete=models.PROTECT, related_name="services"
    )
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=100)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["sort_order", "name"]
        constraints = [models.UniqueConstraint(fields=["root", "code"], name="service_code")]

    def __str__(self) -> str:
        return self.name


class GuideVersion(BaseModel):
    """One version of a service guide; the public sees the published one."""

    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        SUPERSEDED = "superseded", _("superseded")

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    state = models.CharField(max_length=12, choices=State.choices, default=State.DRAFT)
    conditions = models.TextField(_("conditions"), blank=True)
    materials = models.JSONField(_("required materials"), default=list, blank=True)
    steps = models.TextField(_("steps"), blank=True)
    fees = models.TextField(_("fees"), blank=True)
    fee_basis = models.TextField(_("basis of the fees"), blank=True)
    legal_basis = models.TextField(_("legal basis"), blank=True)
    legal_workdays = models.PositiveIntegerField(_("legal time limit (working days)"), null=True)
    promised_workdays = models.PositiveIntegerField(
        _("promised time limit (working days)"), null=True
    )
    visits = models.PositiveSmallIntegerField(_("visits in person"), default=1)
    place = models.CharField(_("where to apply"), max_length=200, blank=True)
    hours = models.CharField(_("when to apply"), max_length=200, blank=True)
    consult_phone = models.CharField(_("consultation phone"), max_length=30, blank=True)
    complaint_phone = models.CharField(_("complaint phone"), max_length=30, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("service guide")
        verbose_name_plural = _("service guides")
        ordering = ["service", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["service", "number"], name="guide_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.service} v{self.number}"


class Commitment(BaseModel):
    """A public service commitment (服务承诺), measured where it names a service."""

    root = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    service = models.ForeignKey(
        Service, verbose_name=_("service"), null=True, blank=True, on_delete=models.CASCADE
    )
    text = models.CharField(_("commitment"), max_length=200)
    target_workdays = models.PositiveIntegerField(
        _("completed within (working days)"), null=True, blank=True
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("in force"), default=True)

    class Meta:
        verbose_name = _("service commitment")
        verbose_name_plural = _("service commitments")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.text


class ServiceRequest(BaseModel):
    """A service request (办件) received at the window or online."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("in progress")
        PAUSED = "paused", _("waiting for materials")
        COMPLETED = "completed", _("completed")

    class Decision(models.TextChoices):
        APPROVED = "approved", _("approved")
        REFUSED = "refused", _("refused")

    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="requests")
    guide = models.ForeignKey(GuideVersion, on_delete=models.PROTECT, related_name="+")
    code = models.CharField(_("request number"), max_length=20, unique=True)
    secret_digest = models.CharField(max_length=64)
    submit_token = models.CharField(max_length=64, unique=True)
    channel = models.CharField(
        _("channel"), max_length=10, choices=[("window", _("window")), ("online", _("online"))]
    )
    applicant_name = models.CharField(_("applicant"), max_length=100)
    applicant_phone = models.CharField(_("phone"), max_length=20)
    subject = models.CharField(_("subject"), max_length=200)
    received_at = models.DateTimeField(_("received at"))
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_at = models.DateTimeField(_("due"))
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.IN_PROGRESS)
    paused_at = models.DateTimeField(null=True, blank=True)
    paused_workdays = models.PositiveIntegerField(default=0)
    missing = models.TextField(_("missing materials"), blank=True)
    extension_workdays = models.PositiveIntegerField(default=0)
    extension_reason = models.CharField(max_length=200, blank=True)
    extension_pending = models.BooleanField(default=False)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, blank=True)
    decision_note = models.TextField(_("reason or note"), blank=True)
    on_time = models.BooleanField(null=True)
    workdays_used = models.PositiveIntegerField(null=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("service request")
        verbose_name_plural = _("service requests")
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.code} {self.service}"


class Review(BaseModel):
    """The applicant's rating (好差评); a bad one opens a rectification due in 5 working days."""

    class Level(models.IntegerChoices):
        VERY_SATISFIED = 5, _("very satisfied")
        SATISFIED = 4, _("satisfied")
        FAIRLY = 3, _("fairly satisfied")
        UNSATISFIED = 2, _("unsatisfied")
        VERY_UNSATISFIED = 1, _("very unsatisfied")

    request = models.OneToOneField(ServiceRequest, on_delete=models.CASCADE, related_name="review")
    level = models.PositiveSmallIntegerField(_("rating"), choices=Level.choices)
    reasons = models.TextField(_("reasons"), blank=True)
    rectify_due = models.DateTimeField(_("rectify by"), null=True, blank=True)
    rectification = models.TextField(_("rectification and answer"), blank=True)
    rectified_at = models.DateTimeField(_("rectified at"), null=True, blank=True)
    appeal_reason = models.TextField(_("appeal"), blank=True)
    appeal_state = models.CharField(
        max_length=10,
        blank=True,
        choices=[("pending", _("pending")), ("upheld", _("upheld")), ("rejected", _("rejected"))],
    )
    excluded = models.BooleanField(_("excluded after appeal"), default=False)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self) -> str:
        return f"{self.request} {self.level}"

    @property
    def bad(self) -> bool:
        return self.level <= 2
