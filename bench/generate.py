"""Makes a large register for the scale benchmarks (bench/scale.py): a province's road
administration with 200 units, and N cases (1,000,000 by default) received over 24 months,
in realistic states, each with its timeline (case events), co-units for a few, and the due
items of the open ones; a few cases carry a 200-entry timeline.

    PG_URL=postgres://postgres@127.0.0.1:5432/bench_scale .venv/bin/python bench/generate.py \
        --cases 1000000 [--fresh]

PG_URL names a dedicated database; its name must start with "bench" (never the test
database). It is created when absent; --fresh drops it first. The organisation (units,
people, role grants, categories) is made through the actions, like any organisation. The
cases are made by PostgreSQL itself: a few INSERT ... SELECT statements over
generate_series and a seeded random(), through temporary tables of the draws (g), the
timeline (ev) and its times (tm), so that no row passes through Python (the earlier
generator formatted every row in Python for COPY: 1.6 ms a case on the loaded machine,
about 30 minutes for 1,000,000). The tables' secondary indexes are dropped during the
load and built again afterwards, then VACUUM ANALYZE (the usual bulk-load order); columns
the generator does not set take the model field's default.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/bench_scale"
BIG_TIMELINES = 5  # cases with a 200-entry timeline
BIG_TIMELINE = 200

ROAD_TEXTS = [
    "{place}路面出现多处坑槽，车辆经过颠簸严重，请尽快修补",
    "{place}有一个大坑槽，晚上骑电动车很危险，已经有人摔倒",
    "{place}雨后坑槽积水，看不清深浅，请派人处理",
    "{place}路面裂缝越来越宽，重车经过时有明显沉降",
    "{place}护栏被撞坏一直没有修复，存在安全隐患",
    "{place}路灯连续一周不亮，夜间行车看不清",
    "{place}标志标线模糊不清，路口经常发生剐蹭",
    "{place}桥面伸缩缝破损，车辆经过声音很大",
    "{place}路边排水沟堵塞，下雨后积水漫过路面",
    "{place}施工围挡占用一半车道，没有任何警示标志",
    "{place}超限货车每天夜里通行，路面已经压坏",
    "{place}收费站排队太长，请增开人工通道",
    "{place}冬季路面结冰，请及时撒布融雪剂",
    "{place}绿化带树枝遮挡信号灯，请修剪",
    "咨询{place}路段什么时候完成坑槽修补，能否告知工期",
    "建议在{place}增设减速带和限速标志，学生上下学很危险",
]
ROUTES = ["G105", "G106", "G205", "G316", "S201", "S203", "S307", "X012", "X035", "Y108"]
TOWNS = ["青山镇", "白沙镇", "临江乡", "石门镇", "东岭乡", "新桥镇", "柳河乡", "龙潭镇"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹"
CATEGORIES = [
    "路面病害",
    "桥梁隧道",
    "交通安全设施",
    "路政许可",
    "超限治理",
    "收费服务",
    "排水设施",
    "绿化环境",
    "施工扰民",
    "冬季除雪",
    "服务区",
    "其他",
]
REPLIES = [
    "经核实，已安排养护班组于三个工作日内完成修补，感谢您的监督。",
    "已联系施工单位整改，增设警示标志和夜间警示灯。",
    "该路段已列入本年度大中修计划，届时将一并处理。",
    "已转交辖区路政中队现场处置，结果将另行告知。",
]
KINDS = [("complaint", 40), ("help", 25), ("consult", 20), ("suggestion", 10), ("praise", 3)]
CHANNELS = [("hotline", 50), ("web", 15), ("wechat", 20), ("open311", 3), ("email", 2)]
CHANNELS += [("letter", 3), ("visit", 4), ("opinion_box", 3)]


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def ensure_database(url: str, *, fresh: bool) -> None:
    import psycopg

    name = database_name(url)
    if not name.startswith("bench"):
        raise SystemExit(f"refusing to write to database {name!r}: its name must start 'bench'")
    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        if fresh:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("LIANXIN_DATA_DIR", str(ROOT / "data" / "bench-scale"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "lianxin.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def make_org(n_units: int):
    """The root, city organs under it and stations under them: n_units units in all, with
    an operator, a dispatcher and a supervisor at the root and two handlers and a leader at
    each station (through the actions)."""
    from lianxin.cases.models import Category
    from lianxin.core.actor import Actor
    from lianxin.org import actions
    from lianxin.org.models import Role, Unit

    existing = Unit.objects.filter(code="bs").first()
    if existing is not None:
        return load_org(existing)
    root = actions.unit_create(
        name="省公路事务中心", kind="organ", parent=None, code="bs", actor=Actor.system()
    )
    staff = {}
    for role in (Role.OPERATOR, Role.DISPATCHER, Role.SUPERVISOR):
        person = actions.person_create(
            username=f"bs-{role}", name=f"省{role}", unit=root, actor=Actor.system()
        )
        actions.role_grant(person=person, unit=root, role=role, actor=Actor.system())
        staff[role] = person
    cities = max(1, (n_units - 1) // 22)
    per_city = (n_units - 1 - cities) // cities
    made = 1
    for c in range(cities):
        city = actions.unit_create(
            name=f"第{c + 1}公路分局",
            kind="organ",
            parent=root,
            code=f"bs-{c}",
            actor=Actor.system(),
        )
        made += 1
        for s in range(per_city if c < cities - 1 else n_units - made):
            station = actions.unit_create(
                name=f"第{c + 1}分局{TOWNS[s % len(TOWNS)]}站{s + 1}",
                kind="station",
                parent=city,
                code=f"bs-{c}-{s}",
                actor=Actor.system(),
            )
            made += 1
            for h in range(2):
                person = actions.person_create(
                    username=f"bs-h-{c}-{s}-{h}",
                    name=f"承办{c}-{s}-{h}",
                    unit=station,
                    actor=Actor.system(),
                )
                actions.role_grant(
                    person=person, unit=station, role=Role.HANDLER, actor=Actor.system()
                )
            leader = actions.person_create(
                username=f"bs-l-{c}-{s}", name=f"站长{c}-{s}", unit=station, actor=Actor.system()
            )
            actions.role_grant(person=leader, unit=station, role=Role.LEADER, actor=Actor.system())
    for i, name in enumerate(CATEGORIES):
        Category.objects.create(root=root, name=name, sort_order=i)
    return load_org(root)


def load_org(root):
    from lianxin.cases.models import Category
    from lianxin.org.models import Role, RoleGrant, Unit

    stations = list(Unit.objects.filter(path__startswith=root.path, kind="station"))
    handlers: dict[int, list] = {}
    for g in RoleGrant.objects.filter(role=Role.HANDLER, unit__in=stations).select_related(
        "person"
    ):
        handlers.setdefault(g.unit_id, []).append(g.person)
    categories = list(Category.objects.filter(root=root).values_list("pk", flat=True))
    return root, stations, handlers, categories


# ---------------------------------------------------------------- helpers


def cumulative(pairs, r: str) -> str:
    """A SQL CASE picking a value by weight with the random number in column r."""
    total = sum(w for _v, w in pairs)
    acc, parts = 0.0, []
    for value, weight in pairs[:-1]:
        acc += weight / total
        parts.append(f"WHEN {r} < {acc:.6f} THEN '{value}'")
    return f"CASE {' '.join(parts)} ELSE '{pairs[-1][0]}' END"


def drop_indexes(conn, tables) -> list[str]:
    """Drop the secondary indexes of the tables (not primary keys or constraints); return
    their definitions to build them again."""
    rows = conn.execute(
        """SELECT i.indexname, i.indexdef FROM pg_indexes i
           WHERE i.tablename = ANY(%s) AND i.schemaname = 'public'
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)""",
        [list(tables)],
    ).fetchall()
    for name, _definition in rows:
        conn.execute(f'DROP INDEX "{name}"')
    return [definition for _name, definition in rows]


def insert_select(conn, model, given: dict[str, str], source: str, params: dict) -> int:
    """INSERT INTO the model's table SELECT the given SQL expressions FROM source; every
    other column takes the model field's default (so a field another change adds with a
    default needs nothing here)."""
    from django.db import connection as django_connection
    from psycopg.types.json import Jsonb

    columns, values = [], []
    for f in model._meta.concrete_fields:
        if f.primary_key and f.column not in given:
            continue
        columns.append(f'"{f.column}"')
        if f.column in given:
            values.append(given[f.column])
            continue
        default = f.get_default()
        if default is None:
            values.append("NULL")
            continue
        params[f"d_{f.column}"] = Jsonb(default) if isinstance(default, dict | list) else default
        values.append(f"%(d_{f.column})s::{f.db_type(django_connection)}")
    sql = f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) SELECT {', '.join(values)} "
    return conn.execute(sql + source, params).rowcount


# ---------------------------------------------------------------- the cases

# the final status by age (days) and a random number r_status
STATUS_BY_AGE = [
    (
        30,
        [("closed", 885), ("withdrawn", 20), ("declined", 30), ("merged", 10), ("replied", 10)]
        + [("in_progress", 5), ("transferred", 2), ("closed", 38)],
    ),
    (
        7,
        [("closed", 550), ("replied", 180), ("in_progress", 180), ("dispatched", 30)]
        + [("withdrawn", 20), ("declined", 30), ("closed", 10)],
    ),
    (
        -1,
        [("received", 120), ("dispatched", 200), ("in_progress", 400), ("replied", 150)]
        + [("closed", 100), ("received", 30)],
    ),
]
STEPS = {  # the ordinary path of events for each final status
    "received": ["receive"],
    "dispatched": ["receive", "dispatch"],
    "in_progress": ["receive", "dispatch", "accept"],
    "replied": ["receive", "dispatch", "accept", "reply"],
    "closed": ["receive", "dispatch", "accept", "reply", "rate"],
    "withdrawn": ["receive", "withdraw"],
    "declined": ["receive", "decline"],
    "merged": ["receive", "merge"],
    "transferred": ["receive", "dispatch", "transfer"],
}
AFTER = {
    "receive": "received",
    "dispatch": "dispatched",
    "return": "received",
    "accept": "in_progress",
    "remind": "in_progress",
    "reply": "replied",
    "rate": "closed",
    "withdraw": "withdrawn",
    "decline": "declined",
    "merge": "merged",
    "transfer": "transferred",
}


def _sql_cases_drawn() -> str:
    """Per case: the random draws and what follows from them (a temporary table g)."""
    status = (
        "CASE "
        + " ".join(
            f"WHEN age > {limit} THEN {cumulative(table, 'r_status')}"
            for limit, table in STATUS_BY_AGE
        )
        + " END"
    )
    steps = (
        "CASE status "
        + " ".join(f"WHEN '{s}' THEN ARRAY{names!r}::text[]" for s, names in STEPS.items())
        + " END"
    )
    return f"""
    CREATE TEMP TABLE g AS
    SELECT w.*,
      -- a returned dispatch (1 in 20) after the first dispatch, a reminder (1 in 10) after
      -- accepting
      CASE WHEN big THEN s2 || array_fill('note'::text, ARRAY[%(big_timeline)s - cardinality(s2)])
           ELSE s2 END AS steps
    FROM (
      SELECT v.*,
        CASE WHEN 'accept' = ANY(s1) AND r_rem < 0.1
             THEN s1[:array_position(s1, 'accept')] || '{{remind}}'::text[]
                  || s1[array_position(s1, 'accept') + 1:]
             ELSE s1 END AS s2
      FROM (
        SELECT u.*,
          CASE WHEN 'dispatch' = ANY(s0) AND r_ret < 0.05
               THEN s0[:2] || '{{return,dispatch}}'::text[] || s0[3:] ELSE s0 END AS s1
        FROM (
          SELECT t.*, {steps} AS s0 FROM (
            SELECT d.*, CASE WHEN big THEN 'in_progress' ELSE {status} END AS status
            FROM (
              SELECT i, %(first)s + i - 1 AS id, received,
                -- the day's sequence number (Beijing time), for the case's code
                row_number() OVER (PARTITION BY (received AT TIME ZONE 'UTC'
                  + interval '8 hours')::date ORDER BY i) AS seq,
                extract(epoch FROM %(now)s - received) / 86400 AS age,
                i = ANY(%(big)s) AS big,
                random() AS r_status, random() AS r_ret, random() AS r_rem,
                random() AS r_kind, random() AS r_chan, random() AS r_text,
                random() AS r_phone, random() AS r_hand, random() AS r_due,
                random() AS r_rating, random() AS r_co,
                1 + floor(random() * %(n_stations)s)::int AS st,
                1 + floor(random() * %(n_stations)s)::int AS co_st,
                ((%(routes)s)::text[])[1 + floor(random() * %(n_routes)s)::int] || '线K'
                  || floor(random() * 400)::int || '+' || floor(random() * 10)::int || '00'
                  || ((%(towns)s)::text[])[1 + floor(random() * %(n_towns)s)::int] AS place
              FROM (
                SELECT i, %(start)s + make_interval(secs => %(span)s * (i - 1 + random()) / %(n)s)
                  AS received
                FROM generate_series(1, %(n)s) AS i
              ) AS r
            ) AS d
          ) AS t
        ) AS u
      ) AS v
    ) AS w"""


SQL_EVENTS = """
    CREATE TEMP TABLE ev AS
    SELECT g.id AS case_id, g.st, g.status, e.n, e.action,
      least(CASE WHEN e.action = 'note' THEN g.received + make_interval(mins => 6 * e.n::int)
                 ELSE g.received + make_interval(secs => e.upto - e.inc) END, %(now)s) AS at
    FROM g, LATERAL (
      SELECT n, action, inc, sum(inc) OVER (ORDER BY n) AS upto FROM (
        SELECT n, action,
          CASE WHEN action = 'note' THEN 360 ELSE 1800 + random() * (30 * 3600 - 1800) END AS inc
        FROM unnest(g.steps) WITH ORDINALITY AS x(action, n)
      ) AS y
    ) AS e"""

SQL_TIMES = """
    CREATE TEMP TABLE tm AS
    SELECT case_id,
      min(at) FILTER (WHERE action = 'dispatch') AS dispatched,
      min(at) FILTER (WHERE action = 'accept') AS accepted,
      min(at) FILTER (WHERE action = 'reply') AS replied,
      min(at) FILTER (WHERE action = 'rate') AS rated,
      min(at) FILTER (WHERE action IN ('withdraw', 'decline')) AS ended,
      max(at) AS last
    FROM ev GROUP BY case_id"""


def _case_columns() -> tuple[dict[str, str], str]:
    """The columns of cases_case as SQL over g (draws), tm (times), x (derived)."""
    kinds, channels = cumulative(KINDS, "g.r_kind"), cumulative(CHANNELS, "g.r_chan")
    given = {
        "id": "g.id",
        "created_at": "g.received",
        "updated_at": "tm.last",
        "root_id": "%(root)s",
        "code": "to_char(g.received AT TIME ZONE 'UTC' + interval '8 hours', 'YYYYMMDD')"
        " || lpad(x.seq::text, 4, '0')",
        "secret_digest": "repeat('0', 64)",
        "submit_key": "NULL",
        "kind": kinds,
        "channel": channels,
        "category_id": "((%(categories)s)::bigint[])[1 + floor(random() * %(n_categories)s)::int]",
        "urgent": "random() < 0.03",
        "title": "left(x.content, 30)",
        "content": "x.content",
        "place": "g.place",
        "citizen_name": "substr(%(surnames)s, 1 + floor(random() * %(n_surnames)s)::int, 1)"
        " || CASE WHEN random() < 0.5 THEN '先生' ELSE '女士' END",
        "citizen_phone": "CASE WHEN g.r_phone < 0.2 THEN"
        " ((%(phones)s)::text[])[1 + floor(random() * %(n_phones)s)::int]"
        " ELSE '1' || (3 + floor(random() * 7)::int) || lpad(floor(random() * 1e9)::bigint::text,"
        " 9, '0') END",
        "is_public": "random() < 0.3",
        "status": "g.status",
        "version": "cardinality(g.steps)",
        "received_at": "g.received",
        "lead_unit_id": "CASE WHEN x.dispatched THEN x.station END",
        "handler_id": "CASE WHEN x.dispatched AND (g.status <> 'dispatched' OR g.r_hand < 0.5)"
        " THEN ((%(handlers)s)::bigint[])[2 * g.st - 1 + floor(random() * 2)::int] END",
        "dispatched_at": "tm.dispatched",
        "accept_due": "x.accept_due",
        "accepted_at": "tm.accepted",
        "accepted_in_time": "CASE WHEN x.dispatched THEN coalesce(tm.accepted <= x.accept_due,"
        " false) END",
        "reply_due": "x.reply_due",
        "replied_at": "tm.replied",
        "first_replied_at": "tm.replied",
        "replied_in_time": "tm.replied <= x.reply_due",
        "reply": "CASE WHEN tm.replied IS NOT NULL THEN"
        " ((%(replies)s)::text[])[1 + floor(random() * %(n_replies)s)::int] ELSE '' END",
        "reply_reusable": "tm.replied IS NOT NULL AND random() < 0.02",
        "closed_at": "coalesce(tm.rated, tm.ended)",
        "decline_reason": "CASE WHEN g.status = 'declined' THEN 'outside_remit' ELSE '' END",
        "return_count": "cardinality(array_positions(g.steps, 'return'))",
        "reminder_count": "cardinality(array_positions(g.steps, 'remind'))"
        " + CASE WHEN x.overdue THEN 1 ELSE 0 END",
        "supervision": "CASE WHEN x.overdue AND g.age > 20 THEN 2 WHEN x.overdue THEN 1 ELSE 0 END",
        "rating": "CASE WHEN g.status = 'closed' THEN x.rating END",
        "solved": "CASE WHEN g.status = 'closed' THEN x.rating >= 3 END",
        "rated_at": "CASE WHEN g.status = 'closed' THEN tm.rated END",
    }
    road = "format(((%(road)s)::text[])[1 + floor(g.r_text / 0.45 * %(n_road)s)::int], g.place)"
    lines = "((%(lines)s)::text[])[1 + floor((g.r_text - 0.45) / 0.55 * %(n_lines)s)::int]"
    rating = "CASE WHEN g.r_rating < 0.55 THEN 5 WHEN g.r_rating < 0.80 THEN 4"
    rating += " WHEN g.r_rating < 0.90 THEN 3 WHEN g.r_rating < 0.96 THEN 2 ELSE 1 END"
    source = f"""
      FROM g JOIN tm ON tm.case_id = g.id, LATERAL (
        SELECT y.*, y.dispatched AND g.status = 'in_progress' AND y.reply_due < %(now)s AS overdue
        FROM (
          SELECT 'dispatch' = ANY(g.steps) AS dispatched,
            ((%(stations)s)::bigint[])[g.st] AS station,
            CASE WHEN 'dispatch' = ANY(g.steps) THEN g.received + interval '1 day' END
              AS accept_due,
            CASE WHEN 'dispatch' = ANY(g.steps) THEN g.received
              + make_interval(days => (ARRAY[5, 7, 9, 13])[1 + floor(g.r_due * 4)::int]) END
              AS reply_due,
            CASE WHEN g.r_text < 0.45 THEN {road} ELSE {lines} END AS content,
            {rating} AS rating,
            g.seq AS seq
        ) AS y
      ) AS x"""
    return given, source


def generate(n_cases: int, months: int, n_units: int, seed: int) -> dict:
    """Make the cases in PostgreSQL itself: one INSERT ... SELECT per table over
    generate_series and random() (seeded), so no row passes through Python."""
    import psycopg
    from django.db import connection

    from lianxin.cases.models import Case, CaseEvent
    from lianxin.core.models import DueItem

    rnd = random.Random(seed)
    t0 = time.perf_counter()
    root, stations, handlers, categories = make_org(n_units)
    print(f"  organisation of {len(stations)} stations ready ({time.perf_counter() - t0:.0f} s)")
    t0 = time.perf_counter()
    lines = [json.loads(x)["text"] for x in (ROOT / "bench/data/demands.jsonl").open()]
    phones = [f"1{rnd.randint(3, 9)}{rnd.randint(0, 10**9 - 1):09d}" for _ in range(5000)]
    now = datetime.now(UTC).replace(microsecond=0)
    start = now - timedelta(days=months * 30.4)
    connection.close()
    conn = psycopg.connect(os.environ["DATABASE_URL"], autocommit=True)
    first_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM cases_case").fetchone()[0]
    tables = ["cases_case", "cases_caseevent", "core_dueitem", "cases_case_co_units"]
    definitions = drop_indexes(conn, tables)
    conn.execute("SET work_mem = '256MB'")
    conn.execute("SELECT setseed(%s)", [(seed % 1000) / 1000])
    # the rows are consistent by construction: skip the per-row foreign-key triggers during
    # the load (a superuser setting of this session only; the usual bulk-load practice)
    conn.execute("SET session_replication_role = replica")
    handler_ids = []
    for station in stations:
        pair = [p.pk for p in handlers[station.pk]][:2]
        handler_ids += pair + pair[:1] * (2 - len(pair))
    params = {
        "n": n_cases,
        "first": first_id,
        "now": now,
        "start": start,
        "span": (now - start).total_seconds(),
        "big": rnd.sample(range(1, n_cases + 1), min(BIG_TIMELINES, n_cases)),
        "big_timeline": BIG_TIMELINE,
        "root": root.pk,
        "stations": [s.pk for s in stations],
        "n_stations": len(stations),
        "handlers": handler_ids,
        "categories": categories,
        "n_categories": len(categories),
        "routes": ROUTES,
        "n_routes": len(ROUTES),
        "towns": TOWNS,
        "n_towns": len(TOWNS),
        "surnames": SURNAMES,
        "n_surnames": len(SURNAMES),
        "phones": phones,
        "n_phones": len(phones),
        "replies": REPLIES,
        "n_replies": len(REPLIES),
        "road": [t.replace("{place}", "%s") for t in ROAD_TEXTS],
        "n_road": len(ROAD_TEXTS),
        "lines": lines,
        "n_lines": len(lines),
    }

    def step(label, sql):
        n = conn.execute(sql, params).rowcount
        print(f"  {label}: {n} rows ({time.perf_counter() - t0:.0f} s)", flush=True)

    step("draws", _sql_cases_drawn())
    step("timeline draws", SQL_EVENTS)
    step("times", SQL_TIMES)
    conn.execute("CREATE INDEX ON tm (case_id)")
    given, source = _case_columns()
    n = insert_select(conn, Case, given, source, params)
    print(f"  cases: {n} rows ({time.perf_counter() - t0:.0f} s)", flush=True)
    after = "CASE e.action " + " ".join(f"WHEN '{a}' THEN '{s}'" for a, s in AFTER.items())
    after += " ELSE e.status END"
    digest = "encode(sha256(convert_to(e.case_id || ':' || {n}, 'UTF8')), 'hex')"
    n_events = insert_select(
        conn,
        CaseEvent,
        {
            "case_id": "e.case_id",
            "seq": "e.n",
            "at": "e.at",
            "actor_label": "CASE WHEN e.action = 'remind' THEN '系统' ELSE '' END",
            "action": "e.action",
            "public": "e.action IN ('receive', 'reply', 'rate')",
            "note": "CASE WHEN e.action = 'note' THEN '补充情况说明' ELSE '' END",
            "data": "CASE WHEN e.action IN ('dispatch', 'return') THEN jsonb_build_object("
            "'unit', ((%(stations)s)::bigint[])[e.st]) ELSE '{}'::jsonb END",
            "status_after": after,
            "prev_digest": f"CASE WHEN e.n = 1 THEN '' ELSE {digest.format(n='e.n - 1')} END",
            "digest": digest.format(n="e.n"),
        },
        "FROM ev AS e",
        params,
    )
    print(f"  timeline entries: {n_events} rows ({time.perf_counter() - t0:.0f} s)", flush=True)
    dues = insert_select(
        conn,
        DueItem,
        {
            "kind": "CASE status WHEN 'dispatched' THEN 'case.accept'"
            " WHEN 'in_progress' THEN 'case.reply' ELSE 'case.autoclose' END",
            "object_id": "id::text",
            "due_at": "CASE status WHEN 'dispatched' THEN accept_due"
            " WHEN 'in_progress' THEN reply_due ELSE replied_at + interval '7 days' END",
            "escalate_at": "CASE WHEN status = 'in_progress' THEN reply_due + interval '7 days'"
            " END",
            "reminded_at": "CASE WHEN status = 'in_progress' AND reply_due < %(now)s"
            " THEN reply_due END",
        },
        "FROM cases_case WHERE id >= %(first)s"
        " AND status IN ('dispatched', 'in_progress', 'replied')",
        params,
    )
    conn.execute(
        """INSERT INTO cases_case_co_units (case_id, unit_id)
           SELECT g.id, ((%(stations)s)::bigint[])[g.co_st] FROM g
           WHERE g.r_co < 0.03 AND 'dispatch' = ANY(g.steps) AND g.co_st <> g.st""",
        params,
    )
    conn.execute(
        """INSERT INTO cases_daycounter (day, last)
           SELECT (received AT TIME ZONE 'UTC' + interval '8 hours')::date, max(seq) FROM g
           GROUP BY 1
           ON CONFLICT (day) DO UPDATE SET last = greatest(cases_daycounter.last,
           excluded.last)"""
    )
    conn.execute("DROP TABLE g, ev, tm")
    t_rows = time.perf_counter() - t0
    conn.execute("SET session_replication_role = DEFAULT")
    conn.execute("SET maintenance_work_mem = '512MB'")
    for definition in definitions:
        t_one = time.perf_counter()
        conn.execute(definition)
        took = time.perf_counter() - t_one
        if took >= 5:
            name = definition.split(" INDEX ", 1)[1].split()[0]
            print(f"  index {name}: {took:.0f} s", flush=True)
    for table in ("cases_case", "cases_case_co_units", "cases_caseevent", "core_dueitem"):
        conn.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"(SELECT coalesce(max(id), 1) FROM {table}))"
        )
    t_index = time.perf_counter() - t0 - t_rows
    conn.execute("VACUUM ANALYZE")
    t_all = time.perf_counter() - t0
    conn.close()
    return {
        "cases": n,
        "events": n_events,
        "due_items": dues,
        "rows_s": t_rows,
        "index_s": t_index,
        "total_s": t_all,
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--fresh", action="store_true", help="drop the database first")
    args = parser.parse_args(argv)
    url = os.environ.get("PG_URL", DEFAULT_URL)
    ensure_database(url, fresh=args.fresh)
    setup_django(url)
    from lianxin.cases.models import Case

    if Case.objects.exists():
        print(f"{database_name(url)} already holds {Case.objects.count()} cases; --fresh to remake")
        return
    r = generate(args.cases, args.months, args.units, args.seed)
    print(
        f"made {r['cases']} cases, {r['events']} timeline entries, {r['due_items']} due items "
        f"in {r['total_s']:.0f} s (rows {r['rows_s']:.0f} s = {r['cases'] / r['rows_s']:.0f} "
        f"cases/s, indexes {r['index_s']:.0f} s)"
    )


if __name__ == "__main__":
    main()
