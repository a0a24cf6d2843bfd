"""Makes a large register for the scale benchmarks (bench/scale.py): a province's road
administration with 200 units, and N cases (1,000,000 by default) received over 24 months,
in realistic states, each with its timeline (case events), co-units for a few, and the due
items of the open ones; a few cases carry a 200-entry timeline.

    PG_URL=postgres://postgres@127.0.0.1:5432/bench_scale .venv/bin/python bench/generate.py \
        --cases 1000000 [--fresh]

PG_URL names a dedicated database; its name must start with "bench" (never the test
database). It is created when absent; --fresh drops it first. The rows are written with
PostgreSQL COPY (psycopg), with the tables' secondary indexes dropped during the load and
built again afterwards (the usual bulk-load order); the organisation (units, people, role
grants, categories) is made through the actions, like any organisation.
"""

from __future__ import annotations

import argparse
import hashlib
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


def weighted(pairs):
    values, weights = zip(*pairs, strict=True)
    return lambda rnd: rnd.choices(values, weights)[0]


pick_kind, pick_channel = weighted(KINDS), weighted(CHANNELS)


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


# ---------------------------------------------------------------- COPY helpers


def cell(value) -> str:
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False)
    text = str(value)
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
        text = text.replace("\r", "\\r")
    return text


class Table:
    """Rows for one table, written with COPY in chunks; fields not given take the model
    field's default (so a field another change adds with a default needs nothing here)."""

    def __init__(self, conn, model, chunk=20000, with_id=False):
        self.conn, self.model, self.chunk = conn, model, chunk
        self.fields = [f for f in model._meta.concrete_fields if with_id or not f.primary_key]
        self.columns = [f.column for f in self.fields]
        self.defaults = {}
        for f in self.fields:
            self.defaults[f.attname] = f.get_default()
        self.names = [f.attname for f in self.fields]
        self.buf: list[str] = []
        self.count = 0

    def add(self, row: dict) -> None:
        d = self.defaults
        self.buf.append("\t".join(cell(row.get(n, d[n])) for n in self.names))
        if len(self.buf) >= self.chunk:
            self.flush()

    def flush(self) -> None:
        if not self.buf:
            return
        table = self.model._meta.db_table
        cols = ", ".join(f'"{c}"' for c in self.columns)
        with self.conn.cursor() as cur, cur.copy(f'COPY "{table}" ({cols}) FROM STDIN') as cp:
            cp.write("\n".join(self.buf) + "\n")
        self.count += len(self.buf)
        self.buf = []


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


# ---------------------------------------------------------------- the cases


def status_for(rnd, age_days: float, kind: str) -> str:
    r = rnd.random()
    if age_days > 30:
        table = [
            ("closed", 0.885),
            ("withdrawn", 0.02),
            ("declined", 0.03),
            ("merged", 0.01),
            ("replied", 0.01),
            ("in_progress", 0.005),
            ("transferred", 0.002),
        ]
    elif age_days > 7:
        table = [("closed", 0.55), ("replied", 0.18), ("in_progress", 0.18), ("dispatched", 0.03)]
        table += [("withdrawn", 0.02), ("declined", 0.03)]
    else:
        table = [("received", 0.12), ("dispatched", 0.2), ("in_progress", 0.4)]
        table += [("replied", 0.15), ("closed", 0.1)]
    for status, p in table:
        if r < p:
            return status
        r -= p
    return table[0][0]


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
    "note": "in_progress",
}


def generate(n_cases: int, months: int, n_units: int, seed: int) -> dict:
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
    frequent_phones = [f"1{rnd.randint(3, 9)}{rnd.randint(0, 10**9 - 1):09d}" for _ in range(5000)]
    now = datetime.now(UTC).replace(microsecond=0)
    start = now - timedelta(days=months * 30.4)
    span = (now - start).total_seconds()
    connection.close()
    url = os.environ["DATABASE_URL"]
    conn = psycopg.connect(url, autocommit=True)
    first_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM cases_case").fetchone()[0]
    tables = ["cases_case", "cases_caseevent", "core_dueitem", "cases_case_co_units"]
    definitions = drop_indexes(conn, tables)
    # the rows are consistent by construction: skip the per-row foreign-key triggers during
    # the load (a superuser setting of this session only; the usual bulk-load practice)
    conn.execute("SET session_replication_role = replica")
    conn.autocommit = False
    cases, events = Table(conn, Case, with_id=True), Table(conn, CaseEvent, chunk=50000)
    dues = Table(conn, DueItem)
    co_rows: list[str] = []
    day_seq: dict = {}
    big = set(rnd.sample(range(n_cases), min(BIG_TIMELINES, n_cases)))
    for i in range(n_cases):
        cid = first_id + i
        received = start + timedelta(seconds=span * (i + rnd.random()) / n_cases)
        age = (now - received).total_seconds() / 86400
        kind = pick_kind(rnd)
        status = "in_progress" if i in big else status_for(rnd, age, kind)
        station = rnd.choice(stations)
        place = (
            f"{rnd.choice(ROUTES)}线K{rnd.randint(0, 399)}+{rnd.randint(0, 9)}00{rnd.choice(TOWNS)}"
        )
        if rnd.random() < 0.45:
            content = rnd.choice(ROAD_TEXTS).format(place=place)
        else:
            content = rnd.choice(lines)
        phone = (
            rnd.choice(frequent_phones)
            if rnd.random() < 0.2
            else f"1{rnd.randint(3, 9)}{rnd.randint(0, 10**9 - 1):09d}"
        )
        day = (received + timedelta(hours=8)).date()
        seq = day_seq[day] = day_seq.get(day, 0) + 1
        steps = list(STEPS[status])
        if "dispatch" in steps and rnd.random() < 0.05:
            k = steps.index("dispatch") + 1
            steps[k:k] = ["return", "dispatch"]
        if "accept" in steps and rnd.random() < 0.1:
            steps.insert(steps.index("accept") + 1, "remind")
        if i in big:
            steps += ["note"] * (BIG_TIMELINE - len(steps))
        dispatched = "dispatch" in steps
        handler = None
        if dispatched and (status != "dispatched" or rnd.random() < 0.5):
            handler = rnd.choice(handlers[station.pk])
        step_at = received
        times = {}
        for name in steps:
            times.setdefault(name, step_at)
            step_at = step_at + timedelta(hours=rnd.uniform(0.5, 30) if name != "note" else 0.1)
        step_at = min(step_at, now)
        urgent = rnd.random() < 0.03
        accept_due = received + timedelta(days=1) if dispatched else None
        reply_due = received + timedelta(days=rnd.choice([5, 7, 9, 13])) if dispatched else None
        replied_at = times.get("reply")
        overdue = status == "in_progress" and reply_due is not None and reply_due < now
        row = {
            "id": cid,
            "created_at": received,
            "updated_at": step_at,
            "root_id": root.pk,
            "code": f"{day:%Y%m%d}{seq:04d}",
            "secret_digest": "0" * 64,
            "submit_key": None,
            "kind": kind,
            "channel": pick_channel(rnd),
            "category_id": rnd.choice(categories),
            "urgent": urgent,
            "title": content[:30],
            "content": content,
            "place": place,
            "citizen_name": rnd.choice(SURNAMES) + rnd.choice(["先生", "女士"]),
            "citizen_phone": phone,
            "is_public": rnd.random() < 0.3,
            "status": status,
            "version": len(steps),
            "received_at": received,
            "lead_unit_id": station.pk if dispatched else None,
            "handler_id": handler.pk if handler else None,
            "dispatched_at": times.get("dispatch"),
            "accept_due": accept_due,
            "accepted_at": times.get("accept"),
            "accepted_in_time": ("accept" in times) and times["accept"] <= accept_due,
            "reply_due": reply_due,
            "replied_at": replied_at,
            "first_replied_at": replied_at,
            "replied_in_time": replied_at <= reply_due if replied_at else None,
            "reply": rnd.choice(REPLIES) if replied_at else "",
            "reply_reusable": bool(replied_at) and rnd.random() < 0.02,
            "closed_at": times.get("rate") or times.get("withdraw") or times.get("decline"),
            "decline_reason": "outside_remit" if status == "declined" else "",
            "return_count": steps.count("return"),
            "reminder_count": steps.count("remind") + (1 if overdue else 0),
            "supervision": 2 if overdue and age > 20 else (1 if overdue else 0),
        }
        if status == "closed":
            rating = rnd.choices([5, 4, 3, 2, 1], [55, 25, 10, 6, 4])[0]
            row.update(rating=rating, solved=rating >= 3, rated_at=times["rate"])
        if accept_due is None:
            row["accepted_in_time"] = None
        cases.add(row)
        prev = ""
        for n, name in enumerate(steps, 1):
            at = times[name] if name != "note" else received + timedelta(minutes=6 * n)
            digest = hashlib.sha256(f"{cid}:{n}:{prev}".encode()).hexdigest()
            data = {"unit": station.pk} if name in ("dispatch", "return") else {}
            events.add(
                {
                    "case_id": cid,
                    "seq": n,
                    "at": at,
                    "actor_label": "系统" if name == "remind" else "",
                    "action": name,
                    "public": name in ("receive", "reply", "rate"),
                    "note": "补充情况说明" if name == "note" else "",
                    "data": data,
                    "status_after": AFTER[name] if name != "note" else status,
                    "prev_digest": prev,
                    "digest": digest,
                }
            )
            prev = digest
        if dispatched and rnd.random() < 0.03:
            other = rnd.choice(stations)
            if other.pk != station.pk:
                co_rows.append(f"{cid}\t{other.pk}")
        if status == "dispatched":
            dues.add({"kind": "case.accept", "object_id": str(cid), "due_at": accept_due})
        elif status == "in_progress":
            dues.add(
                {
                    "kind": "case.reply",
                    "object_id": str(cid),
                    "due_at": reply_due,
                    "escalate_at": reply_due + timedelta(days=7),
                    "reminded_at": reply_due if overdue else None,
                }
            )
        elif status == "replied":
            dues.add(
                {
                    "kind": "case.autoclose",
                    "object_id": str(cid),
                    "due_at": replied_at + timedelta(days=7),
                }
            )
        if (i + 1) % 100000 == 0:
            cases.flush(), events.flush(), dues.flush()
            conn.commit()
            print(f"  {i + 1} cases, {events.count} events ({time.perf_counter() - t0:.0f} s)")
    cases.flush(), events.flush(), dues.flush()
    if co_rows:
        with (
            conn.cursor() as cur,
            cur.copy("COPY cases_case_co_units (case_id, unit_id) FROM STDIN") as cp,
        ):
            cp.write("\n".join(co_rows) + "\n")
    conn.commit()
    t_rows = time.perf_counter() - t0
    conn.autocommit = True
    conn.execute("SET session_replication_role = DEFAULT")
    conn.execute("SET maintenance_work_mem = '512MB'")
    for definition in definitions:
        conn.execute(definition)
    for table in ("cases_case", "cases_case_co_units", "cases_caseevent", "core_dueitem"):
        conn.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"(SELECT coalesce(max(id), 1) FROM {table}))"
        )
    with conn.cursor() as cur, cur.copy("COPY cases_daycounter (day, last) FROM STDIN") as cp:
        cp.write("".join(f"{d}\t{n}\n" for d, n in day_seq.items()))
    t_index = time.perf_counter() - t0 - t_rows
    conn.execute("VACUUM ANALYZE")
    t_all = time.perf_counter() - t0
    conn.close()
    return {
        "cases": cases.count,
        "events": events.count,
        "due_items": dues.count,
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
