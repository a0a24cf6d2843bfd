"""Intake throughput: lianxin's `POST /api/v1/cases/` against django-helpdesk's ticket creation
(`POST /api/tickets/`), same machine, same run, same harness, on PostgreSQL.

    .venv/bin/python bench/load.py --intake          (or bench/intake.py)
    INTAKE_SECONDS=20 INTAKE_CLIENTS=16 INTAKE_ROUNDS=2 PG_URL=postgres://... ...
    INTAKE_CLIENT=threads      (the clients as urllib threads, as before; default: sockets)

Each side: 2 sync gunicorn workers (one thread each), 16 closed-loop clients (each sends
the next request when the answer to the last has come; by default non-blocking sockets in
one thread), INTAKE_SECONDS of measurement after
a short warm-up; the two alternate INTAKE_ROUNDS times so that other load on the machine
falls on both. Both authenticate with a bearer token (DRF TokenAuthentication for
django-helpdesk: no password hashing per request). django-helpdesk runs from its own venv
(data/helpdesk-venv, made with pip from the registry when missing) with Django's default
middleware (bench/helpdesk_site). Prints requests/s, p50/p95/p99 of each, the ratio, the
database queries of one create on each side, the CPU per create of the workers, of
PostgreSQL (all its processes) and of the clients, how busy the whole machine was, and the
p99 of every 2 s (a periodic stall would show there).
"""

from __future__ import annotations

import json
import os
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from common import fresh_database_cli  # noqa: E402 (beside this script)

PG_URL = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
SERVER = PG_URL.rsplit("/", 1)[0]
LX_DB = os.environ.get("INTAKE_DB", "wt_intake_lianxin")
HD_DB = os.environ.get("INTAKE_HELPDESK_DB", "wt_intake_helpdesk")
DATA = ROOT / "data" / "intake"
HD_VENV = ROOT / "data" / "helpdesk-venv"
HD_SITE = ROOT / "bench" / "helpdesk_site"
CLIENTS = int(os.environ.get("INTAKE_CLIENTS", "16"))
SECONDS = float(os.environ.get("INTAKE_SECONDS", "20"))
ROUNDS = int(os.environ.get("INTAKE_ROUNDS", "2"))
WORKERS = int(os.environ.get("INTAKE_WORKERS", "2"))
CLIENT = os.environ.get("INTAKE_CLIENT", "sockets")  # or "threads" (urllib, one thread each)
# this checkout's lianxin, whichever venv runs the bench (a checkout of an older commit
# may be measured with this one's venv: PYTHONPATH puts its code first)
LIANXIN = [sys.executable, "-m", "lianxin.cli"]

HD_SETUP = """
import json, sys
import django
django.setup()
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from helpdesk.models import Queue
user = User.objects.create_superuser("bench", "bench@example.org", "x")
token = Token.objects.create(user=user).key
queue = Queue.objects.create(title="Roads", slug="roads", email_address="roads@example.org")
client = Client(HTTP_AUTHORIZATION="Token " + token)
body = {"queue": queue.pk, "title": "Pothole", "description": "A pothole on the road.",
        "submitter_email": "citizen@example.org", "priority": 3}
counts = []
for _ in range(3):
    with CaptureQueriesContext(connection) as ctx:
        r = client.post("/api/tickets/", body, content_type="application/json")
    assert r.status_code == 201, (r.status_code, r.content[:500])
    counts.append(len(ctx.captured_queries))
print(json.dumps({"token": token, "queue": queue.pk, "queries": counts[-1]}))
"""


def fresh_db(name: str) -> None:
    fresh_database_cli(name, PG_URL)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(url: str, proc: subprocess.Popen) -> None:
    for _ in range(300):
        if proc.poll() is not None:
            raise SystemExit(f"the server for {url} exited")
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not start")


def stop(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


# ---------------------------------------------------------------- lianxin


def lx_env() -> dict:
    e = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    e.update(
        DATABASE_URL=f"{SERVER}/{LX_DB}",
        LIANXIN_DATA_DIR=str(DATA),
        DJANGO_SETTINGS_MODULE="lianxin.settings",
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    e.pop("LIANXIN_TASKS", None)
    return e


def lx_setup() -> dict:
    """The organisation through the actions; the queries of one create (after two)."""
    fresh_db(LX_DB)
    shutil.rmtree(DATA, ignore_errors=True)
    DATA.mkdir(parents=True)
    os.environ.update(lx_env())
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from lianxin.cases.models import Category
    from lianxin.core.actions import api_token_create
    from lianxin.core.actor import Actor
    from lianxin.org import actions
    from lianxin.org.models import Role

    call_command("migrate", verbosity=0)
    root = actions.unit_create(
        name="受理中心", kind="organ", parent=None, code="in", actor=Actor.system()
    )
    desk = actions.person_create(username="in-desk", name="话务员", unit=root, actor=Actor.system())
    for role in (Role.OPERATOR, Role.DISPATCHER):
        actions.role_grant(person=desk, unit=root, role=role, actor=Actor.system())
    category = Category.objects.create(root=root, name="路面病害")
    _t, token = api_token_create(user=desk.user, name="intake", actor=Actor.system())
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    counts = []
    for i in range(3):
        with CaptureQueriesContext(connection) as ctx:
            r = client.post(
                "/api/v1/cases/", lx_body(category.pk, 99, i), content_type="application/json"
            )
        assert r.status_code == 201, (r.status_code, r.content[:500])
        counts.append(len(ctx.captured_queries))
    return {"token": token, "category": category.pk, "queries": counts[-1]}


def lx_body(category: int, k: int, i: int) -> dict:
    return {
        "kind": "complaint",
        "channel": "hotline",
        "category": category,
        "content": f"受理测试 {k}-{i}：青山路K{k}+{i:03d}处路面有坑，请尽快修补。",
        "citizen_phone": f"138{k:04d}{i:04d}",
        "submit_token": f"intake-{k}-{i}-{time.monotonic_ns()}",
    }


def lx_server(port: int, log) -> subprocess.Popen:
    args = ["serve", "--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS), "--threads", "1"]
    return subprocess.Popen([*LIANXIN, *args], env=lx_env(), stdout=log, stderr=log, cwd=ROOT)


# ---------------------------------------------------------------- django-helpdesk


def hd_env() -> dict:
    e = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    e.update(
        HELPDESK_DATABASE_URL=f"{SERVER}/{HD_DB}",
        DJANGO_SETTINGS_MODULE="settings",
        PYTHONPATH=str(HD_SITE),
    )
    return e


def hd_install() -> None:
    if (HD_VENV / "bin" / "gunicorn").exists():
        return
    subprocess.run([sys.executable, "-m", "venv", str(HD_VENV)], check=True)
    pip = [str(HD_VENV / "bin" / "pip"), "install", "-q"]
    subprocess.run(
        [*pip, "django-helpdesk", "djangorestframework", "gunicorn", "psycopg[binary]"],
        check=True,
    )
    subprocess.run([*pip, "dj-database-url"], check=True)


def hd_setup() -> dict:
    hd_install()
    fresh_db(HD_DB)
    py = str(HD_VENV / "bin" / "python")
    subprocess.run([py, "-m", "django", "migrate", "-v0"], env=hd_env(), cwd=HD_SITE, check=True)
    out = subprocess.run(
        [py, "-c", HD_SETUP], env=hd_env(), cwd=HD_SITE, check=True, capture_output=True
    )
    return json.loads(out.stdout.decode().strip().splitlines()[-1])


def hd_body(queue: int, k: int, i: int) -> dict:
    return {
        "queue": queue,
        "title": f"Pothole {k}-{i}",
        "description": f"Intake test {k}-{i}: a pothole at Qingshan Road K{k}+{i:03d}.",
        "submitter_email": f"citizen{k}.{i}@example.org",
        "priority": 3,
    }


def hd_server(port: int, log) -> subprocess.Popen:
    gunicorn = str(HD_VENV / "bin" / "gunicorn")
    args = ["--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS), "--threads", "1"]
    app = "django.core.wsgi:get_wsgi_application()"
    return subprocess.Popen(
        [gunicorn, *args, app], env=hd_env(), stdout=log, stderr=log, cwd=HD_SITE
    )


# ---------------------------------------------------------------- the clients


def post(url: str, auth: str, body: dict) -> int:
    req = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Authorization": auth},
    )
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as err:
        err.read()
        return err.code


def closed_loop_threads(url: str, auth: str, body, seconds: float) -> dict:
    """INTAKE_CLIENT=threads (the harness before 2026-12-03's fourth pass): CLIENTS threads
    with urllib, each sending the next request when the last is answered. Its own CPU per
    request (urllib, 16 threads taking turns at the GIL) is taken from the same two cores as
    the servers', and a thread whose answer has come waits for the GIL before its clock
    stops."""
    latencies: list[float] = []
    starts: list[float] = []
    errors: list[int] = []
    lock = threading.Lock()
    start = time.perf_counter()
    end = start + seconds

    def client(k: int) -> None:
        i = 0
        while time.perf_counter() < end:
            t0 = time.perf_counter()
            try:
                status = post(url, auth, body(k, i))
            except OSError:
                status = 0
            took = time.perf_counter() - t0
            with lock:
                if status == 201:
                    latencies.append(took)
                    starts.append(t0 - start)
                else:
                    errors.append(status)
            i += 1

    threads = [threading.Thread(target=client, args=(k,)) for k in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {
        "latencies": latencies,
        "starts": starts,
        "errors": errors,
        "elapsed": time.perf_counter() - start,
    }


def closed_loop(url: str, auth: str, body, seconds: float) -> dict:
    """CLIENTS closed-loop clients in one thread (the default, INTAKE_CLIENT=sockets): each
    client is a non-blocking socket that sends its next request, prepared as bytes, when the
    answer to the last has been read to its end (gunicorn's sync workers close the
    connection after each answer, as urllib's clients saw too). No thread switches, no
    urllib: a request costs the client a connect, a send and a few reads, so the two cores
    are left to the servers and PostgreSQL, the same for both sides."""
    if CLIENT == "threads":
        return closed_loop_threads(url, auth, body, seconds)
    parts = urllib.parse.urlsplit(url)
    address = (parts.hostname, parts.port)
    head = (
        f"POST {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nAuthorization: {auth}\r\n"
        "Content-Type: application/json\r\nConnection: close\r\n"
    )

    def request(k: int, i: int) -> bytes:
        data = json.dumps(body(k, i)).encode()
        return f"{head}Content-Length: {len(data)}\r\n\r\n".encode() + data

    latencies: list[float] = []
    starts: list[float] = []
    errors: list[int] = []
    sel = selectors.DefaultSelector()
    start = time.perf_counter()
    end = start + seconds
    state: dict[int, list] = {}  # client -> [socket, bytes to send, bytes read, t0, i]

    def begin(k: int, i: int) -> None:
        sock = socket.socket()
        sock.setblocking(False)
        t0 = time.perf_counter()
        sock.connect_ex(address)
        state[k] = [sock, request(k, i), bytearray(), t0, i]
        sel.register(sock, selectors.EVENT_WRITE, k)

    def finish(k: int) -> None:
        sock, _out, got, t0, i = state.pop(k)
        now = time.perf_counter()
        sel.unregister(sock)
        sock.close()
        try:
            status = int(bytes(got[9:12]))
        except ValueError:
            status = 0
        if status == 201:
            latencies.append(now - t0)
            starts.append(t0 - start)
        else:
            errors.append(status)
        if now < end:
            begin(k, i + 1)

    for k in range(CLIENTS):
        begin(k, 0)
    while state:
        for key, events in sel.select(timeout=1.0):
            k = key.data
            entry = state[k]
            sock = entry[0]
            try:
                if events & selectors.EVENT_WRITE:
                    sent = sock.send(entry[1])
                    entry[1] = entry[1][sent:]
                    if not entry[1]:
                        sel.modify(sock, selectors.EVENT_READ, k)
                    continue
                chunk = sock.recv(65536)
            except OSError:
                chunk = b""
            if chunk:
                entry[2] += chunk
            else:
                finish(k)
        for k in [k for k, e in state.items() if time.perf_counter() - e[3] > 30]:
            state[k][2] = bytearray()  # no answer in 30 s: an error
            finish(k)
    return {
        "latencies": latencies,
        "starts": starts,
        "errors": errors,
        "elapsed": time.perf_counter() - start,
    }


def machine_cpu() -> tuple[float, float]:
    """Busy and total CPU seconds of the whole machine so far (/proc/stat, every core)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    ticks = os.sysconf("SC_CLK_TCK")
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / ticks, sum(fields[:8]) / ticks


def postgres_cpu() -> float:
    """CPU seconds used so far by PostgreSQL's processes: every backend, the checkpointer,
    the WAL writer, and the backends that have exited (counted in the postmaster's
    children's time once it has waited for them)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        name, rest = text.split(" (", 1)[1].rsplit(")", 1)
        if name.startswith("postgres"):
            fields = rest.split()
            total += sum(int(x) for x in fields[11:15]) / ticks  # utime, stime, cutime, cstime
    return total


def workers_cpu(master: int) -> float:
    """CPU seconds (user + system) used so far by the gunicorn workers of `master`."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except OSError:
        return 0.0
    for pid in children:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


def workers_waited(master: int) -> float:
    """Seconds the gunicorn workers of `master` have spent so far ready to run but waiting
    for a core (the second field of /proc/<pid>/schedstat; each worker is one thread)."""
    total = 0.0
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except OSError:
        return 0.0
    for pid in children:
        try:
            total += int(Path(f"/proc/{pid}/schedstat").read_text().split()[1]) / 1e9
        except (OSError, IndexError, ValueError):
            continue
    return total


def measure(url: str, auth: str, body, master: int) -> dict:
    closed_loop(url, auth, body, 2.0)  # warm-up: both workers import and connect
    cpu, busy, pg, me = workers_cpu(master), machine_cpu(), postgres_cpu(), time.process_time()
    waited = workers_waited(master)
    run = closed_loop(url, auth, body, SECONDS)
    run["client"] = time.process_time() - me
    run["cpu"] = workers_cpu(master) - cpu
    run["waited"] = workers_waited(master) - waited
    run["pg"] = postgres_cpu() - pg
    after = machine_cpu()
    run["busy"], run["total"] = after[0] - busy[0], after[1] - busy[1]
    return run


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] * 1000 if values else 0.0


def summary(runs: list[dict]) -> dict:
    lat = [x for r in runs for x in r["latencies"]]
    elapsed = sum(r["elapsed"] for r in runs)
    n = max(1, len(lat))
    return {
        "n": len(lat),
        "rate": len(lat) / elapsed,
        "p50": pct(lat, 0.50),
        "p95": pct(lat, 0.95),
        "p99": pct(lat, 0.99),
        "errors": sum(len(r["errors"]) for r in runs),
        "cpu_ms": 1000 * sum(r["cpu"] for r in runs) / n,
        "client_ms": 1000 * sum(r["client"] for r in runs) / n,
        "pg_ms": 1000 * sum(r["pg"] for r in runs) / n,
        "waited_ms": 1000 * sum(r["waited"] for r in runs) / n,
        "busy": sum(r["busy"] for r in runs) / max(1e-9, sum(r["total"] for r in runs)),
    }


def over_time(run: dict) -> str:
    """The p99 of each 2 s of one run (ms): a periodic stall shows as a spike."""
    slots: dict[int, list[float]] = {}
    for t, x in zip(run["starts"], run["latencies"], strict=True):
        slots.setdefault(int(t // 2), []).append(x)
    return " ".join(f"{pct(v, 0.99):.0f}" for _k, v in sorted(slots.items()))


def profile(n: int = 200) -> int:
    """`--profile`: n creates in this process (Django's test client, the whole middleware)
    under cProfile, after the set-up's three; prints the statements of one create, the
    time per create, and the functions that took it."""
    import cProfile
    import pstats

    lx = lx_setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_AUTHORIZATION=f"Bearer {lx['token']}")
    rounds = 20
    with CaptureQueriesContext(connection) as ctx:
        for i in range(rounds):
            client.post(
                "/api/v1/cases/", lx_body(lx["category"], 98, i), content_type="application/json"
            )
    each = len(ctx.captured_queries) // rounds
    print(f"one create: {each} statements (mean seconds of each over {rounds} creates)")
    for k, q in enumerate(ctx.captured_queries[:each]):
        mean = sum(float(x["time"]) for x in ctx.captured_queries[k::each]) / rounds
        print(f"  {mean:.4f} s  {q['sql'][:150]}")
    bodies = [lx_body(lx["category"], 97, i) for i in range(n)]
    t0, c0 = time.perf_counter(), time.process_time()
    for body in bodies[: n // 2]:  # without the profiler: the time a create takes
        client.post("/api/v1/cases/", body, content_type="application/json")
    plain = (time.perf_counter() - t0) / (n // 2)
    cpu = (time.process_time() - c0) / (n // 2)
    profiler = cProfile.Profile()
    profiler.enable()
    for body in bodies[n // 2 :]:
        r = client.post("/api/v1/cases/", body, content_type="application/json")
        assert r.status_code == 201, r.content[:300]
    profiler.disable()
    print(
        f"{n // 2} creates without the profiler: {plain * 1000:.1f} ms each, "
        f"of which {cpu * 1000:.1f} ms CPU of this process"
    )
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(45)
    stats.sort_stats("tottime").print_stats(25)
    return 0


def main() -> int:
    if "--profile" in sys.argv:
        return profile()
    t0 = time.perf_counter()
    lx = lx_setup()
    hd = hd_setup()
    print(f"set up both sides in {time.perf_counter() - t0:.0f}s")
    log = open(DATA / "servers.log", "ab")  # noqa: SIM115
    lx_port, hd_port = free_port(), free_port()
    servers = [lx_server(lx_port, log), hd_server(hd_port, log)]
    runs: dict[str, list[dict]] = {"lianxin": [], "helpdesk": []}
    try:
        wait_up(f"http://127.0.0.1:{lx_port}/healthz", servers[0])
        wait_up(f"http://127.0.0.1:{hd_port}/api/tickets/", servers[1])
        lx_url = f"http://127.0.0.1:{lx_port}/api/v1/cases/"
        hd_url = f"http://127.0.0.1:{hd_port}/api/tickets/"
        for _ in range(ROUNDS):
            runs["lianxin"].append(
                measure(
                    lx_url,
                    f"Bearer {lx['token']}",
                    lambda k, i: lx_body(lx["category"], k, i),
                    servers[0].pid,
                )
            )
            runs["helpdesk"].append(
                measure(
                    hd_url,
                    f"Token {hd['token']}",
                    lambda k, i: hd_body(hd["queue"], k, i),
                    servers[1].pid,
                )
            )
    finally:
        for proc in servers:
            stop(proc)
        log.close()
    a, b = summary(runs["lianxin"]), summary(runs["helpdesk"])
    head = f"{CLIENTS} closed-loop clients, {WORKERS} sync gunicorn workers"
    print(f"{head}, {ROUNDS} x {SECONDS:.0f}s each, PostgreSQL, client {CLIENT}:")
    for name, s, what, q in (
        ("lianxin POST /api/v1/cases/", a, "cases/s", lx["queries"]),
        ("django-helpdesk POST /api/tickets/", b, "tickets/s", hd["queries"]),
    ):
        print(
            f"  {name}: {s['n']} created, {s['rate']:.1f} {what}; p50 {s['p50']:.0f} ms, "
            f"p95 {s['p95']:.0f} ms, p99 {s['p99']:.0f} ms; errors {s['errors']}; "
            f"{q} queries per create; CPU per create: workers {s['cpu_ms']:.1f} ms, "
            f"PostgreSQL {s['pg_ms']:.1f} ms, the clients {s['client_ms']:.1f} ms; "
            f"machine busy {100 * s['busy']:.0f} %; the workers waited for a core "
            f"{s['waited_ms']:.1f} ms per create"
        )
    for name in runs:
        for k, run in enumerate(runs[name]):
            print(f"  {name} round {k + 1}, p99 of each 2 s (ms): {over_time(run)}")
    ratio = a["rate"] / b["rate"] if b["rate"] else float("inf")
    print(f"  ratio lianxin / django-helpdesk: {ratio:.2f}x")
    return 1 if a["errors"] or a["n"] == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
