"""Misconduct reports (举报) about cadres and units, handled by the discipline office's
inspectors with the reporter protected; penalties (处分) against persons; public notices
(通报) of typical cases.

Nothing here holds a reporter's identity in clear: a named reporter's name and contact are
sealed (Fernet, key outside the database, see `sealing.py`); an anonymous reporter is known
only by a slow hash of his receipt. No IP address or browser data is stored."""

from __future__ import annotations

from datetime import datetime, time

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lianxin.core import clock
from lianxin.core.models import BaseModel
from lianxin.org.models import Person, Unit


def day_of(at: datetime) -> datetime:
    """The start of the (local) day of `at`: the only time kept of what a reporter does."""
    return timezone.make_aware(datetime.combine(timezone.localdate(at), time.min))


class WorkStyle(models.TextChoices):
    """The categories of the monthly work-style statistics, as the CCDI's monthly table of
    breaches of the eight-point rules groups them (see WORK_STYLE_GROUPS and
    docs/discipline.md): 形式主义、官僚主义 and 享乐主义、奢靡之风 are headings; the leaves
    below them are what a case is filed under."""

    FORMALISM = "formalism", _("formalism")
    BUREAUCRATISM = "bureaucratism", _("bureaucratism")
    GIFTS = "gifts", _("accepting or giving gifts and money")
    BANQUETS = "banquets", _("improper banquets")
    ALLOWANCES = "allowances", _("improper allowances and benefits")
    TRAVEL = "travel", _("travel at public expense")
    CARS = "cars", _("misuse of official cars")
    CEREMONIES = "ceremonies", _("lavish weddings and funerals")
    BUILDINGS = "buildings", _("office buildings beyond standard")
    HEDONISM = "hedonism", _("other hedonism or extravagance")
    OTHER = "other", _("other work-style problems")


WORK_STYLE_GROUPS = [
    (
        _("formalism and bureaucratism"),
        [WorkStyle.FORMALISM, WorkStyle.BUREAUCRATISM],
    ),
    (
        _("hedonism and extravagance"),
        [
            WorkStyle.GIFTS,
            WorkStyle.BANQUETS,
            WorkStyle.ALLOWANCES,
            WorkStyle.TRAVEL,
            WorkStyle.CARS,
            WorkStyle.CEREMONIES,
            WorkStyle.BUILDINGS,
            WorkStyle.HEDONISM,
        ],
    ),
]


def work_style_choices() -> list:
    """The categories for a drop-down: each heading an option group over its leaves."""
    grouped = [(title, [(c.value, c.label) for c in leaves]) for title, leaves in WORK_STYLE_GROUPS]
    return [*grouped, (WorkStyle.OTHER.value, WorkStyle.OTHER.label)]


class NamesPolicy(models.TextChoices):
    FULL = "full", _("full names")
    SURNAME = "surname", _("surname only (张某)")
    NONE = "none", _("no names")


class DisciplineOffice(BaseModel):
    """Which unit of an organisation is its discipline office, and how notices name people."""

    root = models.OneToOneField(Unit, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    names_policy = models.CharField(
        _("names in public notices"),
        max_length=10,
        choices=NamesPolicy.choices,
        default=NamesPolicy.SURNAME,
    )


class Status(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("report", "received")
    ACCEPTED = "accepted", pgettext_lazy("report", "accepted")
    DISPOSED = "disposed", pgettext_lazy("report", "under way")
    CONCLUDED = "concluded", pgettext_lazy("report", "concluded")
    CLOSED = "closed", pgettext_lazy("report", "closed, reporter told")


class Disposition(models.TextChoices):
    TALK = "talk", _("talk or written inquiry (谈话函询)")
    VERIFY = "verify", _("preliminary verification (初步核实)")
    SHELVE = "shelve", _("kept for later (暂存待查)")
    CLOSE = "close", _("closed without action (予以了结)")
    INVESTIGATE = "investigate", _("case opened for review and investigation (立案审查调查)")


class Route(models.TextChoices):
    """Who handles a report, in the order of the fallback (access.ROUTE_ORDER)."""

    INSPECTORS = "inspectors", _("the discipline office")
    ORGAN_LEADER = "organ_leader", _("the organ's leader")
    ORGAN_SECRETARY = "organ_secretary", _("the organ's party secretary")


class Report(BaseModel):
    """A misconduct report. Its times of receipt, creation and change by the reporter are
    kept as the day only (see docs/discipline.md): nothing dates a report to the moment."""

    root = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), editable=False)
    updated_at = models.DateTimeField(_("updated at"), editable=False)
    number = models.CharField(_("number"), max_length=20, unique=True)
    accused_unit = models.ForeignKey(
        Unit, verbose_name=_("unit reported"), on_delete=models.PROTECT, related_name="+"
    )
    accused_person = models.ForeignKey(
        Person,
        verbose_name=_("person reported"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    accused_text = models.CharField(_("who (as the reporter wrote)"), max_length=100, blank=True)
    # The person reported is settled by an inspector (at acceptance, or by naming him); until
    # then everyone of the roster whose name the reporter's text mentions is kept away too.
    accused_confirmed = models.BooleanField(_("person reported confirmed"), default=False)
    mentioned = models.ManyToManyField(
        Person, blank=True, related_name="+", verbose_name=_("people mentioned")
    )
    mentions_relaxed = models.BooleanField(default=False)  # see access.route_for
    what = models.TextField(_("what happened"))
    when_text = models.CharField(_("when"), max_length=100, blank=True)
    where = models.CharField(_("where"), max_length=200, blank=True)
    clause = models.ForeignKey(
        "rules.Clause",
        verbose_name=_("clause broken"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    anonymous = models.BooleanField(_("anonymous"), default=True)
    receipt_digest = models.CharField(max_length=64, unique=True)
    reporter_sealed = models.TextField(blank=True)
    route = models.CharField(max_length=16, choices=Route.choices, default=Route.INSPECTORS)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.RECEIVED
    )
    disposition = models.CharField(
        _("disposition"), max_length=12, choices=Disposition.choices, blank=True
    )
    category = models.CharField(_("category"), max_length=16, choices=WorkStyle.choices, blank=True)
    findings = models.TextField(_("findings"), blank=True)
    decision = models.TextField(_("decision"), blank=True)
    feedback = models.TextField(_("feedback to the reporter"), blank=True)
    received_at = models.DateTimeField(_("received at"))
    accept_due = models.DateTimeField(_("acceptance due"))
    accepted_at = models.DateTimeField(null=True, blank=True)
    concluded_at = models.DateTimeField(null=True, blank=True)
    feedback_due = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("misconduct report")
        verbose_name_plural = _("misconduct reports")
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return self.number

    def save(self, *args, **kwargs):
        day = day_of(clock.now())
        self.created_at = self.created_at or day
        self.updated_at = day
        super().save(*args, **kwargs)


EVENT_LABELS = {
    "received": pgettext_lazy("report event", "report received"),
    "reporter_message": pgettext_lazy("report event", "message from the reporter"),
    "inspector_message": pgettext_lazy("report event", "message sent to the reporter"),
    "accepted": pgettext_lazy("report event", "accepted"),
    "identified": pgettext_lazy("report event", "person reported confirmed"),
    "disposed": pgettext_lazy("report event", "disposition decided"),
    "escalated": pgettext_lazy("report event", "not accepted in time, passed up to"),
    "concluded": pgettext_lazy("report event", "findings and decision made"),
    "feedback": pgettext_lazy("report event", "reporter told the outcome; closed"),
    "identity_read": pgettext_lazy("report event", "reporter's identity read"),
}


class ReportEvent(models.Model):
    """The internal record of a report: who did what when (inspectors only)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=24)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["report", "id"]  # reporters' entries carry their day only

    def __str__(self) -> str:
        return f"{self.report_id}@{self.at:%Y-%m-%d %H:%M}"

    @property
    def label(self) -> str:
        """What happened, in the reader's language (the stored code is for machines)."""
        return str(EVENT_LABELS.get(self.action, self.action))

    @property
    def by(self) -> str:
        """Who did it, as a colleague would name him: name and unit, never the login."""
        if self.actor is None:
            if self.action in ("received", "reporter_message"):
                return str(pgettext_lazy("report event", "reporter"))
            return str(pgettext_lazy("report event", "the system"))
        person = getattr(self.actor, "person", None)
        if person is None:
            return self.actor.get_full_name() or str(pgettext_lazy("report event", "staff"))
        return f"{person.name}（{person.unit.name}）"

    @property
    def shown_note(self) -> str:
        """The note; an escalation names the route it went to (stored as its code)."""
        if self.action == "escalated" and self.note in Route.values:
            return str(Route(self.note).label)
        return self.note


class ReportMessage(models.Model):
    """A message between the reporter (through his receipt) and the inspectors."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    at = models.DateTimeField()
    from_reporter = models.BooleanField()
    author = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField()

    class Meta:
        ordering = ["report", "id"]  # a reporter's message carries its day only

    def __str__(self) -> str:
        return f"{self.report_id}@{self.at:%Y-%m-%d %H:%M}"


class Evidence(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="evidence")
    message = models.ForeignKey(
        ReportMessage, null=True, blank=True, on_delete=models.CASCADE, related_name="files"
    )
    name = models.CharField(max_length=120)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)

    def __str__(self) -> str:
        return self.name

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


class PenaltyKind(models.TextChoices):
    """党纪处分 (party members only), 政务处分 (public servants), and the handling that is no
    sanction (批评教育, 责令检查, 诫勉 and 组织处理), which applies to members and non-members
    alike (docs/discipline.md cites the regulations)."""

    PARTY = "party", _("party discipline")
    ADMIN = "admin", _("administrative sanction")
    HANDLING = "handling", _("criticism, admonition or organisational handling")


class Measure(models.TextChoices):
    PARTY_WARNING = "party_warning", _("party warning (警告)")
    SERIOUS_WARNING = "serious_warning", _("serious party warning (严重警告)")
    PARTY_POST = "party_post", _("removal from party posts (撤销党内职务)")
    PROBATION = "probation", _("party probation (留党察看)")
    EXPULSION = "expulsion", _("expulsion from the party (开除党籍)")
    ADMIN_WARNING = "admin_warning", _("warning (警告)")
    DEMERIT = "demerit", _("demerit (记过)")
    MAJOR_DEMERIT = "major_demerit", _("major demerit (记大过)")
    DEMOTION = "demotion", _("demotion (降级)")
    DISMISSAL = "dismissal", _("removal from office (撤职)")
    DISCHARGE = "discharge", _("discharge (开除)")
    CRITICISM = "criticism", _("criticism and education (批评教育)")
    ORDERED_REVIEW = "ordered_review", _("ordered to make a self-criticism (责令检查)")
    ADMONITION = "admonition", _("admonition (诫勉)")
    SUSPENSION = "suspension", _("suspended for review (停职检查)")
    REASSIGNMENT = "reassignment", _("moved to another post (调整职务)")
    ORDERED_RESIGNATION = "ordered_resign", _("ordered to resign (责令辞职)")
    REMOVAL = "removal", _("removed from the post (免职)")
    POST_DEMOTION = "post_demotion", _("lowered in post (降职)")


MEASURES_BY_KIND = {
    PenaltyKind.PARTY: [
        Measure.PARTY_WARNING,
        Measure.SERIOUS_WARNING,
        Measure.PARTY_POST,
        Measure.PROBATION,
        Measure.EXPULSION,
    ],
    PenaltyKind.ADMIN: [
        Measure.ADMIN_WARNING,
        Measure.DEMERIT,
        Measure.MAJOR_DEMERIT,
        Measure.DEMOTION,
        Measure.DISMISSAL,
        Measure.DISCHARGE,
    ],
    PenaltyKind.HANDLING: [
        Measure.CRITICISM,
        Measure.ORDERED_REVIEW,
        Measure.ADMONITION,
        Measure.SUSPENSION,
        Measure.REASSIGNMENT,
        Measure.ORDERED_RESIGNATION,
        Measure.REMOVAL,
        Measure.POST_DEMOTION,
    ],
}
PARTY_MEASURES = MEASURES_BY_KIND[PenaltyKind.PARTY]


def measure_choices() -> list:
    """The measures for a drop-down, an option group per kind."""
    return [
        (kind.label, [(m.value, m.label) for m in MEASURES_BY_KIND[kind]]) for kind in PenaltyKind
    ]


class Penalty(BaseModel):
    root = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="penalties"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit at the time"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=8, choices=PenaltyKind.choices)
    measure = models.CharField(_("measure"), max_length=16, choices=Measure.choices)
    category = models.CharField(_("category"), max_length=16, choices=WorkStyle.choices)
    decided_on = models.DateField(_("decided on"))
    ends_on = models.DateField(_("in effect until"), null=True, blank=True)
    document_no = models.CharField(_("decision document number"), max_length=60)
    document_name = models.CharField(max_length=120, blank=True)
    document_sha256 = models.CharField(max_length=64, blank=True)
    document_type = models.CharField(max_length=40, blank=True)
    report = models.ForeignKey(
        Report, null=True, blank=True, on_delete=models.PROTECT, related_name="penalties"
    )
    reason = models.TextField(_("reason"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("penalty")
        verbose_name_plural = _("penalties")
        ordering = ["-decided_on", "-id"]

    def __str__(self) -> str:
        return f"{self.document_no}"


class PublicNotice(BaseModel):
    """通报: a typical case for the public, as the office's names policy allows."""

    root = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("title"), max_length=100)
    unit_name = models.CharField(_("unit"), max_length=100)
    position = models.CharField(_("position"), max_length=50)
    person_shown = models.CharField(_("name as shown"), max_length=20, blank=True)
    conduct = models.TextField(_("conduct"))
    clause = models.ForeignKey(
        "rules.Clause", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    penalty_text = models.CharField(_("penalty"), max_length=200)
    category = models.CharField(_("category"), max_length=16, choices=WorkStyle.choices)
    penalty = models.ForeignKey(
        Penalty, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("public notice")
        verbose_name_plural = _("public notices")
        ordering = ["-published_at"]

    def __str__(self) -> str:
        return self.title
