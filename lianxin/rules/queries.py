"""Reading regulations: what is in force, search, clause lookup, study completion."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from lianxin.core.queries import rows_of
from lianxin.core.text import line_diff
from lianxin.org.models import Person, Unit

from .models import Acknowledgement, Clause, Regulation, Version, VersionStatus


def in_force(root):
    return (
        Version.objects.filter(regulation__root=root, status=VersionStatus.IN_FORCE)
        .select_related("regulation", "issued_by")
        .order_by("regulation__code")
    )


def search(root, words: str, *, limit: int = 50):
    """Clauses in force containing every word (spaces separate words)."""
    q = Q()
    for word in (words or "").split()[:8]:
        q &= Q(text__icontains=word)
    return (
        Clause.objects.filter(q, version__regulation__root=root, version__status="in_force")
        .select_related("version__regulation")
        .order_by("version__regulation__code", "seq")[:limit]
    )


def find_clause(version: Version, article: int, paragraph: int | None) -> list[Clause]:
    qs = version.clauses.filter(article=article)
    if paragraph:
        qs = qs.filter(paragraph=paragraph)
    return list(qs)


def chapters(version: Version) -> list[tuple[int, str, list[list[Clause]]]]:
    """(chapter, title, articles) with each article a list of its clauses, in order."""
    out: list[tuple[int, str, list[list[Clause]]]] = []
    for c in version.clauses.all():
        if not out or out[-1][0] != c.chapter:
            out.append((c.chapter, c.chapter_title, []))
        articles = out[-1][2]
        if not articles or articles[-1][0].article != c.article:
            articles.append([])
        articles[-1].append(c)
    return out


def clauses_of(version: Version) -> list[Clause]:
    """The version's clauses in order (one query)."""
    return list(version.clauses.all())


def clause_lines(version: Version) -> list[str]:
    return [f"{c.label} {c.text}" for c in version.clauses.all()]


def diff(old: Version, new: Version) -> list[tuple[str, str]]:
    return line_diff(clause_lines(old), clause_lines(new))


def public_version(root, code: str, number: int | None = None) -> Version | None:
    """The version the public may read: in force, or a given one that has been in force."""
    regulation = Regulation.objects.filter(root=root, code=code).first()
    if regulation is None:
        return None
    versions = regulation.versions.exclude(status=VersionStatus.DRAFT).select_related(
        "regulation", "issued_by"
    )
    if number is None:
        return versions.filter(status=VersionStatus.IN_FORCE).first()
    return versions.filter(number=number).first()


@dataclass
class UnitStudy:
    unit: object
    total: int = 0
    done: int = 0
    missing: list = field(default_factory=list)

    @property
    def rate(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100


def study_by_unit(version: Version) -> list[UnitStudy]:
    """Per unit the version applies to: how many cadres confirmed, and who is missing."""
    from .actions import cadres_of

    done = set(Acknowledgement.objects.filter(version=version).values_list("person_id", flat=True))
    units: dict[int, UnitStudy] = {}
    for person in cadres_of(version).order_by("unit__path", "name"):
        row = units.setdefault(person.unit_id, UnitStudy(person.unit))
        row.total += 1
        if person.pk in done:
            row.done += 1
        else:
            row.missing.append(person)
    return list(units.values())


def acknowledgements_of_year(person, year: int):
    """The versions of regulations he confirmed having studied in the year (one query)."""
    return (
        Acknowledgement.objects.filter(person=person, created_at__year=year)
        .select_related("version__regulation")
        .order_by("created_at")
    )


def regulations_of(root):
    """The organisation's regulations with their versions (for the API's list)."""
    return Regulation.objects.filter(root=root).prefetch_related("versions").order_by("code")


def regulation_of(root, pk: int) -> Regulation:
    """One of `regulations_of` (with its versions) by its id."""
    return regulations_of(root).get(pk=pk)


def versions_listed(regulation: Regulation) -> list[Version]:
    """The regulation's versions as read with it (`regulations_of`), else one query."""
    return rows_of(regulation, "versions", lambda: regulation.versions.all())


def regulation_rows(root: Unit, person: Person | None) -> list[dict]:
    """The organisation's regulations for the workbench list (two or three queries): each
    with its version in force, its draft, and whether `person` confirmed studying it."""
    acked = (
        set(Acknowledgement.objects.filter(person=person).values_list("version_id", flat=True))
        if person
        else set()
    )
    rows = []
    for r in regulations_of(root):
        versions = versions_listed(r)
        current = next((v for v in versions if v.status == VersionStatus.IN_FORCE), None)
        draft = next((v for v in versions if v.status == VersionStatus.DRAFT), None)
        rows.append(
            {"r": r, "current": current, "draft": draft, "acked": current and current.pk in acked}
        )
    return rows


def public_versions(regulation: Regulation) -> list[Version]:
    """The versions of a regulation the public may read (all but drafts), newest first."""
    return list(regulation.versions.exclude(status=VersionStatus.DRAFT).order_by("-number"))


def versions_of(regulation: Regulation) -> list[Version]:
    """Every version of a regulation, newest first, with who issued it and to whom."""
    return list(regulation.versions.select_related("issued_by", "applies_to"))


def applies_to(version: Version, person: Person | None) -> bool:
    """Whether the version is to be studied by the person (active, in its unit or below)."""
    return person is not None and (
        Person.objects.filter(
            pk=person.pk, unit__path__startswith=version.applies_to.path, user__is_active=True
        ).exists()
    )


def acknowledged(version: Version, person: Person | None) -> bool:
    return Acknowledgement.objects.filter(version=version, person=person).exists()


def previous_version(version: Version) -> Version | None:
    return version.regulation.versions.filter(number__lt=version.number).order_by("-number").first()


def versions_in_force(regulations) -> list[Version]:
    """The version in force of each regulation chosen for a booklet, in their order."""
    return [r.versions.get(status=VersionStatus.IN_FORCE) for r in regulations]
