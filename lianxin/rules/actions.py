"""Changes to regulations: one transaction and one audit event each, notices on commit."""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from lianxin.core import clock
from lianxin.core.actor import is_system, login_of
from lianxin.core.audit import record_event
from lianxin.core.errors import ApplicationError
from lianxin.core.models import Notice
from lianxin.core.notify import notify_staff
from lianxin.core.text import clean_text
from lianxin.org.access import person_of
from lianxin.org.models import Person, Unit

from . import access
from .models import Acknowledgement, Clause, Regulation, Version, VersionStatus
from .parse import parse

CODE_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,39}$")


def _manager(actor, root: Unit) -> None:
    if not is_system(actor) and not access.manages(actor, root):
        raise PermissionDenied


def regulation_create(*, root: Unit, code: str, title: str, actor) -> Regulation:
    _manager(actor, root)
    code = (code or "").strip().lower()
    if not CODE_RE.match(code):
        raise ApplicationError(
            _("Use 2 to 40 lower-case letters, digits and hyphens, e.g. zuofeng-guiding."),
            field="code",
        )
    title = clean_text(title, field="title", label=_("The title"), limit=100)
    try:
        with transaction.atomic():
            regulation = Regulation.objects.create(root=root, code=code, title=title)
            record_event(actor=actor, action="rules.regulation_created", obj=regulation)
    except IntegrityError:
        raise ApplicationError(_("Another regulation has this code."), field="code") from None
    return regulation


def _check_units(root: Unit, issued_by: Unit, applies_to: Unit) -> None:
    for unit, field in ((issued_by, "issued_by"), (applies_to, "applies_to")):
        if unit is None or unit.root_id != root.pk:
            raise ApplicationError(_("Choose a unit of this organisation."), field=field)


def version_draft(
    *,
    regulation: Regulation,
    text: str,
    issued_by: Unit,
    applies_to: Unit,
    document_no: str = "",
    effective_date=None,
    actor,
) -> Version:
    """A new draft (the text of the version in force to start from, if the caller gives it)."""
    _manager(actor, regulation.root)
    text = clean_text(text, field="text", label=_("The text"), limit=200_000)
    clauses = parse(text)
    _check_units(regulation.root, issued_by, applies_to)
    with transaction.atomic():
        Regulation.objects.select_for_update().get(pk=regulation.pk)
        if regulation.versions.filter(status=VersionStatus.DRAFT).exists():
            raise ApplicationError(_("There is already a draft: change that one."))
        number = (regulation.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        version = Version.objects.create(
            regulation=regulation,
            number=number,
            issued_by=issued_by,
            applies_to=applies_to,
            document_no=(document_no or "").strip()[:60],
            effective_date=effective_date,
            text=text,
            created_by=login_of(actor),
        )
        _write_clauses(version, clauses)
        record_event(actor=actor, action="rules.version_drafted", obj=version)
    return version


def _write_clauses(version: Version, clauses) -> None:
    version.clauses.all().delete()
    Clause.objects.bulk_create(
        Clause(
            version=version,
            seq=i,
            chapter=c.chapter,
            chapter_title=c.chapter_title,
            article=c.article,
            paragraph=c.paragraph,
            text=c.text,
        )
        for i, c in enumerate(clauses, start=1)
    )


def version_update(
    *, version: Version, text: str, document_no: str = "", effective_date=None, actor
) -> Version:
    _manager(actor, version.regulation.root)
    text = clean_text(text, field="text", label=_("The text"), limit=200_000)
    clauses = parse(text)
    with transaction.atomic():
        version = Version.objects.select_for_update().get(pk=version.pk)
        if version.status != VersionStatus.DRAFT:
            raise ApplicationError(_("Only a draft can be changed; start a new version."))
        version.text = text
        version.document_no = (document_no or "").strip()[:60]
        version.effective_date = effective_date
        version.save()
        _write_clauses(version, clauses)
        record_event(actor=actor, action="rules.version_updated", obj=version)
    return version


def cadres_of(version: Version):
    """The people the version applies to: every active person of the unit and below."""
    return Person.objects.filter(
        unit__path__startswith=version.applies_to.path, user__is_active=True
    ).select_related("user", "unit")


def study_url(version_pk: int) -> str:
    return f"/workbench/rules/versions/{version_pk}/"


def _withdraw_study_requests(version_pks, at) -> None:
    """A repealed version is no longer to be studied: the requests to study it that nobody
    has opened leave the inboxes (marked read at the repeal)."""
    Notice.objects.filter(
        url__in=[study_url(pk) for pk in version_pks], read_at__isnull=True
    ).update(read_at=at)


def version_enforce(*, version: Version, actor) -> Version:
    """The draft comes into force; the version it replaces is repealed (and no longer asked
    to be studied); every cadre it applies to is asked to confirm having studied it."""
    _manager(actor, version.regulation.root)
    at = clock.now()
    with transaction.atomic():
        version = (
            Version.objects.select_for_update().select_related("regulation").get(pk=version.pk)
        )
        if version.status != VersionStatus.DRAFT:
            raise ApplicationError(_("Only a draft can come into force."))
        if version.effective_date and version.effective_date > at.date():
            raise ApplicationError(
                _("Its effective date has not come: put it in force on %(d)s.")
                % {"d": version.effective_date.isoformat()}
            )
        replaced = list(
            version.regulation.versions.filter(status=VersionStatus.IN_FORCE).values_list(
                "pk", flat=True
            )
        )
        Version.objects.filter(pk__in=replaced).update(
            status=VersionStatus.REPEALED, repealed_at=at
        )
        _withdraw_study_requests(replaced, at)
        version.status = VersionStatus.IN_FORCE
        version.enforced_at = at
        version.effective_date = version.effective_date or at.date()
        version.save()
        version.regulation.repealed_at = None
        version.regulation.save(update_fields=["repealed_at", "updated_at"])
        record_event(
            actor=actor,
            action="rules.version_enforced",
            obj=version,
            after={"replaces": replaced},
        )
        notify_staff(
            [p.user for p in cadres_of(version)],
            title=_("Study and confirm: %(title)s (version %(n)d)")
            % {"title": version.regulation.title, "n": version.number},
            url=study_url(version.pk),
        )
    return version


def regulation_repeal(*, regulation: Regulation, actor) -> Regulation:
    _manager(actor, regulation.root)
    at = clock.now()
    with transaction.atomic():
        regulation = Regulation.objects.select_for_update().get(pk=regulation.pk)
        if regulation.repealed_at:
            raise ApplicationError(_("The regulation is already repealed."))
        repealed = list(
            regulation.versions.filter(status=VersionStatus.IN_FORCE).values_list("pk", flat=True)
        )
        Version.objects.filter(pk__in=repealed).update(
            status=VersionStatus.REPEALED, repealed_at=at
        )
        _withdraw_study_requests(repealed, at)
        regulation.repealed_at = at
        regulation.save(update_fields=["repealed_at", "updated_at"])
        record_event(actor=actor, action="rules.regulation_repealed", obj=regulation)
    return regulation


def version_acknowledge(*, version: Version, actor) -> Acknowledgement:
    """The cadre confirms having studied the version in force (once; again is the same)."""
    person = person_of(actor)
    if person is None or not cadres_of(version).filter(pk=person.pk).exists():
        raise ApplicationError(_("This version does not apply to you."))
    if version.status != VersionStatus.IN_FORCE:
        raise ApplicationError(_("Only a version in force is confirmed."))
    with transaction.atomic():
        ack, created = Acknowledgement.objects.get_or_create(version=version, person=person)
        if created:
            record_event(actor=actor, action="rules.version_acknowledged", obj=version)
    return ack
