"""Cadres going down to the masses (M3, M8–M11): places, contact points with a visit cadence,
stationed stints, visits recorded as the people's sentiment diary (民情日记) with needs that
become cases, and the organ's research visits and symposiums at stations."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from lianxin.cases.models import Case
from lianxin.core.models import BaseModel
from lianxin.org.models import Person, Unit


class Place(BaseModel):
    class Kind(models.TextChoices):
        VILLAGE = "village", _("village")
        COMMUNITY = "community", _("community")
        ENTERPRISE = "enterprise", _("enterprise")
        SCHOOL = "school", _("school")
        OTHER = "other", _("other")

    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="places"
    )
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    address = models.CharField(_("address"), max_length=200, blank=True)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["unit__path", "name"]

    def __str__(self) -> str:
        return self.name


class ContactPoint(BaseModel):
    """A leading cadre's contact point (联系点) with its cadence."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="contact_points")
    place = models.ForeignKey(Place, verbose_name=_("place"), on_delete=models.PROTECT)
    visits_per_month = models.PositiveSmallIntegerField(_("visits a month"), default=1)
    exchange_days_per_quarter = models.PositiveSmallIntegerField(
        _("days of exchange a quarter"), default=1
    )
    review_on = models.DateField(_("reviewed on"), null=True, blank=True)
    is_active = models.BooleanField(_("in force"), default=True)

    class Meta:
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")
        constraints = [
            models.UniqueConstraint(fields=["person", "place"], name="contact_point_once")
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.place}"


class Stint(BaseModel):
    """Stationed work (蹲点) at a place."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="stints")
    place = models.ForeignKey(Place, verbose_name=_("place"), on_delete=models.PROTECT)
    starts_on = models.DateField(_("planned start"))
    ends_on = models.DateField(_("planned end"))
    days_spent = models.PositiveSmallIntegerField(_("days spent"), default=0)

    class Meta:
        verbose_name = _("stint")
        verbose_name_plural = _("stints")
        ordering = ["-starts_on"]

    def __str__(self) -> str:
        return f"{self.person} · {self.place}"


class Visit(BaseModel):
    """One entry of a cadre's people's sentiment diary (民情日记)."""

    class Kind(models.TextChoices):
        VISIT = "visit", _("home visit")
        STINT = "stint", _("stationed work")
        RESEARCH = "research", _("research")
        SYMPOSIUM = "symposium", _("symposium")

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="visits")
    place = models.ForeignKey(
        Place, verbose_name=_("place"), on_delete=models.PROTECT, related_name="visits"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    day = models.DateField(_("date"))
    met = models.CharField(_("who was met"), max_length=200)
    said = models.TextField(_("what they said"))
    signature = models.CharField(_("signed by"), max_length=50, blank=True)
    photo = models.FileField(_("photo"), upload_to="visits/%Y/%m/", blank=True)
    reviewed_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("checked at"), null=True, blank=True)
    review_comment = models.TextField(_("leader's comment"), blank=True)

    class Meta:
        verbose_name = _("diary entry")
        verbose_name_plural = _("diary entries")
        ordering = ["-day", "-pk"]
        indexes = [models.Index(fields=["person", "day"])]

    def __str__(self) -> str:
        return f"{self.person} {self.day} {self.place}"


class Need(models.Model):
    """Something the people visited need; it becomes a case (件件有着落、事事有回音)."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="needs")
    text = models.CharField(_("need"), max_length=500)
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return self.text


class ResearchVisit(BaseModel):
    """The organ's research visit or symposium at a station (调研, 座谈)."""

    class Kind(models.TextChoices):
        RESEARCH = "research", _("research visit")
        SYMPOSIUM = "symposium", _("symposium")

    station = models.ForeignKey(
        Unit, verbose_name=_("station"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    day = models.DateField(_("date"))
    team = models.CharField(_("who went"), max_length=200)
    attendees = models.CharField(_("who attended"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    created_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("research visit")
        verbose_name_plural = _("research visits")
        ordering = ["-day"]

    def __str__(self) -> str:
        return f"{self.station} {self.day}"


class RaisedProblem(models.Model):
    research = models.ForeignKey(ResearchVisit, on_delete=models.CASCADE, related_name="problems")
    text = models.CharField(_("problem raised"), max_length=500)
    office = models.ForeignKey(
        Unit, verbose_name=_("responsible office"), on_delete=models.PROTECT, related_name="+"
    )
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return self.text
