"""督查 and 整改 (M2, M13): inspections with findings recorded on the spot, the rectification
ledger (问题整改台账) that hangs one-to-one on every internal problem case, and supervision
orders (督办单) with their own deadline and required feedback."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from lianxin.cases.models import Case
from lianxin.core.models import BaseModel
from lianxin.org.models import Person, Unit


class Inspection(BaseModel):
    """A 督查: its plan (subject, units, team, dates, method) and, once finished, the
    summary printed in the 督查通报."""

    class Method(models.TextChoices):
        OPEN = "open", _("open inspection")
        COVERT = "covert", _("unannounced visit")
        SPECIAL = "special", _("special inspection")

    root = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    subject = models.CharField(_("subject"), max_length=200)
    method = models.CharField(_("method"), max_length=12, choices=Method.choices)
    units = models.ManyToManyField(Unit, verbose_name=_("units inspected"), related_name="+")
    team = models.ManyToManyField(Person, verbose_name=_("team"), related_name="inspections")
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    planned_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    summary = models.TextField(_("summary"), blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        ordering = ["-starts_on", "-id"]

    def __str__(self) -> str:
        return self.subject


class Finding(BaseModel):
    """A problem found on the spot; it becomes an internal problem case of the unit."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="findings")
    unit = models.ForeignKey(
        Unit, verbose_name=_("responsible unit"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("what was found"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    found_at = models.DateTimeField(_("found at"))
    recorded_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    case = models.OneToOneField(
        Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="finding"
    )

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["inspection", "found_at", "id"]

    def __str__(self) -> str:
        return self.text[:50]


class Rectification(BaseModel):
    """The ledger row of one internal problem: who answers for it, what will be done, by when,
    and its sign-off (验收销号) by the one who raised it."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="rectification")
    leader = models.ForeignKey(
        Person, verbose_name=_("responsible leader"), on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("responsible person"), on_delete=models.PROTECT, related_name="+"
    )
    measures = models.TextField(_("rectification measures"))
    workdays = models.PositiveSmallIntegerField(_("rectification period (working days)"))
    due_at = models.DateTimeField(_("rectify by"), db_index=True)
    planned_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    signed_off_at = models.DateTimeField(_("signed off at"), null=True, blank=True)
    signed_off_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sign_off_note = models.CharField(_("acceptance opinion"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("rectification")
        verbose_name_plural = _("rectification ledger")
        ordering = ["due_at"]

    def __str__(self) -> str:
        return f"{self.case.code} {self.case.title}"


class ProgressReport(BaseModel):
    """A progress report on a rectification; `final` is the report that it is done."""

    rectification = models.ForeignKey(
        Rectification, on_delete=models.CASCADE, related_name="reports"
    )
    text = models.TextField(_("progress"))
    final = models.BooleanField(_("rectification completed"), default=False)
    by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["rectification", "created_at", "id"]


class Evidence(BaseModel):
    """A photo or PDF proving the rectification (bytes in core.files, by digest)."""

    rectification = models.ForeignKey(
        Rectification, on_delete=models.CASCADE, related_name="evidence"
    )
    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="evidence")
    name = models.CharField(_("file name"), max_length=120)
    content_type = models.CharField(_("type"), max_length=40)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


class Order(BaseModel):
    """A 督办单: what the organ expects of the lead unit on a case and by when; the lead unit
    must answer (反馈). Flagged (挂牌) orders show on the public notice until lifted."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="orders")
    expected = models.TextField(_("what is expected"))
    due_at = models.DateTimeField(_("feedback by"), db_index=True)
    flagged = models.BooleanField(_("flagged supervision"), default=False)
    issued_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    feedback = models.TextField(_("feedback"), blank=True)
    feedback_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    feedback_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    lift_reason = models.CharField(_("reason for lifting"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("supervision order")
        verbose_name_plural = _("supervision orders")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.case.code} {self.expected[:30]}"
