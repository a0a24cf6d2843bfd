"""Mediation of disputes (矛盾调处, M17): parties with private contacts, sessions, the outcome,
the agreement printed for signature, and a follow-up on the clock."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from lianxin.cases.models import Case
from lianxin.core.models import BaseModel
from lianxin.org.models import Person, Unit


class Dispute(BaseModel):
    class Category(models.TextChoices):
        NEIGHBOURS = "neighbours", _("between neighbours")
        LAND = "land", _("land and compensation")
        ROADWORK = "roadwork", _("road works")
        ACCIDENT = "accident", _("traffic accident compensation")
        LABOUR = "labour", _("wages and labour")
        OTHER = "other", _("other")

    class Outcome(models.TextChoices):
        SUCCESS = "success", _("settled")
        FAILED = "failed", _("not settled")
        TRANSFERRED = "transferred", _("transferred")

    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="disputes"
    )
    subject = models.CharField(_("subject"), max_length=200)
    category = models.CharField(_("category"), max_length=12, choices=Category.choices)
    description = models.TextField(_("what happened"))
    mediator = models.ForeignKey(
        Person, verbose_name=_("mediator"), on_delete=models.PROTECT, related_name="+"
    )
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, blank=True)
    transfer_to = models.CharField(_("transferred to"), max_length=100, blank=True)
    agreement = models.TextField(_("agreement"), blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    followed_up_at = models.DateTimeField(_("followed up at"), null=True, blank=True)
    agreement_kept = models.BooleanField(_("agreement kept"), null=True)
    follow_up_note = models.TextField(_("follow-up note"), blank=True)
    # the agreement's number (调解协议书编号): the mediating unit's sequence in the year
    agreement_year = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    agreement_no = models.PositiveIntegerField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("dispute")
        verbose_name_plural = _("disputes")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "agreement_year", "agreement_no"], name="agreement_no_once"
            )
        ]

    def __str__(self) -> str:
        return self.subject

    @property
    def agreement_code(self) -> str:
        """路政科调〔2026〕3号; empty before the agreement has a number."""
        if not self.agreement_no:
            return ""
        return _("%(unit)s Mediation [%(year)s] No. %(no)s") % {
            "unit": self.unit.name,
            "year": self.agreement_year,
            "no": self.agreement_no,
        }


class AgreementCounter(models.Model):
    """The last agreement number a unit gave in a year (taken inside the closing
    transaction, so two mediators closing at once get two numbers)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="agreement_counter_once")
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.year} {self.last}"


class Party(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", _("person")
        ORGANISATION = "organisation", _("organisation")

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="parties")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=100)
    contact = models.CharField(_("contact details"), max_length=200, blank=True)
    # set when the party is one of the organisation's own units (a station, an office)
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class Session(models.Model):
    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="sessions")
    day = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=100)
    attendees = models.CharField(_("attendees"), max_length=300)
    notes = models.TextField(_("notes"))

    class Meta:
        ordering = ["day", "pk"]

    def __str__(self) -> str:
        return f"{self.dispute_id} {self.day}"
