"""Party work by the month (M4-M7): study sessions, guidance issued down with receipts,
monthly plans agreed by both sides, monthly ideological-political work reports."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from lianxin.core.models import BaseModel
from lianxin.org.models import Person, Unit


class PartyOffice(BaseModel):
    """The unit that does the organ's party-building work (党建办) for an organisation."""

    root = models.OneToOneField(Unit, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(
        Unit, verbose_name=_("party-building office"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("party-building office")
        verbose_name_plural = _("party-building offices")

    def __str__(self) -> str:
        return self.unit.name


class StudySession(BaseModel):
    class State(models.TextChoices):
        PLANNED = "planned", _("planned")
        HELD = "held", _("held")

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="study_sessions")
    topic = models.CharField(_("topic"), max_length=100)
    materials = models.TextField(_("materials"), blank=True)
    starts_at = models.DateTimeField(_("time"))
    place = models.CharField(_("place"), max_length=100, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PLANNED)

    class Meta:
        verbose_name = _("study session")
        verbose_name_plural = _("study sessions")
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return self.topic


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("present")
        EXCUSED = "excused", _("excused")
        ABSENT = "absent", _("absent")

    session = models.ForeignKey(StudySession, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="attendance")
    status = models.CharField(_("attendance"), max_length=10, choices=Status.choices)
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="attendance_once")
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.status}"


class Guidance(BaseModel):
    """A party-building document the organ issues to chosen stations (党建工作意见)."""

    root = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    doc_no = models.CharField(_("document number"), max_length=50, blank=True)
    title = models.CharField(_("title"), max_length=100)
    body = models.TextField(_("text"))
    issued_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField(_("issued at"))

    class Meta:
        verbose_name = _("guidance")
        verbose_name_plural = _("guidance")
        ordering = ["-issued_at"]

    def __str__(self) -> str:
        return self.title


class Receipt(models.Model):
    guidance = models.ForeignKey(Guidance, on_delete=models.CASCADE, related_name="receipts")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    confirmed_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["guidance", "unit"], name="receipt_once")]

    def __str__(self) -> str:
        return f"{self.guidance_id} {self.unit_id}"


class MonthlyPlan(BaseModel):
    """A station's party-building plan for a month, agreed by its secretary and the organ's
    party-building office together (和基层站所党组织书记一起商定)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="party_plans")
    month = models.DateField(_("month"))  # the first day
    station_agreed_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    station_agreed_at = models.DateTimeField(null=True, blank=True)
    office_agreed_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    office_agreed_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField(_("office's comments"), blank=True)

    class Meta:
        verbose_name = _("monthly plan")
        verbose_name_plural = _("monthly plans")
        ordering = ["-month", "unit__path"]
        constraints = [models.UniqueConstraint(fields=["unit", "month"], name="plan_once")]

    def __str__(self) -> str:
        return f"{self.unit} {self.month:%Y-%m}"

    @property
    def agreed(self) -> bool:
        return bool(self.station_agreed_at and self.office_agreed_at)


class PlanItem(models.Model):
    plan = models.ForeignKey(MonthlyPlan, on_delete=models.CASCADE, related_name="items")
    what = models.CharField(_("what"), max_length=200)
    who = models.CharField(_("who"), max_length=50)
    when = models.DateField(_("when"))
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)

    class Meta:
        ordering = ["when", "pk"]

    def __str__(self) -> str:
        return self.what


class MonthlyReport(BaseModel):
    """A station's monthly ideological-political work report (思想政治工作月报)."""

    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        RETURNED = "returned", _("sent back")
        ACCEPTED = "accepted", _("accepted")

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="party_reports")
    month = models.DateField(_("month"))
    thinking = models.TextField(_("staff thinking"), blank=True)
    activities = models.TextField(_("activities held"), blank=True)
    problems = models.TextField(_("problems"), blank=True)
    next_steps = models.TextField(_("next steps"), blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    due_at = models.DateTimeField(_("due"))
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    late = models.BooleanField(_("late"), default=False)
    comment = models.TextField(_("office's comments"), blank=True)

    class Meta:
        verbose_name = _("monthly report")
        verbose_name_plural = _("monthly reports")
        ordering = ["-month", "unit__path"]
        constraints = [models.UniqueConstraint(fields=["unit", "month"], name="report_once")]

    def __str__(self) -> str:
        return f"{self.unit} {self.month:%Y-%m}"
