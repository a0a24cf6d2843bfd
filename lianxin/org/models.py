from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lianxin.core.models import BaseModel

PATH_STEP = 8  # digits per level in Unit.path


class Unit(BaseModel):
    """A unit of the tree: the organ (机关), its offices (科室) and the stations (站所).

    `path` is the materialized path of primary keys ("00000001.00000004."), so that the
    units under a unit, at any depth, are one indexed prefix query.
    """

    class Kind(models.TextChoices):
        ORGAN = "organ", _("organ")
        OFFICE = "office", _("office")
        STATION = "station", _("station")

    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    # Set by org.queries.unit_tree for the tree page (not stored).
    leaders: list[Person]
    secretaries: list[Person]

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    @property
    def ancestor_ids(self) -> list[int]:
        """Primary keys from the root down to this unit, read from the path."""
        return [int(part) for part in self.path.split(".") if part]

    @property
    def root_id(self) -> int:
        return self.ancestor_ids[0]


class Person(BaseModel):
    """A cadre or worker (干部/职工) with a login."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login"),
        on_delete=models.PROTECT,
        related_name="person",
    )
    name = models.CharField(_("name"), max_length=50)
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="people"
    )
    position = models.CharField(_("position"), max_length=50, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    is_party_member = models.BooleanField(_("party member"), default=False)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["unit__path", "name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    OPERATOR = "operator", _("operator")
    DISPATCHER = "dispatcher", _("dispatcher")
    HANDLER = "handler", _("handler")
    LEADER = "leader", _("principal leader")
    SECRETARY = "secretary", _("party secretary")
    SUPERVISOR = "supervisor", _("supervisor")
    INSPECTOR = "inspector", _("discipline inspector")
    ADMIN = "admin", _("administrator")


class RoleGrant(BaseModel):
    """A person holds a role on a unit (and, for governing roles, on the units under it)."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="grants"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="grants"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("role grant")
        verbose_name_plural = _("role grants")
        constraints = [
            models.UniqueConstraint(fields=["person", "unit", "role"], name="unique_role_grant")
        ]
        indexes = [models.Index(fields=["unit", "role"])]

    def __str__(self) -> str:
        return f"{self.person} · {self.unit} · {self.get_role_display()}"


class OrganisationOffice(BaseModel):
    """The unit that keeps the organisation's cadre records (组织人事, often the 办公室): the
    people holding a role on it read every cadre's record (干部档案)."""

    root = models.OneToOneField(Unit, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(
        Unit, verbose_name=_("organisation office"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("organisation office")
        verbose_name_plural = _("organisation offices")

    def __str__(self) -> str:
        return self.unit.name
