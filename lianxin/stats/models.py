"""Frozen monthly scorecards and the level above's comments on a unit's month."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lianxin.core.models import BaseModel
from lianxin.org.models import Person, Unit


class Snapshot(BaseModel):
    """One organisation's scorecards of one month as computed at `computed_at`. Later edits
    do not change it; a recompute makes a new current snapshot and keeps this one."""

    root = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("month"))  # its first day
    computed_at = models.DateTimeField(_("computed at"))
    computed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("reason for recomputing"), blank=True)
    is_current = models.BooleanField(default=True)
    data = models.JSONField(default=dict)  # {"weights", "units": [...], "leaders": [...]}

    class Meta:
        verbose_name = _("frozen scorecard")
        verbose_name_plural = _("frozen scorecards")
        ordering = ["-month", "-computed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["root", "month"],
                condition=models.Q(is_current=True),
                name="one_current_snapshot",
            )
        ]

    def __str__(self) -> str:
        return f"{self.root_id} {self.month:%Y-%m} {self.computed_at:%Y-%m-%d %H:%M}"


class MonthComment(BaseModel):
    """The level above's written comment on a unit's month (上级点评)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("month"))
    author = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("comment"))

    class Meta:
        verbose_name = _("comment on a month")
        verbose_name_plural = _("comments on a month")
        ordering = ["month", "created_at"]
        indexes = [models.Index(fields=["unit", "month"])]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.month:%Y-%m}"
