"""What channels need beyond the case itself: the questions a category asks (Open311
attributes), Open311 clients and their keys, and the external id of every message that made
a case (so that the same message never makes two)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lianxin.cases.models import Case, Category
from lianxin.core.models import BaseModel
from lianxin.org.models import Unit


class CategoryQuestion(models.Model):
    """An extra question of a category (an Open311 service attribute)."""

    class Datatype(models.TextChoices):
        STRING = "string", _("short text")
        NUMBER = "number", _("number")
        DATETIME = "datetime", _("date and time")
        TEXT = "text", _("long text")
        SINGLE = "singlevaluelist", _("one of a list")
        MULTI = "multivaluelist", _("several of a list")

    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="questions")
    code = models.SlugField(_("code"), max_length=40)
    datatype = models.CharField(_("datatype"), max_length=20, choices=Datatype.choices)
    description = models.CharField(_("question"), max_length=200)
    datatype_description = models.CharField(_("hint"), max_length=200, blank=True)
    required = models.BooleanField(_("required"), default=False)
    variable = models.BooleanField(default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    values = models.JSONField(_("choices"), default=list, blank=True)  # [{"key":..,"name":..}]

    class Meta:
        ordering = ["category", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["category", "code"], name="question_code")]

    def __str__(self) -> str:
        return self.code


class Open311Client(BaseModel):
    """A system allowed to post service requests; only a digest of its api_key is kept."""

    root = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=100)
    key_digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Open311 client")
        verbose_name_plural = _("Open311 clients")

    def __str__(self) -> str:
        return self.name


class ChannelMessage(models.Model):
    """The external id of a message on a channel, and the case it made (one case per
    message, however often the channel sends it)."""

    channel = models.CharField(max_length=16)
    external_id = models.CharField(max_length=200)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="channel_messages")
    received_at = models.DateTimeField(auto_now_add=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["channel", "external_id"], name="channel_message_once")
        ]

    def __str__(self) -> str:
        return f"{self.channel}:{self.external_id}"


class WechatAccount(BaseModel):
    """A WeChat official account (微信公众号) whose messages reach the register."""

    root = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    slug = models.SlugField(_("address"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    app_id = models.CharField("AppID", max_length=40)
    token = models.CharField("Token", max_length=64)
    encoding_aes_key = models.CharField(
        "EncodingAESKey", max_length=43, blank=True, help_text=_("Blank: plaintext mode.")
    )
    category = models.ForeignKey(
        Category, verbose_name=_("category of new cases"), on_delete=models.PROTECT
    )
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("WeChat account")
        verbose_name_plural = _("WeChat accounts")

    def __str__(self) -> str:
        return self.name


class ImportBatch(BaseModel):
    """An uploaded file of opinion-box slips or historical cases, checked then imported."""

    class State(models.TextChoices):
        PREVIEWED = "previewed", _("checked")
        RUNNING = "running", _("importing")
        DONE = "done", _("imported")
        FAILED = "failed", _("failed")

    root = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    channel = models.CharField(_("channel"), max_length=16)
    file_name = models.CharField(_("file"), max_length=200)
    stored = models.CharField(max_length=300)
    state = models.CharField(max_length=12, choices=State.choices, default=State.PREVIEWED)
    total = models.PositiveIntegerField(default=0)
    valid = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    error_count = models.PositiveIntegerField(default=0)
    message = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.file_name

    @property
    def percent(self) -> int:
        return int(100 * self.processed / self.valid) if self.valid else 100
