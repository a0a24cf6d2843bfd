"""Routing actions: keyword rules and road sections (administrators), training, and the
problem of the month made from a hotspot (leaders). One transaction, one audit event each."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from lianxin.cases import actions as case_actions
from lianxin.cases.models import Category, Channel, Kind
from lianxin.core.actor import is_system
from lianxin.core.audit import record_event, snapshot
from lianxin.core.errors import ApplicationError
from lianxin.core.text import clean_text
from lianxin.org.models import Unit

from . import access, hotspots, places
from .models import KeywordRule, MonthProblem, RoadSection


def _forget(root_id: int) -> None:
    """Drop the organisation's cached rules and sections (suggest is imported here, not at
    start: it loads numpy and scikit-learn)."""
    from . import suggest

    suggest.forget(root_id)


def _unit_of(root: Unit, unit: Unit | None, field: str) -> Unit | None:
    if unit is not None and not unit.path.startswith(root.path):
        raise ApplicationError(_("Choose a unit of this organisation."), field=field)
    return unit


def rule_save(
    *,
    root: Unit,
    keyword: str,
    unit: Unit | None = None,
    category: Category | None = None,
    priority: int = 5,
    rule: KeywordRule | None = None,
    actor,
) -> KeywordRule:
    if not is_system(actor) and not access.may_set_up(actor, root):
        raise PermissionDenied
    keyword = clean_text(keyword, field="keyword", label=_("The keyword"), limit=50)
    _unit_of(root, unit, "unit")
    if category is not None and category.root_id != root.pk:
        raise ApplicationError(_("Choose a category from the list."), field="category")
    if unit is None and category is None:
        raise ApplicationError(_("Choose a unit, a category or both."), field="unit")
    if not 1 <= int(priority) <= 10:
        raise ApplicationError(_("The priority is a number from 1 to 10."), field="priority")
    clash = KeywordRule.objects.filter(root=root, keyword=keyword)
    if rule is not None:
        clash = clash.exclude(pk=rule.pk)
    if clash.exists():
        raise ApplicationError(
            _("There is already a rule for %(kw)s.") % {"kw": keyword}, field="keyword"
        )
    fields = ["keyword", "unit", "category", "priority"]
    with transaction.atomic():
        before = snapshot(rule, fields) if rule else None
        rule = rule or KeywordRule(root=root)
        rule.keyword, rule.unit, rule.category, rule.priority = keyword, unit, category, priority
        rule.save()
        record_event(
            actor=actor,
            action="routing.rule_save",
            obj=rule,
            before=before,
            after=snapshot(rule, fields),
        )
        transaction.on_commit(lambda: _forget(root.pk))
    return rule


def rule_delete(*, rule: KeywordRule, actor) -> None:
    if not is_system(actor) and not access.may_set_up(actor, rule.root):
        raise PermissionDenied
    with transaction.atomic():
        record_event(
            actor=actor,
            action="routing.rule_delete",
            obj=rule,
            before=snapshot(rule, ["keyword", "unit", "category", "priority"]),
        )
        root_id = rule.root_id
        rule.delete()
        transaction.on_commit(lambda: _forget(root_id))


SECTION_FIELDS = ["route", "start_m", "end_m", "places", "station"]


def _checked_section(route: str, start: str, end: str, place_names: str, station: Unit):
    route = places.normalize_route(route)
    if route and not places.CODE_RE.fullmatch(route):
        raise ApplicationError(_("Write the route code like G205, S311 or X012."), field="route")
    start_m = places.parse_stake(start, field="start")
    end_m = places.parse_stake(end, field="end")
    if (start_m is None) != (end_m is None):
        raise ApplicationError(_("Give both stakes, or neither."), field="end")
    if start_m is not None and not route:
        raise ApplicationError(_("Stakes need a route code."), field="route")
    if start_m is not None and end_m is not None and end_m < start_m:
        raise ApplicationError(_("The end stake comes before the start stake."), field="end")
    place_names = clean_text(
        place_names, field="places", label=_("The place names"), required=False, limit=300
    )
    if not route and not place_names:
        raise ApplicationError(_("Give a route code or place names."), field="route")
    return route, start_m, end_m, place_names, station


def section_save(
    *,
    root: Unit,
    station: Unit | None,
    route: str = "",
    start: str = "",
    end: str = "",
    place_names: str = "",
    section: RoadSection | None = None,
    actor,
) -> RoadSection:
    """A road section (route, stake range) or a list of towns and villages, with the station
    responsible. Stakes are written K12+300."""
    if not is_system(actor) and not access.may_set_up(actor, root):
        raise PermissionDenied
    if station is None:
        raise ApplicationError(_("Choose the station responsible."), field="station")
    _unit_of(root, station, "station")
    route, start_m, end_m, place_names, station = _checked_section(
        route, start, end, place_names, station
    )
    with transaction.atomic():
        before = snapshot(section, SECTION_FIELDS) if section else None
        section = section or RoadSection(root=root)
        section.route, section.start_m, section.end_m = route, start_m, end_m
        section.places, section.station = place_names, station
        section.save()
        record_event(
            actor=actor,
            action="routing.section_save",
            obj=section,
            before=before,
            after=snapshot(section, SECTION_FIELDS),
        )
        transaction.on_commit(lambda: _forget(root.pk))
    return section


def section_delete(*, section: RoadSection, actor) -> None:
    if not is_system(actor) and not access.may_set_up(actor, section.root):
        raise PermissionDenied
    with transaction.atomic():
        record_event(
            actor=actor,
            action="routing.section_delete",
            obj=section,
            before=snapshot(section, SECTION_FIELDS),
        )
        root_id = section.root_id
        section.delete()
        transaction.on_commit(lambda: _forget(root_id))


def month_problem_make(*, root: Unit, month: date, category_id: int, place: str, actor):
    """Turn a hotspot of the month into an internal problem case (每月一题) in one step."""
    if not is_system(actor) and not access.may_make_problem(actor, root):
        raise PermissionDenied
    month = hotspots.month_start(month)
    spot = hotspots.find(root, month, category_id, place)
    if spot is None:
        raise ApplicationError(_("This hotspot has no cases in that month."), field="place")
    if spot.problem_code:
        raise ApplicationError(
            _("This hotspot is already problem %(code)s.") % {"code": spot.problem_code},
            field="place",
        )
    from lianxin.cases.models import Case

    codes = list(
        Case.objects.filter(pk__in=spot.case_ids)
        .order_by("received_at")
        .values_list("code", flat=True)
    )
    title = _("Problem of the month %(month)s: %(category)s at %(place)s") % {
        "month": month.strftime("%Y-%m"),
        "category": spot.category,
        "place": place,
    }
    content = _(
        "%(n)s cases about %(category)s at %(place)s in %(month)s (%(before)s a month before): "
        "%(codes)s. Find the cause and fix it for good."
    ) % {
        "n": spot.count,
        "category": spot.category,
        "place": place,
        "month": month.strftime("%Y-%m"),
        "before": f"{spot.before:g}",
        "codes": "、".join(codes),
    }
    with transaction.atomic():
        problem, _secret = case_actions.case_receive(
            root=root,
            kind=Kind.PROBLEM,
            channel=Channel.LEADER,
            category=category_id,
            title=title[:100],
            content=content,
            place=place,
            actor=actor,
        )
        made = MonthProblem.objects.create(
            root=root, month=month, category_id=category_id, place=place, problem=problem
        )
        made.cases.set(spot.case_ids)
        record_event(
            actor=actor,
            action="routing.month_problem",
            obj=made,
            after={"problem": problem.code, "cases": codes},
        )
    return problem


REGISTER_HEADERS = ["路线编号", "起点桩号", "止点桩号", "乡镇村", "负责站所"]


def sections_import(*, root: Unit, data: bytes, actor) -> int:
    """Add the road sections of an .xlsx register (columns: REGISTER_HEADERS; the station by
    its name or code). All rows or none: the first bad rows are named."""
    import io

    from openpyxl import load_workbook

    if not is_system(actor) and not access.may_set_up(actor, root):
        raise PermissionDenied
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        rows = list(book.worksheets[0].iter_rows(values_only=True))
    except Exception:
        raise ApplicationError(_("This is not an Excel (.xlsx) file."), field="file") from None
    if not rows or [str(c or "").strip() for c in rows[0][:5]] != REGISTER_HEADERS:
        raise ApplicationError(
            _("The first row must be: %(headers)s.") % {"headers": "、".join(REGISTER_HEADERS)},
            field="file",
        )
    stations = {}
    for unit in Unit.objects.filter(path__startswith=root.path, is_active=True):
        stations[unit.name] = stations[unit.code] = unit
    parsed, errors = [], []
    for number, row in enumerate(rows[1:], start=2):
        cells = [str(c).strip() if c is not None else "" for c in (tuple(row) + ("",) * 5)[:5]]
        if not any(cells):
            continue
        route, start, end, names, station_name = cells
        station = stations.get(station_name)
        try:
            if station is None:
                raise ApplicationError(
                    _("No unit called %(name)s.") % {"name": station_name}, field="station"
                )
            parsed.append(_checked_section(route, start, end, names, station))
        except ApplicationError as err:
            errors.append(_("Row %(n)s: %(error)s") % {"n": number, "error": err.message})
    if errors:
        raise ApplicationError(" ".join(str(e) for e in errors[:5]), field="file")
    if not parsed:
        raise ApplicationError(_("The file is empty."), field="file")
    with transaction.atomic():
        made = RoadSection.objects.bulk_create(
            [
                RoadSection(root=root, route=r, start_m=s, end_m=e, places=p, station=st)
                for r, s, e, p, st in parsed
            ]
        )
        record_event(
            actor=actor, action="routing.sections_import", obj=root, after={"sections": len(made)}
        )
        transaction.on_commit(lambda: _forget(root.pk))
    return len(made)
