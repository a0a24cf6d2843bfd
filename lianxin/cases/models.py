"""The case (诉求件/工单) and what hangs on it: co-units, extensions, appeals, the timeline."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lianxin.core.models import BaseModel
from lianxin.org.models import Person, Unit


class Kind(models.TextChoices):
    CONSULT = "consult", _("consultation")
    HELP = "help", _("request for help")
    COMPLAINT = "complaint", _("complaint")
    SUGGESTION = "suggestion", _("suggestion")
    PRAISE = "praise", _("praise")
    PROBLEM = "problem", _("internal problem")


PUBLIC_KINDS = [k for k in Kind if k != Kind.PROBLEM]


class Channel(models.TextChoices):
    WEB = "web", _("web portal")
    WECHAT = "wechat", _("WeChat")
    WEIBO = "weibo", _("Weibo")
    FORUM = "forum", _("forum")
    HOTLINE = "hotline", _("hotline")
    REPORT_LINE = "report_line", _("report line")
    OPINION_BOX = "opinion_box", _("opinion box")
    EMAIL = "email", _("email")
    OPEN311 = "open311", _("Open311")
    VISIT = "visit", _("visit in person")
    LETTER = "letter", _("letter")
    RESEARCH = "research", _("research visit")
    INSPECTION = "inspection", _("inspection")
    LEADER = "leader", _("leader's list")
    IMPORT = "import", _("import")


OPERATOR_CHANNELS = [
    Channel.HOTLINE,
    Channel.REPORT_LINE,
    Channel.OPINION_BOX,
    Channel.LETTER,
    Channel.VISIT,
]
PROBLEM_CHANNELS = [Channel.INSPECTION, Channel.RESEARCH, Channel.LEADER]


class Status(models.TextChoices):
    RECEIVED = "received", _("received")
    DISPATCHED = "dispatched", _("dispatched")
    IN_PROGRESS = "in_progress", _("in progress")
    REPLIED = "replied", _("replied")
    CLOSED = "closed", _("closed")
    WITHDRAWN = "withdrawn", _("withdrawn")
    MERGED = "merged", _("merged")
    DECLINED = "declined", _("not accepted")
    TRANSFERRED = "transferred", _("transferred to the discipline office")


class DeclineReason(models.TextChoices):
    """Why an item is not accepted (不予受理/无效件); counted apart in the figures."""

    OUTSIDE_REMIT = "outside_remit", _("outside our remit")
    REPEAT = "repeat", _("repeated call on an open case")
    NONSENSE = "nonsense", _("no real content")


OPEN_STATUSES = [Status.RECEIVED, Status.DISPATCHED, Status.IN_PROGRESS, Status.REPLIED]


class Supervision(models.IntegerChoices):
    NONE = 0, _("none")
    REMINDED = 1, _("reminder")
    SUPERVISED = 2, _("supervision")
    FLAGGED = 3, _("flagged supervision")


class Rating(models.IntegerChoices):
    VERY_SATISFIED = 5, _("very satisfied")
    SATISFIED = 4, _("satisfied")
    FAIRLY_SATISFIED = 3, _("fairly satisfied")
    UNSATISFIED = 2, _("unsatisfied")
    VERY_UNSATISFIED = 1, _("very unsatisfied")


class Category(BaseModel):
    """What a case is about (路面病害, 收费, 路政许可...), per organisation."""

    root = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=50)
    default_unit = models.ForeignKey(
        Unit,
        verbose_name=_("usual unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["root", "name"], name="category_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class TimeLimit(BaseModel):
    """An organisation's own time limit for a category, kind and urgency (blank = any)."""

    root = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    category = models.ForeignKey(
        Category, verbose_name=_("category"), null=True, blank=True, on_delete=models.CASCADE
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, blank=True)
    urgent = models.BooleanField(_("urgent"), default=False)
    accept_hours = models.PositiveIntegerField(_("accept within (hours)"), null=True, blank=True)
    accept_workdays = models.PositiveIntegerField(
        _("accept within (working days)"), null=True, blank=True
    )
    reply_hours = models.PositiveIntegerField(_("reply within (hours)"), null=True, blank=True)
    reply_workdays = models.PositiveIntegerField(
        _("reply within (working days)"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("time limit")
        verbose_name_plural = _("time limits")
        constraints = [
            models.UniqueConstraint(
                fields=["root", "category", "kind", "urgent"],
                condition=models.Q(category__isnull=False),
                name="time_limit_unique",
            ),
            models.UniqueConstraint(
                fields=["root", "kind", "urgent"],
                condition=models.Q(category__isnull=True),
                name="time_limit_unique_any_category",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.category or '*'} {self.kind or '*'} {'urgent' if self.urgent else ''}"


class ExtensionRule(BaseModel):
    """Who decides extensions in an organisation: always above the unit whose deadline
    moves. Without a row: the organisation's dispatchers and supervisors."""

    root = models.OneToOneField(Unit, on_delete=models.CASCADE, related_name="+")
    dispatchers = models.BooleanField(_("dispatchers of the organisation"), default=True)
    supervisors = models.BooleanField(_("supervisors of the organisation"), default=True)
    leaders_above = models.BooleanField(
        _("leaders of the units above the lead unit"), default=False
    )

    class Meta:
        verbose_name = _("who decides extensions")
        verbose_name_plural = _("who decides extensions")

    def __str__(self) -> str:
        return str(self.root_id)


class Case(BaseModel):
    root = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    code = models.CharField(_("case code"), max_length=16, unique=True)
    secret_digest = models.CharField(max_length=64)
    # keyed digest of (channel, client, token): a repeat by the same client finds its case
    submit_key = models.CharField(max_length=64, unique=True, null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="cases"
    )
    urgent = models.BooleanField(_("urgent"), default=False)
    title = models.CharField(_("title"), max_length=100)
    content = models.TextField(_("content"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    citizen_name = models.CharField(_("name"), max_length=50, blank=True)
    citizen_phone = models.CharField(_("phone"), max_length=20, blank=True, db_index=True)
    citizen_email = models.EmailField(_("email"), blank=True)
    citizen_contact = models.CharField(max_length=100, blank=True)  # e.g. a WeChat openid
    is_public = models.BooleanField(_("may be shown publicly"), default=False)
    notify_citizen = models.BooleanField(_("tell the citizen of each step"), default=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.RECEIVED
    )
    version = models.PositiveIntegerField(default=1)
    received_at = models.DateTimeField(_("received at"), db_index=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    issuer = models.ForeignKey(
        Person,
        verbose_name=_("issuer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="issued_cases",
    )
    lead_unit = models.ForeignKey(
        Unit,
        verbose_name=_("lead unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="lead_cases",
    )
    co_units = models.ManyToManyField(
        Unit, verbose_name=_("co-units"), blank=True, related_name="co_cases"
    )
    handler = models.ForeignKey(
        Person,
        verbose_name=_("handler"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="handled_cases",
    )
    dispatched_at = models.DateTimeField(_("dispatched at"), null=True, blank=True)
    accept_due = models.DateTimeField(_("accept by"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    reply_due = models.DateTimeField(_("reply by"), null=True, blank=True)
    paused_at = models.DateTimeField(_("waiting for the citizen since"), null=True, blank=True)
    replied_at = models.DateTimeField(_("replied at"), null=True, blank=True)
    reply = models.TextField(_("reply"), blank=True)
    reply_reusable = models.BooleanField(_("reusable answer"), default=False)
    direct_answer = models.BooleanField(_("answered on the spot"), default=False)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    rating = models.PositiveSmallIntegerField(
        _("rating"), choices=Rating.choices, null=True, blank=True
    )
    solved = models.BooleanField(_("solved"), null=True, blank=True)
    rated_at = models.DateTimeField(_("rated at"), null=True, blank=True)
    rating_excluded = models.BooleanField(_("rating excluded after appeal"), default=False)
    unrated_close = models.BooleanField(_("closed without a rating"), default=False)
    review_pending = models.BooleanField(_("unsatisfied rating awaiting review"), default=False)
    supervision = models.PositiveSmallIntegerField(
        _("supervision"), choices=Supervision.choices, default=Supervision.NONE
    )
    public_notice = models.BooleanField(_("listed for public notice"), default=False)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    return_count = models.PositiveSmallIntegerField(_("times returned"), default=0)
    decline_reason = models.CharField(
        _("why not accepted"), max_length=16, choices=DeclineReason.choices, blank=True
    )
    reopen_count = models.PositiveSmallIntegerField(_("times reopened"), default=0)
    # Facts for the scorecards, recorded by the actions when they happen (never rebuilt from
    # fields that later steps overwrite): see docs/stats.md.
    accepted_in_time = models.BooleanField(_("accepted in time"), null=True, blank=True)
    first_replied_at = models.DateTimeField(_("first replied at"), null=True, blank=True)
    replied_in_time = models.BooleanField(_("replied in time"), null=True, blank=True)
    extension_count = models.PositiveSmallIntegerField(_("extensions approved"), default=0)
    reminder_count = models.PositiveSmallIntegerField(_("reminders"), default=0)
    supervision_count = models.PositiveSmallIntegerField(_("supervisions"), default=0)
    rating_excluded_reason = models.CharField(
        _("why the rating is excluded"), max_length=1000, blank=True
    )

    # Not columns: the list pages put here the deadline badge and how long the citizen waited.
    badge: str
    waited: str

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["root", "status", "received_at"]),
            models.Index(fields=["lead_unit", "status"]),
            models.Index(fields=["handler", "status"]),
            models.Index(fields=["root", "dispatched_at"]),
            models.Index(fields=["root", "first_replied_at"]),
            models.Index(fields=["root", "rated_at"]),
            # the items not accepted in the last 30 days on the incoming queue (queries.py)
            models.Index(
                fields=["root", "closed_at"],
                condition=models.Q(status="declined"),
                name="case_declined_closed",
            ),
            models.Index(
                fields=["root"],
                condition=models.Q(review_pending=True),
                name="case_review_pending",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class Extension(BaseModel):
    class State(models.TextChoices):
        PENDING = "pending", _("pending")
        APPROVED = "approved", _("approved")
        REFUSED = "refused", _("refused")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="extensions")
    requested_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("reason"))
    workdays = models.PositiveSmallIntegerField(_("extra working days"))
    state = models.CharField(max_length=16, choices=State.choices, default=State.PENDING)
    decided_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("extension")
        verbose_name_plural = _("extensions")
        ordering = ["-created_at"]


class Appeal(BaseModel):
    class State(models.TextChoices):
        PENDING = "pending", _("pending")
        UPHELD = "upheld", _("upheld")
        REJECTED = "rejected", _("rejected")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="appeals")
    requested_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("reason"))
    state = models.CharField(max_length=16, choices=State.choices, default=State.PENDING)
    decided_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("rating appeal")
        verbose_name_plural = _("rating appeals")
        ordering = ["-created_at"]


class CaseEvent(models.Model):
    """One entry of a case's timeline; `digest` covers the entry and the one before it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    seq = models.PositiveIntegerField()
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=100, blank=True)
    action = models.CharField(max_length=32)
    public = models.BooleanField(default=False)
    note = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    status_after = models.CharField(max_length=16, choices=Status.choices)
    prev_digest = models.CharField(max_length=64, blank=True)
    digest = models.CharField(max_length=64)

    # Not a column: queries.timeline() puts here the attachments that came with the entry.
    files: list[Attachment]

    class Meta:
        verbose_name = pgettext_lazy("timeline", "event")
        verbose_name_plural = pgettext_lazy("timeline", "events")
        ordering = ["case", "seq"]
        constraints = [models.UniqueConstraint(fields=["case", "seq"], name="case_event_seq")]
        indexes = [  # the returns of the last 30 days on the incoming queue (queries.py)
            models.Index(
                fields=["at"], condition=models.Q(action="return"), name="case_event_return"
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_id}#{self.seq} {self.action}"


class DayCounter(models.Model):
    """The last sequence number handed out on a day, for case codes."""

    day = models.DateField(unique=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.day} {self.last}"


class ReplyTemplate(BaseModel):
    """A unit's common answer (常用答复) for a category, inserted and edited by handlers."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="reply_templates")
    category = models.ForeignKey(
        Category, verbose_name=_("category"), null=True, blank=True, on_delete=models.CASCADE
    )
    title = models.CharField(_("title"), max_length=50)
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("reply template")
        verbose_name_plural = _("reply templates")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Attachment(BaseModel):
    """A photo or PDF that came with a case or with a later message about it; the bytes live
    outside the web root (core.files), served only to those who may see the case."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    event_seq = models.PositiveIntegerField(_("timeline entry"))
    name = models.CharField(_("file name"), max_length=120)
    content_type = models.CharField(_("type"), max_length=40)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["case", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


class PhoneProof(models.Model):
    """A one-time code sent by SMS to the phone of a case, to open it without the secret.
    Only a keyed digest of the code is kept; it expires soon and allows a few tries."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    code_digest = models.CharField(max_length=64)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    tries = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["case", "expires_at"], name="phone_proof_open")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.created_at}"
