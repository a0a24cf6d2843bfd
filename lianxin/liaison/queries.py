"""Reads of contact work: diaries, unreviewed entries, the cadence of contact points."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from lianxin.core import clock
from lianxin.core.months import last_day
from lianxin.core.queries import rows_of
from lianxin.org.models import Person, Unit

from . import access
from .models import ContactPoint, Need, Place, Stint, Visit


def diary(people, *, month: date | None = None):
    qs = Visit.objects.filter(person__in=people).select_related("person", "place", "reviewed_by")
    if month:
        qs = qs.filter(day__gte=month, day__lte=last_day(month))
    return qs.prefetch_related("needs__case").order_by("-day", "-pk")


def unreviewed(people):
    """Entries older than a month that no leader has checked."""
    cutoff = timezone.localdate(clock.now()) - timedelta(days=30)
    return diary(people).filter(reviewed_at__isnull=True, day__lte=cutoff)


def cadence(people, month: date) -> list[dict]:
    """Per contact point of these people: visits asked this month, done, and the state
    (done, due, overdue once the month is over) - two queries."""
    points = list(
        ContactPoint.objects.filter(person__in=people, is_active=True)
        .select_related("person__unit", "place")
        .order_by("person__unit__path", "person__name")
    )
    done = {
        (r["person"], r["place"]): r["n"]
        for r in Visit.objects.filter(person__in=people, day__gte=month, day__lte=last_day(month))
        .values("person", "place")
        .annotate(n=Count("id"))
    }
    today = timezone.localdate(clock.now())
    rows = []
    for p in points:
        n = done.get((p.person_id, p.place_id), 0)
        state = (
            "done" if n >= p.visits_per_month else ("overdue" if today > last_day(month) else "due")
        )
        rows.append({"point": p, "done": n, "asked": p.visits_per_month, "state": state})
    return rows


def need_counts(people) -> dict:
    from .models import Need

    qs = Need.objects.filter(visit__person__in=people)
    return qs.aggregate(
        total=Count("id"),
        cases=Count("id", filter=Q(case__isnull=False)),
        closed=Count("id", filter=Q(case__status="closed")),
    )


# -- a cadre's year, for his record (干部档案); each read is a fixed number of queries ------


def diary_of_year(person, year: int):
    """His diary entries of the year, with place, checker and the number of needs (one
    query)."""
    return (
        Visit.objects.filter(person=person, day__year=year)
        .select_related("place", "reviewed_by")
        .annotate(
            need_count=Count("needs", distinct=True),
            case_count=Count("needs", filter=Q(needs__case__isnull=False), distinct=True),
        )
        .order_by("-day", "-pk")
    )


def cadence_of_year(person, year: int) -> list[dict]:
    """Per contact point of his: months owed this year (January, or the month it was assigned
    when that is in the year, up to the current month), visits owed and done, months in which
    the cadence was met (two queries)."""
    from django.db.models.functions import TruncMonth

    today = timezone.localdate(clock.now())
    if year > today.year:
        return []
    last = today.month if year == today.year else 12
    points = list(
        ContactPoint.objects.filter(person=person, is_active=True)
        .select_related("place")
        .order_by("place__name")
    )
    done: dict[tuple[int, int], int] = {}
    for row in (
        Visit.objects.filter(person=person, day__year=year)
        .annotate(m=TruncMonth("day"))
        .values("place", "m")
        .annotate(n=Count("id"))
    ):
        done[(row["place"], row["m"].month)] = row["n"]
    rows = []
    for p in points:
        assigned = timezone.localdate(p.created_at)
        first = assigned.month if assigned.year == year and assigned <= today else 1
        if assigned.year > year and assigned <= today:
            continue
        months = range(first, last + 1)
        counts = [done.get((p.place_id, m), 0) for m in months]
        rows.append(
            {
                "point": p,
                "months": len(counts),
                "asked": p.visits_per_month * len(counts),
                "done": sum(counts),
                "months_met": sum(1 for n in counts if n >= p.visits_per_month),
            }
        )
    return rows


def stints_of_year(person, year: int):
    """His stationed stints that fall (at least partly) in the year (one query)."""
    return (
        Stint.objects.filter(person=person, starts_on__year__lte=year, ends_on__year__gte=year)
        .select_related("place")
        .order_by("starts_on")
    )


def contact_points_of(people):
    """The contact points in force of these cadres (the API's list)."""
    return (
        ContactPoint.objects.filter(person__in=people, is_active=True)
        .select_related("person", "place")
        .order_by("person__name", "place__name")
    )


def places_of(root):
    from .models import Place

    return Place.objects.filter(unit__path__startswith=root.path, is_active=True)


def places_for(person: Person) -> QuerySet[Place]:
    """The active places in the cadre's units (his own unit and those he holds a role on),
    where he may record a visit."""
    q = Q(pk__in=[])
    for path in access.cadre_paths(person):
        q |= Q(unit__path__startswith=path)
    return Place.objects.filter(q, is_active=True).order_by("name")


def points_of(person: Person) -> QuerySet[ContactPoint]:
    return person.contact_points.select_related("place")


def recent_stints(person: Person, *, limit: int = 5) -> QuerySet[Stint]:
    return person.stints.select_related("place")[:limit]


def needs_of(visit: Visit) -> QuerySet[Need]:
    """The needs a visit heard, with the case each became."""
    return visit.needs.select_related("case")


def needs_listed(visit: Visit) -> list[Need]:
    """`needs_of` as read with the visit (`diary`), else one query."""
    return rows_of(visit, "needs", lambda: needs_of(visit))


def place_by_pk(pk: int) -> Place | None:
    """A place by its id, with its unit (the action asks whether it is the cadre's)."""
    return Place.objects.filter(pk=pk).select_related("unit").first()


def place_of(root: Unit, pk: int) -> Place | None:
    """An active place of the organisation by its id, with its unit."""
    return places_of(root).filter(pk=pk).select_related("unit").first()


def cadres_by_unit(people: QuerySet[Person]) -> QuerySet[Person]:
    return people.order_by("unit__path", "name")


def only_person(people: QuerySet[Person], person_id: int) -> QuerySet[Person]:
    return people.filter(pk=person_id)


def unreviewed_of_others(people: QuerySet[Person], me: Person | None) -> QuerySet[Visit]:
    """Unreviewed entries of these people but the reader's own (he does not check himself)."""
    return unreviewed(people.exclude(pk=me.pk) if me else people)


def cadres_of(root: Unit) -> QuerySet[Person]:
    """The organisation's active people, by name (whom a point or a stint is given to)."""
    return Person.objects.filter(unit__path__startswith=root.path, is_active=True).order_by("name")


def all_places_of(root: Unit) -> QuerySet[Place]:
    """Every place of the organisation, active or not, with its unit."""
    return Place.objects.filter(unit__path__startswith=root.path).select_related("unit")


def point_list(people: QuerySet[Person]) -> QuerySet[ContactPoint]:
    return ContactPoint.objects.filter(person__in=people).select_related("person", "place")


def stint_list(people: QuerySet[Person]) -> QuerySet[Stint]:
    return Stint.objects.filter(person__in=people).select_related("person", "place")


def stations_of(root: Unit) -> QuerySet[Unit]:
    return Unit.objects.filter(path__startswith=root.path, kind=Unit.Kind.STATION)


def offices_of(root: Unit) -> QuerySet[Unit]:
    """The organ and its offices (every unit but the stations), which a research problem
    may be given to."""
    return (
        Unit.objects.filter(path__startswith=root.path)
        .exclude(kind=Unit.Kind.STATION)
        .order_by("path")
    )


def office_of(root: Unit, pk: int) -> Unit | None:
    return offices_of(root).filter(pk=pk).first()


def station_of(root: Unit, pk: int) -> Unit | None:
    return stations_of(root).filter(pk=pk).first()


def problems_of(visit) -> list:
    """The problems a research visit raised, with their office and case, as read with the
    visit (`research_visits`), else one query."""
    return rows_of(visit, "problems", lambda: visit.problems.select_related("case", "office"))


def research_visits(root):
    """The organisation's research visits with their problems and cases, newest first."""
    from .models import ResearchVisit

    return (
        ResearchVisit.objects.filter(station__path__startswith=root.path)
        .select_related("station", "created_by")
        .prefetch_related("problems__case", "problems__office")
        .order_by("-day", "-pk")
    )
