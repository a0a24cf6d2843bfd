"""Routing: administrators' keyword rules, the register of road sections, the trained models
per organisation, dispatchers' choices, and problems of the month made from hotspots."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from lianxin.core.models import BaseModel
from lianxin.org.models import Unit


class KeywordRule(BaseModel):
    """Text containing `keyword` suggests the unit and/or category (cold start)."""

    root = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    keyword = models.CharField(_("keyword"), max_length=50)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    category = models.ForeignKey(
        "cases.Category",
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    priority = models.PositiveSmallIntegerField(_("priority"), default=5)

    class Meta:
        verbose_name = _("keyword rule")
        verbose_name_plural = _("keyword rules")
        ordering = ["-priority", "keyword"]
        constraints = [
            models.UniqueConstraint(fields=["root", "keyword"], name="routing_rule_unique")
        ]

    def __str__(self) -> str:
        return self.keyword


class RoadSection(BaseModel):
    """A stretch of a route (G205 K12+000 to K25+000), or only place names (towns,
    villages), and the station responsible for it."""

    root = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    route = models.CharField(_("route code"), max_length=10, blank=True, db_index=True)
    start_m = models.PositiveIntegerField(_("from (metres)"), null=True, blank=True)
    end_m = models.PositiveIntegerField(_("to (metres)"), null=True, blank=True)
    places = models.CharField(
        _("towns and villages"),
        max_length=300,
        blank=True,
        help_text=_("Names separated by spaces or commas, e.g. 石桥乡 石桥村 下庄村"),
    )
    station = models.ForeignKey(
        Unit, verbose_name=_("station responsible"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("road section")
        verbose_name_plural = _("road sections")
        ordering = ["route", "start_m", "pk"]

    def __str__(self) -> str:
        return f"{self.route} {self.start_m}-{self.end_m}"

    @cached_property
    def place_names(self) -> list[str]:
        return [p for p in self.places.replace("，", " ").replace(",", " ").split() if p]


class TrainedModel(BaseModel):
    """One training of an organisation's text model; the newest is used. The artifact lies
    in the data folder under its SHA-256 (routing/<digest>.joblib)."""

    root = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    digest = models.CharField(max_length=64)
    size = models.PositiveIntegerField(default=0)
    cases = models.PositiveIntegerField(_("cases learned"), default=0)
    last_case_id = models.PositiveBigIntegerField(default=0)
    last_choice_id = models.PositiveBigIntegerField(default=0)
    full = models.BooleanField(_("trained from scratch"), default=True)
    seconds = models.FloatField(default=0)

    class Meta:
        verbose_name = _("trained model")
        verbose_name_plural = _("trained models")
        ordering = ["-created_at", "-pk"]


class DispatchChoice(models.Model):
    """What the dispatcher chose against what was suggested (training data)."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    suggested = models.ForeignKey(Unit, null=True, on_delete=models.SET_NULL, related_name="+")
    chosen = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.suggested_id} -> {self.chosen_id}"


class MonthProblem(BaseModel):
    """A problem of the month (每月一题) made from a hotspot: the internal problem case."""

    root = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    category = models.ForeignKey("cases.Category", on_delete=models.CASCADE, related_name="+")
    place = models.CharField(max_length=100)
    problem = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    cases = models.ManyToManyField("cases.Case", related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["root", "month", "category", "place"], name="routing_month_problem_unique"
            )
        ]
