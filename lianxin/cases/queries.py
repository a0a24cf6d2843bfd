"""Reads of cases: queues with filters, the timeline, earlier cases of a caller, the
knowledge base, problem lists, the public message board. Each list is a fixed number of
queries whatever its length."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from lianxin.core import clock
from lianxin.org.access import person_of
from lianxin.org.models import Person, Role, RoleGrant, Unit

from . import access, keyset, search
from .models import (
    OPEN_STATUSES,
    Appeal,
    Attachment,
    Case,
    CaseEvent,
    Category,
    Extension,
    Kind,
    ReplyTemplate,
    Status,
    TimeLimit,
)

LIST_RELATED = ("category", "lead_unit", "handler")


@dataclass
class CaseFilter:
    tab: str = "all"
    status: str = ""
    overdue: bool = False
    unit: Unit | None = None
    channel: str = ""
    category: int | None = None
    kind: str = ""
    since: date | None = None
    until: date | None = None
    q: str = ""
    nothing: bool = False  # the filter could not be read: show nothing rather than all


def _unit_id(path: str) -> int:
    return int(path.rstrip(".").rsplit(".", 1)[-1])


def _start(d: date) -> datetime:
    return timezone.make_aware(datetime.combine(d, time.min))


def visible_cases(user, root: Unit) -> QuerySet[Case]:
    return Case.objects.filter(access.visible_filter(user, root))


def case_list(user, root: Unit, f: CaseFilter) -> QuerySet[Case]:
    """The cases the user may see, filtered; joined for list pages (one query)."""
    qs = visible_cases(user, root).select_related(*LIST_RELATED)
    if f.nothing:
        return qs.none()
    person = person_of(user)
    now = clock.now()
    if f.tab == "incoming":
        qs = qs.filter(status=Status.RECEIVED)
    elif f.tab == "mine":
        # the unit's id is the last step of its path (org.models.Unit.path): the filter is
        # then on cases' own (lead_unit, status) index, not on a join to the units
        handler_units = [_unit_id(p) for r, p in access.grants_of(user) if r == Role.HANDLER]
        mine = Q(handler=person) if person else Q(pk__in=[])
        if handler_units:
            mine |= Q(handler__isnull=True, lead_unit_id__in=handler_units)
        qs = qs.filter(mine, status__in=[Status.DISPATCHED, Status.IN_PROGRESS])
    elif f.tab == "review":
        # the few cases with a pending extension or appeal are read first (one query), so
        # that the filter is two index lookups ORed, not two subqueries run on every case
        pending = (
            Extension.objects.filter(state="pending").order_by().values_list("case_id", flat=True)
        ).union(Appeal.objects.filter(state="pending").order_by().values_list("case_id", flat=True))
        qs = qs.filter(Q(review_pending=True) | Q(pk__in=list(pending)))
    elif f.tab == "supervised":
        qs = qs.filter(supervision__gt=0, status__in=OPEN_STATUSES)
    elif f.tab == "problems":
        qs = qs.filter(kind=Kind.PROBLEM)
    if f.status:
        qs = qs.filter(status=f.status)
    if f.overdue:
        qs = qs.filter(
            status__in=[Status.DISPATCHED, Status.IN_PROGRESS],
            reply_due__lt=now,
            paused_at__isnull=True,
        )
    if f.unit is not None:
        qs = qs.filter(lead_unit__path__startswith=f.unit.path)
    if f.channel:
        qs = qs.filter(channel=f.channel)
    if f.category:
        qs = qs.filter(category_id=f.category)
    if f.kind:
        qs = qs.filter(kind=f.kind)
    if f.since:
        qs = qs.filter(received_at__gte=_start(f.since))
    if f.until:
        qs = qs.filter(received_at__lt=_start(f.until + timedelta(days=1)))
    if f.q.strip():
        q = f.q.strip()
        digits = q.replace("-", "")
        if _number(q):
            qs = qs.filter(
                Q(code__startswith=digits) | Q(citizen_phone=q) | Q(citizen_phone=digits)
            )
        else:
            qs = qs.filter(search.words_filter(q) | Q(code=q))
    return qs.order_by(*list_order(f.tab))


WORK_TABS = ("incoming", "mine")


def case_slice(
    user, root: Unit, f: CaseFilter, *, offset: int, limit: int
) -> tuple[list[Case], int]:
    """The rows `offset` to `offset + limit` of `case_list` and how many it holds, counted up
    to COUNT_CAP + 1 (two queries, the API's list by offset)."""
    qs = case_list(user, root, f)
    return list(qs[offset : offset + limit]), capped_count(qs)


def case_count(user, root: Unit, f: CaseFilter) -> int:
    """How many cases `case_list` holds, counted up to COUNT_CAP + 1."""
    return capped_count(case_list(user, root, f))


def list_order(tab: str) -> tuple[str, ...]:
    """The order of a list: the work queues (what came in, my cases) put urgent cases first,
    then the case that has waited longest; the other tabs show the newest first."""
    if tab in WORK_TABS:
        return ("-urgent", "received_at", "id")
    return ("-received_at", "-id")


def dispatch_handlers(root: Unit) -> list[tuple[Person, list[int]]]:
    """The active staff of the organisation, each with the units he may handle cases for
    (his own unit and the units where he holds the handler role): the dispatch form lists
    only those of the chosen unit (two queries)."""
    people = list(
        Person.objects.filter(unit__path__startswith=root.path, is_active=True)
        .select_related("unit")
        .order_by("unit__path", "name")
    )
    grants: dict[int, list[int]] = {}
    for person_id, unit_id in RoleGrant.objects.filter(
        role=Role.HANDLER, unit__path__startswith=root.path
    ).values_list("person_id", "unit_id"):
        grants.setdefault(person_id, []).append(unit_id)
    return [(p, sorted({p.unit_id, *grants.get(p.pk, [])})) for p in people]


def _number(q: str) -> bool:
    """A phone number or the start of a case code (11 digits or more), not words."""
    digits = q.strip().replace("-", "")
    return digits.isdigit() and len(digits) >= 11


SEARCH_KEYS = ["-hit", "-received_at", "-id"]
SEARCH_WINDOW = 1000  # a word search ranks the newest this many matches
# the newest matches are looked for in the last month, then the last year, then in all:
# the first span holding SEARCH_WINDOW matches holds the newest SEARCH_WINDOW of them
SEARCH_SPANS = (timedelta(days=31), timedelta(days=366))


def _search_window(matches: QuerySet) -> list[int] | QuerySet:
    """The newest SEARCH_WINDOW matches (their pks, newest first), found in the shortest
    span of SEARCH_SPANS that holds that many: the index of the words ANDed with the date
    range reads the matches of a month, not the 100,000 matches of a frequent word over
    years. A span's pks are read once (one query a span tried) and handed to the page's
    query as they are, so the words are not searched again for the page (at 1,000,000
    cases the word index's scan is most of a search's time: docs/scale.md); when no span
    holds that many, the page's query reads the newest matches of all time itself."""
    newest = matches.order_by("-received_at", "-id").values_list("pk", flat=True)
    at = clock.now()
    for span in SEARCH_SPANS:
        pks = list(newest.filter(received_at__gte=at - span)[:SEARCH_WINDOW])
        if len(pks) == SEARCH_WINDOW:
            return pks
    return newest[:SEARCH_WINDOW]


def case_page(
    user,
    root: Unit,
    f: CaseFilter,
    *,
    after: str = "",
    before: str = "",
    size: int = 50,
    **annotate,
) -> keyset.KeysetPage:
    """One page of the register in its tab's order (`list_order`), by keyset (a cursor, not
    OFFSET); a search by words is ranked (`search_cases`). `annotate`: extra columns for the
    page (one query)."""
    if f.q.strip() and not _number(f.q):
        return search_cases(user, root, f.q, f=f, after=after, before=before, size=size, **annotate)
    qs = case_list(user, root, f).annotate(**annotate)
    return keyset.page(
        qs,
        list(list_order(f.tab)),
        after=after,
        before=before,
        size=size,
        datetimes=("received_at",),
    )


def search_cases(
    user,
    root: Unit,
    words: str,
    *,
    f: CaseFilter | None = None,
    after: str = "",
    before: str = "",
    size: int = 50,
    **annotate,
) -> keyset.KeysetPage:
    """The cases the user sees whose title or content holds the words (any length, any
    script; the index used depends on the database and the length: cases/search.py), or
    whose code is the words; ranked: a hit in the title first, then the newest; among the
    newest SEARCH_WINDOW matches (narrow by dates for older ones). One query a page, and
    one for each span of SEARCH_SPANS tried (`_search_window`)."""
    f = replace(f or CaseFilter(), q=words)
    window = _search_window(case_list(user, root, f))
    qs = (
        Case.objects.filter(pk__in=window)
        .select_related(*LIST_RELATED)
        .annotate(hit=search.title_hit(words), **annotate)
    )
    return keyset.page(
        qs, SEARCH_KEYS, after=after, before=before, size=size, datetimes=("received_at",)
    )


def caller_history(root: Unit, phone: str, *, limit: int = 10) -> list[Case]:
    """The caller's earlier cases (repeat callers), newest first (one query)."""
    if not phone:
        return []
    return list(
        Case.objects.filter(root=root, citizen_phone=phone)
        .select_related(*LIST_RELATED)
        .order_by("-received_at")[:limit]
    )


def timeline(case: Case, *, public_only: bool = False) -> list[CaseEvent]:
    """The entries in order, each with `.files`: the attachments that came with it. (Their
    actor is named by `actor_label`: the login is not read.)"""
    qs = case.events.order_by("seq")
    events = list(qs.filter(public=True) if public_only else qs)
    by_seq: dict[int, list[Attachment]] = {}
    for attachment in case.attachments.all():
        by_seq.setdefault(attachment.event_seq, []).append(attachment)
    for event in events:
        event.files = by_seq.get(event.seq, [])
    return events


def attachment_of(case: Case, pk: int, *, public_only: bool = False):
    """One attachment of this case (of a public entry only, for the citizen); 404 otherwise."""
    from django.http import Http404

    attachment = case.attachments.filter(pk=pk).first()
    if attachment is None or (
        public_only and not case.events.filter(seq=attachment.event_seq, public=True).exists()
    ):
        raise Http404
    return attachment


# -- knowledge base: earlier reusable answers, and sources other apps register (service
# guides, regulations) as functions (root, words) -> list of KnowledgeHit.


@dataclass
class KnowledgeHit:
    source: str
    title: str
    text: str
    url: str = ""


KNOWLEDGE_SOURCES: list[Callable[[Unit, list[str]], list[KnowledgeHit]]] = []


def _reusable_answers(root: Unit, words: list[str]) -> list[KnowledgeHit]:
    """Earlier answers marked reusable that share a word with the query, those sharing
    the most words first (one query)."""
    from django.utils.translation import gettext as _

    any_word = Q()
    for word in words:
        any_word |= Q(title__icontains=word) | Q(content__icontains=word) | Q(reply__icontains=word)
    rows = list(
        Case.objects.filter(any_word, root=root, reply_reusable=True)
        .exclude(reply="")
        .order_by("-replied_at")[:50]
    )

    def score(case):
        text = f"{case.title} {case.content} {case.reply}"
        return sum(word in text for word in words)

    rows.sort(key=score, reverse=True)
    return [KnowledgeHit(_("Earlier answer"), c.title, c.reply) for c in rows[:5]]


def knowledge(root: Unit, text: str) -> list[KnowledgeHit]:
    words = [w for w in (text or "").split() if len(w) >= 2][:5]
    if not words:
        return []
    hits = _reusable_answers(root, words)
    for source in KNOWLEDGE_SOURCES:
        hits += source(root, words)
    return hits[:10]


def problem_list(user, unit: Unit) -> QuerySet[Case]:
    """Internal problems led by the unit or a unit under it (问题清单) that the user sees."""
    root = unit if unit.parent_id is None else Unit.objects.get(pk=unit.root_id)
    return (
        visible_cases(user, root)
        .filter(kind=Kind.PROBLEM, lead_unit__path__startswith=unit.path)
        .select_related(*LIST_RELATED, "issuer")
        .order_by("status", "reply_due", "-received_at")
    )


def submitted(submit_key: str) -> bool:
    """Whether a submission of this key already made its case (a double-click's second
    request, a retry)."""
    return Case.objects.filter(submit_key=submit_key).exists()


def tracked_case(code: str) -> Case | None:
    """The case of this code, with what the citizen's page of it shows."""
    return Case.objects.select_related("category", "lead_unit", "root").filter(code=code).first()


def board(*, q: str = "") -> QuerySet[Case]:
    """Cases on the public message board: the citizen agreed and the case has an answer."""
    qs = Case.objects.filter(
        is_public=True, status__in=[Status.REPLIED, Status.CLOSED]
    ).select_related("category", "lead_unit")
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(content__icontains=q) | Q(code=q))
    return qs.order_by("-replied_at", "-id")


def board_case(code: str) -> Case | None:
    """The case of this code if it is on the public message board."""
    return board().filter(code=code).first()


def public_notice(at: datetime) -> QuerySet[Case]:
    """Cases the organ lists for the public (督办公示): those under its supervision whose reply
    is overdue at `at` (not while waiting for the citizen), and those flagged (挂牌督办).
    Never an internal problem (问题整改 is not for the public)."""
    from .models import Supervision

    return (
        Case.objects.filter(public_notice=True, status__in=[Status.DISPATCHED, Status.IN_PROGRESS])
        .exclude(kind=Kind.PROBLEM)
        .filter(Q(reply_due__lt=at, paused_at__isnull=True) | Q(supervision=Supervision.FLAGGED))
        .select_related("category", "lead_unit")
        .order_by("reply_due")
    )


def return_counts(root: Unit, since: datetime) -> list[dict]:
    """How often each unit of the organisation returned cases since a time (two queries).
    The returns are told apart by the unit that returned them (the entry's `data.unit`, the
    case's lead unit, always a unit of the case's organisation: `case_dispatch`), not by a
    join to each returned case's organisation: at 1,000,000 cases the month's 2,000 returns
    took 2,000 lookups of their cases, most of the queue's SQL (docs/scale.md)."""
    names = dict(Unit.objects.filter(path__startswith=root.path).values_list("pk", "name"))
    rows = (
        CaseEvent.objects.filter(action="return", at__gte=since, data__unit__in=list(names))
        .values("data__unit")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    return [{"unit": names[r["data__unit"]], "count": r["n"]} for r in rows]


def decline_counts(root: Unit, since: datetime) -> list[dict]:
    """Items not accepted since a time, by reason (counted apart from the figures; one
    query)."""
    from .models import DeclineReason

    rows = (
        Case.objects.filter(root=root, status=Status.DECLINED, closed_at__gte=since)
        .values("decline_reason")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    return [
        {
            "reason": r["decline_reason"],
            "label": DeclineReason(r["decline_reason"]).label,
            "count": r["n"],
        }
        for r in rows
        if r["decline_reason"] in DeclineReason.values
    ]


def case_by_code(root: Unit, code: str) -> Case | None:
    """A case of this organisation by its code (the caller checks that its reader sees it)."""
    return Case.objects.filter(code=code, root=root).first()


def pending_extension(case: Case) -> Extension | None:
    return (
        case.extensions.filter(state=Extension.State.PENDING).select_related("requested_by").first()
    )


def pending_appeal(case: Case) -> Appeal | None:
    return case.appeals.filter(state=Appeal.State.PENDING).select_related("requested_by").first()


def handlers_of(unit: Unit):
    from lianxin.org.queries import people_with_role

    return people_with_role(Role.HANDLER, unit)


COUNT_CAP = 1000  # the workbench counts up to this many, then shows "1000+"


def capped_count(qs: QuerySet, cap: int | None = None) -> int:
    """How many rows, counted up to cap + 1 (`SELECT count(*) FROM (... LIMIT cap + 1)`):
    a counter on a page stops there instead of reading every row of a large register, and
    the page shows "1000+" (the template filter `capped`)."""
    cap = COUNT_CAP if cap is None else cap
    return qs.order_by().values("pk")[: cap + 1].count()


def work_counts(user, root: Unit) -> dict[str, int]:
    """The numbers on the workbench home: my open cases, incoming, to decide, overdue; each
    counted up to COUNT_CAP + 1 (`capped_count`)."""
    counts = {}
    for tab in ("mine", "incoming", "review"):
        counts[tab] = capped_count(case_list(user, root, CaseFilter(tab=tab)))
    counts["overdue"] = capped_count(case_list(user, root, CaseFilter(overdue=True)))
    return counts


def handled_of_year(person, year: int) -> tuple[QuerySet[Case], dict]:
    """Cases he handled that were received in the year, and their figures (handled, replied,
    rated, satisfied: rated 5 or 4, solved; ratings excluded after an appeal do not count)
    (two queries). A complaint transferred to the discipline office is not his any more
    (its handlers lose sight of it: cases.access.TRANSFERRED_SEEN)."""
    cases = Case.objects.filter(handler=person, received_at__year=year).exclude(
        status=Status.TRANSFERRED
    )
    rated = Q(rating__isnull=False, rating_excluded=False)
    figures = cases.aggregate(
        handled=Count("id"),
        replied=Count("id", filter=Q(replied_at__isnull=False)),
        rated=Count("id", filter=rated),
        satisfied=Count("id", filter=rated & Q(rating__gte=4)),
        solved=Count("id", filter=rated & Q(solved=True)),
    )
    return cases.select_related("category").order_by("received_at"), figures


def categories_of(root: Unit) -> QuerySet[Category]:
    return Category.objects.filter(root=root).select_related("default_unit")


def time_limits_of(root: Unit) -> QuerySet[TimeLimit]:
    return TimeLimit.objects.filter(root=root).select_related("category")


def reply_templates_for(case: Case) -> QuerySet[ReplyTemplate]:
    """The common answers a reply to this case may start from: those of its lead unit and the
    units above it (or of the organisation), for its category or for any."""
    lead = case.lead_unit if case.lead_unit_id else None
    unit_ids = lead.ancestor_ids if lead is not None else [case.root_id]
    return ReplyTemplate.objects.filter(unit_id__in=unit_ids).filter(
        Q(category__isnull=True) | Q(category=case.category_id)
    )


def co_units_of(case: Case) -> QuerySet[Unit]:
    return case.co_units.all()


def duplicates_of(case: Case) -> QuerySet[Case]:
    """The cases merged into this one."""
    return case.duplicates.all()


def category_of(root: Unit, pk: int) -> Category | None:
    return categories_of(root).filter(pk=pk).first()


def time_limit_of(root: Unit, pk: int) -> TimeLimit | None:
    return time_limits_of(root).filter(pk=pk).first()


def active_categories_of(root_id: int) -> QuerySet[Category]:
    return Category.objects.filter(root_id=root_id, is_active=True)


def reply_templates_of(unit: Unit) -> QuerySet[ReplyTemplate]:
    """A unit's own common answers (常用答复), as its page lists them."""
    return ReplyTemplate.objects.filter(unit=unit).select_related("category")


def active_category(root_id: int, pk: int) -> Category | None:
    """An active category of the organisation by its id (None for another's or a retired one)."""
    return active_categories_of(root_id).filter(pk=pk).first()
