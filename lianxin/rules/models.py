"""Regulations (制度): versions made of numbered clauses (章, 条, 款), and the cadres'
confirmations that they have studied a version in force (对照执行)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lianxin.core.models import BaseModel
from lianxin.org.models import Person, Unit


class Regulation(BaseModel):
    root = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    code = models.SlugField(_("code"), max_length=40)
    title = models.CharField(_("title"), max_length=100)
    repealed_at = models.DateTimeField(_("repealed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("regulation")
        verbose_name_plural = _("regulations")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["root", "code"], name="regulation_code_per_root")
        ]

    def __str__(self) -> str:
        return self.title


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    IN_FORCE = "in_force", _("in force")
    REPEALED = "repealed", _("repealed")


class Version(BaseModel):
    regulation = models.ForeignKey(Regulation, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=10, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    issued_by = models.ForeignKey(
        Unit, verbose_name=_("issuing unit"), on_delete=models.PROTECT, related_name="+"
    )
    applies_to = models.ForeignKey(
        Unit,
        verbose_name=_("applies to the cadres of"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    document_no = models.CharField(_("document number"), max_length=60, blank=True)
    effective_date = models.DateField(_("effective date"), null=True, blank=True)
    text = models.TextField(_("text"))
    enforced_at = models.DateTimeField(null=True, blank=True)
    repealed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("regulation version")
        verbose_name_plural = _("regulation versions")
        ordering = ["regulation", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["regulation", "number"], name="version_number"),
            models.UniqueConstraint(
                fields=["regulation"],
                condition=models.Q(status="in_force"),
                name="one_version_in_force",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.regulation.title} v{self.number}"


class Clause(models.Model):
    """One 款 (paragraph) of one 条 (article), in its 章 (chapter) if the text has chapters."""

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="clauses")
    seq = models.PositiveIntegerField()
    chapter = models.PositiveIntegerField(default=0)
    chapter_title = models.CharField(max_length=100, blank=True)
    article = models.PositiveIntegerField()
    paragraph = models.PositiveIntegerField(default=1)
    text = models.TextField()

    class Meta:
        verbose_name = _("clause")
        verbose_name_plural = _("clauses")
        ordering = ["version", "seq"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "article", "paragraph"], name="clause_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.version.regulation.title} {self.label}"

    @property
    def label(self) -> str:
        from .parse import clause_label

        return clause_label(self.article, self.paragraph)

    @property
    def chapter_label(self) -> str:
        from .parse import cn_text

        return f"第{cn_text(self.chapter)}章" if self.chapter else ""

    @property
    def anchor(self) -> str:
        return f"a{self.article}-{self.paragraph}"


class Acknowledgement(BaseModel):
    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="acks")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("confirmation of study")
        verbose_name_plural = _("confirmations of study")
        constraints = [
            models.UniqueConstraint(fields=["version", "person"], name="one_ack_per_version")
        ]
