"""Load with failures, on PostgreSQL: nothing accepted is lost, nothing is sent twice.

    .venv/bin/python bench/load.py
    .venv/bin/python bench/load.py --intake     (intake throughput: bench/intake.py)
    LOAD_CLIENTS=50 LOAD_PER_CLIENT=30 PG_URL=postgres://postgres@127.0.0.1:5432/x ...

A database of its own (`wt_trust_ops_load` on PG_URL's server, made afresh) and a data
folder of its own (data/load). Runs `lianxin serve` (several gunicorn workers), `lianxin
db_worker` (SMS as background tasks; the SMS backend of this bench appends each message to
data/load/sms.log) and `lianxin clock` (with overdue cases made beforehand through the
actions, so that it reminds and escalates during the run). Then 50 concurrent clients each
register cases through the JSON API (operator and dispatcher token): create with an
idempotency key, then dispatch to a station, which tells the station's leader and handler
(inbox, SMS) and the citizen (SMS). A client whose request fails (a killed worker) retries
with the same key, as a hotline platform would.

While the clients run, kill -9 in turn: a web worker (gunicorn starts another), the task
worker and the clock (this script restarts them). Afterwards it checks and prints:
- every case whose code a client received is in the database, and one case per key;
- no notification twice: inbox rows per (recipient, title, link), SMS per (phone, text);
- what was not sent (an SMS task queued but lost with a killed process), said plainly;
- `lianxin audit verify` (the hash chain of every case timeline).
Prints cases accepted, cases/s, p50/p99 latency, restarts, duplicates; exits 1 if a case is
missing, a notification was duplicated or the audit chain is broken.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from common import fresh_database_cli  # noqa: E402 (beside this script)

PG_URL = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
DB_NAME = os.environ.get("LOAD_DB", "wt_trust_ops_load")
LOAD_URL = PG_URL.rsplit("/", 1)[0] + "/" + DB_NAME
DATA = ROOT / "data" / "load"
SMS_LOG = DATA / "sms.log"
CLIENTS = int(os.environ.get("LOAD_CLIENTS", "50"))
PER_CLIENT = int(os.environ.get("LOAD_PER_CLIENT", "20"))
WEB_WORKERS = int(os.environ.get("LOAD_WEB_WORKERS", "3"))
OVERDUE = int(os.environ.get("LOAD_OVERDUE", "300"))
KILL_EVERY = float(os.environ.get("LOAD_KILL_EVERY", "2.5"))
DRAIN = float(os.environ.get("LOAD_DRAIN", "900"))  # seconds for the worker to send the rest
LIANXIN = str(ROOT / ".venv" / "bin" / "lianxin")

SMS_BACKEND = '''
import os


class FileSmsBackend:
    """Appends each message to a file, one line each (O_APPEND: whole lines)."""

    def send(self, phone, text):
        line = (phone + "\\t" + " ".join(text.split()) + "\\n").encode()
        fd = os.open(os.environ["LOAD_SMS_FILE"], os.O_WRONLY | os.O_APPEND | os.O_CREAT)
        try:
            os.write(fd, line)
        finally:
            os.close(fd)
'''


def env() -> dict:
    e = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    e.update(
        DATABASE_URL=LOAD_URL,
        LIANXIN_DATA_DIR=str(DATA),
        DJANGO_SETTINGS_MODULE="lianxin.settings",
        LIANXIN_SMS_BACKEND="load_sms.FileSmsBackend",
        LOAD_SMS_FILE=str(SMS_LOG),
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        PYTHONPATH=str(DATA),
        LOG_LEVEL="WARNING",
    )
    e.pop("LIANXIN_TASKS", None)
    return e


def fresh() -> None:
    fresh_database_cli(DB_NAME, PG_URL)
    shutil.rmtree(DATA, ignore_errors=True)
    DATA.mkdir(parents=True)
    (DATA / "load_sms.py").write_text(SMS_BACKEND)


def setup_django():
    os.environ.update(env())
    sys.path.insert(0, str(DATA))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def make_org() -> dict:
    """The organisation, through the actions; overdue cases for the clock."""
    from django.utils import timezone

    from lianxin.cases import actions as case_actions
    from lianxin.cases.models import Category
    from lianxin.core import clock
    from lianxin.core.actions import api_token_create
    from lianxin.core.actor import Actor
    from lianxin.org import actions
    from lianxin.org.models import Role

    root = actions.unit_create(
        name="负载公路段", kind="organ", parent=None, code="ld", actor=Actor.system()
    )
    stations = [
        actions.unit_create(name=f"负载{n}站", kind="station", parent=root, actor=Actor.system())
        for n in range(3)
    ]
    desk = actions.person_create(username="ld-desk", name="值班员", unit=root, actor=Actor.system())
    for role in (Role.OPERATOR, Role.DISPATCHER):
        actions.role_grant(person=desk, unit=root, role=role, actor=Actor.system())
    handlers = []
    for n, station in enumerate(stations):
        h = actions.person_create(
            username=f"ld-h{n}",
            name=f"承办{n}",
            unit=station,
            phone=f"1390000010{n}",
            actor=Actor.system(),
        )
        actions.role_grant(person=h, unit=station, role=Role.HANDLER, actor=Actor.system())
        lead = actions.person_create(
            username=f"ld-l{n}",
            name=f"站长{n}",
            unit=station,
            phone=f"1390000020{n}",
            actor=Actor.system(),
        )
        actions.role_grant(person=lead, unit=station, role=Role.LEADER, actor=Actor.system())
        handlers.append(h)
    boss = actions.person_create(
        username="ld-boss", name="段长", unit=root, phone="13900000300", actor=Actor.system()
    )
    actions.role_grant(person=boss, unit=root, role=Role.LEADER, actor=Actor.system())
    category = Category.objects.create(root=root, name="路面病害")
    _t, token = api_token_create(user=desk.user, name="load", actor=Actor.system())
    # Suggestions dispatched 10 days ago and never accepted: the clock reminds (accept limit
    # 1 working day) and escalates (5 working days later) them during the run; their reply
    # limit (13 working days) has not passed, so each gets one reminder of each kind.
    with clock.frozen_at(timezone.now() - timedelta(days=10)):
        for i in range(OVERDUE):
            case, _s = case_actions.case_receive(
                root=root,
                kind="suggestion",
                channel="hotline",
                category=category,
                content=f"积压诉求 {i}：路面坑洼，请修补。",
                citizen_phone=f"137{i:08d}",
                actor=desk.user,
            )
            n = i % len(stations)
            case_actions.case_dispatch(
                case=case, unit=stations[n], handler=handlers[n], actor=desk.user
            )
    return {"token": token, "category": category.pk, "stations": [s.pk for s in stations]}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Services:
    """The web server, the task worker and the clock; kill -9 and restart them."""

    def __init__(self, port: int):
        self.port = port
        self.extra = None
        self.log = open(DATA / "services.log", "ab")  # noqa: SIM115
        self.web = self._start(
            "serve",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WEB_WORKERS),
            "--threads",
            "4",
        )
        self.worker = self._start("db_worker", "--interval", "0.5", "--no-startup-delay")
        self.clock = self._start("clock", "--interval", "1", "--batch", "10")
        self.restarts = Counter()
        for _ in range(150):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise SystemExit("lianxin serve did not start")
        while len(self.web_workers()) < WEB_WORKERS:
            time.sleep(0.2)

    def _start(self, *args) -> subprocess.Popen:
        return subprocess.Popen(
            [LIANXIN, *args], env=env(), stdout=self.log, stderr=self.log, cwd=ROOT
        )

    def web_workers(self) -> list[int]:
        try:
            children = Path(f"/proc/{self.web.pid}/task/{self.web.pid}/children").read_text()
        except OSError:
            return []
        return [int(p) for p in children.split()]

    def kill_web_worker(self) -> None:
        workers = self.web_workers()
        if workers:
            os.kill(workers[0], signal.SIGKILL)
            self.restarts["web worker (gunicorn respawns)"] += 1

    def kill_worker(self) -> None:
        self.worker.send_signal(signal.SIGKILL)
        self.worker.wait()
        self.worker = self._start("db_worker", "--interval", "0.5", "--no-startup-delay")
        self.restarts["db_worker"] += 1

    def kill_clock(self) -> None:
        self.clock.send_signal(signal.SIGKILL)
        self.clock.wait()
        self.clock = self._start("clock", "--interval", "1", "--batch", "10")
        self.restarts["clock"] += 1

    def stop(self) -> None:
        procs = [self.clock, self.worker, self.web] + ([self.extra] if self.extra else [])
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        self.log.close()


def call(url: str, token: str, body: dict) -> tuple[int, dict]:
    req = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
    )
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read() or b"{}")


def run_clients(port: int, org: dict, services: Services) -> dict:
    base = f"http://127.0.0.1:{port}/api/v1/cases/"
    accepted: dict[str, str] = {}  # submit_token -> code
    dispatched: set[str] = set()
    latencies: list[float] = []
    retries = Counter()
    lock = threading.Lock()

    def with_retries(what, func):
        for attempt in range(20):
            try:
                return func()
            except (OSError, ValueError, http.client.HTTPException):  # a killed web worker
                retries[what] += 1
                time.sleep(0.2 * (attempt + 1))
        raise RuntimeError(f"{what}: no answer after 20 tries")

    failed: list[str] = []

    def client(k: int) -> None:
        try:
            work(k)
        except Exception as exc:  # counted and printed, never a silent thread death
            with lock:
                failed.append(f"client {k}: {exc!r}")

    def work(k: int) -> None:
        for i in range(PER_CLIENT):
            key = f"load-{k}-{i}"
            body = {
                "kind": "complaint",
                "channel": "hotline",
                "category": org["category"],
                "content": f"负载测试诉求 {k}-{i}：青山路K{k}+{i:03d}处路面有坑，请尽快修补。",
                "citizen_phone": f"138{k:04d}{i:04d}",
                "submit_token": key,
            }
            t0 = time.perf_counter()
            status, created = with_retries("create", lambda b=body: call(base, org["token"], b))
            if status != 201:
                raise RuntimeError(f"create {key}: {status} {created}")
            code = created["code"]
            with lock:
                accepted[key] = code
            station = org["stations"][(k + i) % len(org["stations"])]

            def dispatch(code=code, station=station):
                url = f"{base}{code}/steps/dispatch"
                status, out = call(url, org["token"], {"version": 1, "unit": station})
                if status == 400 and out["detail"][0]["code"] in ("stale", "wrong_state"):
                    return 200, out  # an earlier try went through before its answer was lost
                return status, out

            status, out = with_retries("dispatch", dispatch)
            if status != 200:
                raise RuntimeError(f"dispatch {code}: {status} {out}")
            with lock:
                dispatched.add(code)
                latencies.append(time.perf_counter() - t0)

    stop = threading.Event()

    def killer() -> None:
        kills = [services.kill_web_worker, services.kill_worker, services.kill_clock]
        n = 0
        while not stop.wait(KILL_EVERY):
            kills[n % len(kills)]()
            n += 1

    threads = [threading.Thread(target=client, args=(k,)) for k in range(CLIENTS)]
    chaos = threading.Thread(target=killer)
    start = time.perf_counter()
    chaos.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    stop.set()
    chaos.join()
    return {
        "accepted": accepted,
        "dispatched": dispatched,
        "elapsed": elapsed,
        "latencies": sorted(latencies),
        "retries": retries,
        "failed": failed,
    }


def drain(services: Services, timeout: float = DRAIN) -> dict:
    """Let the clock finish what is due and the task worker send what is queued."""
    from django_tasks_db.models import DBTaskResult

    subprocess.run([LIANXIN, "clock", "--once"], env=env(), cwd=ROOT, capture_output=True)
    # A second task worker beside the first (several may run): the queue empties sooner.
    services.extra = services._start("db_worker", "--interval", "0.5", "--no-startup-delay")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not DBTaskResult.objects.filter(status="READY").exists():
            break
        time.sleep(1)
    return dict(Counter(DBTaskResult.objects.values_list("status", flat=True)))


def check(result: dict) -> dict:
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    from lianxin.cases.models import Case
    from lianxin.core.models import Notice

    accepted = result["accepted"]
    found = set(Case.objects.filter(code__in=accepted.values()).values_list("code", flat=True))
    missing = sorted(set(accepted.values()) - found)
    per_key = Case.objects.filter(submit_token__startswith="load-").values("submit_token")
    extra_cases = per_key.annotate(n=Count("id")).filter(n__gt=1).count()
    inbox_dupes = (
        Notice.objects.values("recipient", "title", "url")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .count()
    )
    lines = SMS_LOG.read_text().splitlines() if SMS_LOG.exists() else []
    sms = Counter(lines)
    sms_dupes = {line: n for line, n in sms.items() if n > 1}
    # Every dispatched case of the run should have told its citizen once.
    told = {line.split("\t", 1)[0] for line in lines}
    phones = dict(
        Case.objects.filter(code__in=result["dispatched"]).values_list("code", "citizen_phone")
    )
    untold = sorted(code for code, phone in phones.items() if phone not in told)
    queued = {
        t.args_kwargs["args"][0]
        for t in DBTaskResult.objects.filter(status="READY", task_path__endswith="send_sms")
    }
    untold_queued = sum(1 for code in untold if phones[code] in queued)
    # A task whose worker was killed stays RUNNING: django-tasks-db never runs it again (at
    # most once). Was its SMS sent before the kill, or lost?
    cut = {"sent": 0, "lost": 0}
    for task in DBTaskResult.objects.filter(status="RUNNING", task_path__endswith="send_sms"):
        phone, text = task.args_kwargs["args"][:2]
        cut["sent" if f"{phone}\t{' '.join(text.split())}" in sms else "lost"] += 1
    audit = subprocess.run(
        [LIANXIN, "audit", "verify"], env=env(), cwd=ROOT, capture_output=True, text=True
    )
    return {
        "missing": missing,
        "extra_cases": extra_cases,
        "inbox_rows": Notice.objects.count(),
        "inbox_dupes": inbox_dupes,
        "sms": len(lines),
        "sms_dupes": sms_dupes,
        "untold": untold,
        "untold_queued": untold_queued,
        "cut": cut,
        "audit_ok": audit.returncode == 0,
        "audit": (audit.stdout.strip().splitlines() or audit.stderr.strip().splitlines())[-1],
    }


def pct(values: list[float], p: float) -> float:
    return values[min(len(values) - 1, int(len(values) * p))] * 1000


def main() -> int:
    fresh()
    setup_django()
    t0 = time.perf_counter()
    org = make_org()
    print(f"set up {OVERDUE} overdue cases through the actions in {time.perf_counter() - t0:.0f}s")
    port = free_port()
    services = Services(port)
    try:
        result = run_clients(port, org, services)
        tasks = drain(services)
    finally:
        services.stop()
    figures = check(result)
    n = len(result["accepted"])
    lat = result["latencies"]
    print(
        f"{CLIENTS} clients, {WEB_WORKERS} web workers: {n} cases accepted and dispatched in "
        f"{result['elapsed']:.1f}s = {n / result['elapsed']:.1f} cases/s "
        f"(2 API calls each); latency per case p50 {statistics.median(lat) * 1000:.0f} ms, "
        f"p99 {pct(lat, 0.99):.0f} ms"
    )
    print(
        "kill -9 and restarts: "
        + ", ".join(f"{what} {n}" for what, n in sorted(services.restarts.items()))
        + "; client retries after a failed call: "
        + (", ".join(f"{w} {n}" for w, n in sorted(result["retries"].items())) or "none")
    )
    for line in result["failed"]:
        print("CLIENT FAILED", line)
    print(
        f"cases whose code a client received but missing: {len(figures['missing'])}; "
        f"keys with more than one case: {figures['extra_cases']}"
    )
    print(
        f"notifications: {figures['inbox_rows']} inbox rows, duplicates {figures['inbox_dupes']}; "
        f"{figures['sms']} SMS, duplicates {sum(n - 1 for n in figures['sms_dupes'].values())}"
    )
    print(
        f"background tasks at the end: {tasks} (SMS tasks cut by a kill: {figures['cut']['sent']} "
        f"sent before it, {figures['cut']['lost']} lost); dispatched cases whose citizen got "
        "no SMS: "
        f"{len(figures['untold'])} ({figures['untold_queued']} of them still queued)"
        + (f" (e.g. {', '.join(figures['untold'][:3])})" if figures["untold"] else "")
    )
    print(
        f"lianxin audit verify: {'intact' if figures['audit_ok'] else 'BROKEN'}: {figures['audit']}"
    )
    for line, n in list(figures["sms_dupes"].items())[:5]:
        print(f"DUPLICATE SMS x{n}: {line}")
    bad = figures["missing"] or figures["extra_cases"] or figures["inbox_dupes"] or result["failed"]
    bad = bad or figures["sms_dupes"] or not figures["audit_ok"]
    return 1 if bad else 0


if __name__ == "__main__":
    if "--intake" in sys.argv:  # intake throughput against django-helpdesk (bench/intake.py)
        import intake

        sys.exit(intake.main())
    sys.exit(main())
