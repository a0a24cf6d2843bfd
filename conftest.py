"""The fixed cast of the tests, set up through actions.

Organisation "测试公路段" (organ) with an office and two stations; a second organisation
"外县公路段" whose leader is the outsider.

cast.admin           admin on the organ (governs everything in it)
cast.leader          principal leader of the organ
cast.station_leader  principal leader of station A
cast.handler         handler at station A
cast.handler_b       handler at station B
cast.outsider        leader of the other organisation
cast.nobody          a login with no staff profile
"""

from __future__ import annotations

import os
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model

from lianxin.core.actor import Actor
from lianxin.org import actions
from lianxin.org.models import Role

# Moments at which date-sensitive tests also run (`@pytest.mark.any_hour`), and at which
# `LIANXIN_TEST_NOW=...` runs the whole suite: the wall clock must never matter.
# Beijing is UTC+8, so 15:59 UTC is 23:59 in Beijing and 16:00 UTC is the next day there.
AWKWARD_MOMENTS = {
    "before-midnight-beijing": "2026-12-03T15:59:30+00:00",
    "after-midnight-beijing": "2026-12-03T16:00:30+00:00",
    "month-end-beijing": "2026-11-30T15:58:00+00:00",
    "eve-of-national-day": "2026-09-30T09:30:00+00:00",
    "national-day-holiday": "2026-10-03T02:00:00+00:00",
}


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "any_hour: also run the test with the clock at each of AWKWARD_MOMENTS"
    )
    config.addinivalue_line(
        "markers",
        "once: does not depend on the database engine (browser, PDF, subprocess, i18n); "
        "`make test` runs it in the SQLite run only",
    )
    config.addinivalue_line(
        "markers",
        "strict_engine: long and worth running once, on the stricter engine (PostgreSQL refuses "
        "what SQLite lets through: NUL characters, over-long text); `make test` runs it in the "
        "PostgreSQL run only",
    )
    config.pluginmanager.register(LongModulesFirst(), "lianxin-long-modules-first")
    moment = os.environ.get("LIANXIN_TEST_NOW")
    if moment:
        import time_machine

        # The whole process (Django's timezone.now, auto_now fields, the clock) starts at
        # that moment and ticks on from it.
        config._lianxin_travel = time_machine.travel(AWKWARD_MOMENTS.get(moment, moment))
        config._lianxin_travel.start()


def pytest_unconfigure(config):
    travel = getattr(config, "_lianxin_travel", None)
    if travel is not None:
        travel.stop()


def pytest_collection_modifyitems(config, items):
    by_module: dict = {}
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.once)
        module = item.getparent(pytest.Module)
        if module is not None:
            by_module.setdefault(module.nodeid, []).append(item)
    config.stash[_SHARED_CAST] = {
        nodeid for nodeid, tests in by_module.items() if all(_shares_cast(t) for t in tests)
    }


class LongModulesFirst:
    """The long modules (a browser, a live server, the demo, a subprocess) first: the workers
    take whole modules in this order (--dist loadfile), and a long one taken last keeps one
    worker busy while the other has finished. Runs after pytest-django's own ordering."""

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, items):
        by_module: dict = {}
        for item in items:
            by_module.setdefault(_module_of(item), []).append(item)
        long_modules = {m for m, tests in by_module.items() if any(map(_is_long, tests))}
        items[:] = [t for m, tests in by_module.items() if m in long_modules for t in tests] + [
            t for m, tests in by_module.items() if m not in long_modules for t in tests
        ]


def _module_of(item) -> str:
    module = item.getparent(pytest.Module)
    return module.nodeid if module is not None else ""


def _is_long(item) -> bool:
    names = set(getattr(item, "fixturenames", ()))
    marked = item.get_closest_marker("once") or item.get_closest_marker("strict_engine")
    return bool(names & {"live_server", "demo", "browser"}) or bool(marked)


def pytest_generate_tests(metafunc):
    if metafunc.definition.get_closest_marker("any_hour") and not os.environ.get(
        "LIANXIN_TEST_NOW"
    ):
        metafunc.fixturenames.insert(0, "_awkward_moment")
        metafunc.parametrize("_awkward_moment", ["now", *AWKWARD_MOMENTS], indirect=True)


@pytest.fixture
def _awkward_moment(request):
    """Moves the whole process's clock to the named moment for one test (it keeps ticking)."""
    if request.param == "now":
        yield
        return
    import time_machine

    with time_machine.travel(AWKWARD_MOMENTS[request.param]):
        yield


def run_at_once(work, times: int = 2) -> list:
    """Run `work()` in `times` threads released together (several clocks or workers on one
    database); their results, or the first error raised in a thread."""
    import threading

    from django.db import close_old_connections, connection

    results, errors = [], []
    barrier = threading.Barrier(times)

    def run():
        try:
            barrier.wait()
            results.append(work())
        except Exception as exc:  # pragma: no cover - raised below
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(times)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return results


def make_person(username, name, unit, *, roles=(), position="", phone=""):
    person = actions.person_create(
        username=username,
        name=name,
        unit=unit,
        position=position,
        phone=phone,
        actor=Actor.system(),
    )
    for role, role_unit in roles:
        actions.role_grant(person=person, unit=role_unit, role=role, actor=Actor.system())
    return person


@pytest.fixture
def cast(_module_cast, db):
    """The cast as fresh objects. In a module whose every test uses the cast inside a
    rolled-back transaction, the rows are made once for the module and each test reads them
    anew (about a hundred queries saved per test); elsewhere they are made for the test."""
    if _module_cast is None:
        return build_cast()
    return _load_cast(_module_cast)


# What a test may use that rules out sharing the module's cast: its own commits (threads, a
# live server, the committed demo) or a reset. A test at an awkward moment shares it: the
# cast's rows (units, people, grants) hold no date that any rule reads.
_OWN_WORLD = {
    "transactional_db", "live_server", "demo",
    "django_db_reset_sequences", "django_db_serialized_rollback",
}  # fmt: skip
_SHARED_CAST = pytest.StashKey[set]()


def _shares_cast(item) -> bool:
    names = set(getattr(item, "fixturenames", ()))
    if "cast" not in names or names & _OWN_WORLD:
        return False
    marker = item.get_closest_marker("django_db")
    kwargs = marker.kwargs if marker else {}
    return not any(kwargs.get(k) for k in ("transaction", "reset_sequences", "serialized_rollback"))


@pytest.fixture(scope="module")
def _module_cast(request, django_db_setup, django_db_blocker):
    """The cast's primary keys, made once inside a transaction that spans the module and is
    rolled back after it (each test's own transaction nests inside as a savepoint); None for
    a module where some test does not fit that (see _OWN_WORLD)."""
    from django.db import transaction

    if request.node.nodeid not in request.config.stash.get(_SHARED_CAST, set()):
        yield None
        return
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        keys = _cast_keys(build_cast())
    try:
        yield keys
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def read_anew(made):
    """`made` (a namespace of model instances, namespaces and plain values, as a module
    fixture made them) with every model instance read anew from the database: one query per
    model. A test may then change its objects without the next test seeing it."""
    from django.db.models import Model

    wanted: dict = {}

    def collect(value):
        if isinstance(value, SimpleNamespace):
            for item in vars(value).values():
                collect(item)
        elif isinstance(value, Model):
            wanted.setdefault(type(value), set()).add(value.pk)

    collect(made)
    found = {model: model._default_manager.in_bulk(pks) for model, pks in wanted.items()}

    def rebuild(value):
        if isinstance(value, SimpleNamespace):
            return SimpleNamespace(**{k: rebuild(v) for k, v in vars(value).items()})
        if isinstance(value, Model):
            return found[type(value)][value.pk]
        return value

    return rebuild(made)


_UNITS = ("root", "office", "station_a", "station_b", "other")
_PEOPLE = ("admin", "leader", "station_leader", "handler", "handler_b", "outsider")


def _cast_keys(made: SimpleNamespace) -> dict:
    return {
        "units": {k: getattr(made, k).pk for k in _UNITS},
        "people": {k: getattr(made.people, k).pk for k in _PEOPLE},
        "nobody": made.nobody.pk,
    }


def _load_cast(keys: dict) -> SimpleNamespace:
    from lianxin.org.models import Person, Unit

    units = Unit.objects.in_bulk(keys["units"].values())
    found = Person.objects.select_related("user").in_bulk(keys["people"].values())
    people = {}
    for name, pk in keys["people"].items():
        person = found[pk]
        person.unit = units.get(person.unit_id) or person.unit
        people[name] = person
    return SimpleNamespace(
        **{name: units[pk] for name, pk in keys["units"].items()},
        nobody=get_user_model().objects.get(pk=keys["nobody"]),
        **{name: person.user for name, person in people.items()},
        people=SimpleNamespace(**people),
    )


def build_cast() -> SimpleNamespace:
    root = actions.unit_create(
        name="测试公路段", kind="organ", parent=None, code="t-root", actor=Actor.system()
    )
    office = actions.unit_create(
        name="办公室", kind="office", parent=root, code="t-office", actor=Actor.system()
    )
    station_a = actions.unit_create(
        name="甲站", kind="station", parent=root, code="t-a", actor=Actor.system()
    )
    station_b = actions.unit_create(
        name="乙站", kind="station", parent=root, code="t-b", actor=Actor.system()
    )
    other = actions.unit_create(
        name="外县公路段", kind="organ", parent=None, code="t-other", actor=Actor.system()
    )
    people = SimpleNamespace(
        admin=make_person("admin", "王管理", office, roles=[(Role.ADMIN, root)]),
        leader=make_person(
            "leader", "张局长", root, roles=[(Role.LEADER, root)], phone="13900000001"
        ),
        station_leader=make_person(
            "sleader", "吴站长", station_a, roles=[(Role.LEADER, station_a)]
        ),
        handler=make_person(
            "handler", "杨承办", station_a, roles=[(Role.HANDLER, station_a)], phone="13900000002"
        ),
        handler_b=make_person("handler_b", "郭承办", station_b, roles=[(Role.HANDLER, station_b)]),
        outsider=make_person("outsider", "外人", other, roles=[(Role.LEADER, other)]),
    )
    nobody = get_user_model().objects.create_user("nobody")
    return SimpleNamespace(
        root=root,
        office=office,
        station_a=station_a,
        station_b=station_b,
        other=other,
        nobody=nobody,
        **{k: v.user for k, v in vars(people).items()},
        people=people,
    )


def second_factor_device(user):
    """The confirmed authenticator app of a user who must pass the second factor (made here
    for the tests), else None."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from lianxin.core import secondfactor

    user.__dict__.pop("_lx_needs_otp", None)  # roles may have changed since the last login
    if not secondfactor.needs_second_factor(user):
        return None
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test phone", confirmed=True)
    return device


def totp_now(device) -> str:
    """The code the app shows now (the device may take it again: tests log in repeatedly)."""
    from django_otp.oath import TOTP

    device.last_t = -1
    device.throttling_failure_count = 0
    device.save(update_fields=["last_t", "throttling_failure_count"])
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database is made from the models (`--nomigrations`: replaying the 90
    migrations took most of a worker's start), then given what models cannot say: the
    migrations' non-data operations (search indexes, triggers). That the migrations
    themselves apply from zero is tested by core/tests/test_migrate_command.py."""
    from django.db import connection

    with django_db_blocker.unblock(), connection.schema_editor() as editor:
        for operation in schema_extras():
            apply_schema_extra(operation, editor)
    if connection.vendor == "postgresql":
        _empty_by_delete(type(connection.ops))


def _empty_by_delete(ops_class) -> None:
    """A test that commits (threads, a live server, the demo) is followed by a flush of
    every table. PostgreSQL's one `TRUNCATE` of the ~150 tables makes new files for each
    (0.7-1.2 s a test here); the tables hold a few rows then, and `DELETE` empties them in
    milliseconds. The foreign keys are deferred, so the order does not matter. A flush that
    resets the sequences keeps the `TRUNCATE ... RESTART IDENTITY`."""
    truncate = ops_class.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or not tables:
            return truncate(
                self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        return ["SET CONSTRAINTS ALL DEFERRED"] + [
            f"DELETE FROM {self.quote_name(table)}" for table in tables
        ]

    ops_class.sql_flush = sql_flush


def schema_extras() -> list:
    """The RunPython/RunSQL operations of the project's migrations that are not marked
    `elidable` (data migrations are elidable: they only move rows that a new database does not
    have), in each app's migration order."""
    import importlib
    from pathlib import Path

    from django.apps import apps
    from django.db import migrations

    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("lianxin."):
            continue
        folder = Path(config.path) / "migrations"
        for path in sorted(folder.glob("[0-9]*.py")):
            module = importlib.import_module(f"{config.name}.migrations.{path.stem}")
            for operation in module.Migration.operations:
                extra = isinstance(operation, migrations.RunPython | migrations.RunSQL)
                if extra and not operation.elidable:
                    found.append(operation)
    return found


def apply_schema_extra(operation, editor) -> None:
    from django.apps import apps
    from django.db import migrations

    if isinstance(operation, migrations.RunPython):
        operation.code(apps, editor)
        return
    statements = operation.sql if isinstance(operation.sql, list | tuple) else [operation.sql]
    for statement in statements:
        if isinstance(statement, list | tuple):
            editor.execute(statement[0], statement[1])
        else:
            editor.execute(statement)


@pytest.fixture(autouse=True)
def _fresh_process_caches():
    """Routing keeps rules, sections, models and duplicate indexes per organisation in the
    process for 30 s, the calendar keeps its overrides, intake the categories in use, the
    API the logins of its tokens; a rolled-back test reuses ids and leaves no rows, so each
    test starts without them."""
    import sys

    from lianxin.api import auth
    from lianxin.cases import categories
    from lianxin.core import workdays

    for cache in (workdays, categories, auth):
        cache.forget()
    # a routing module not imported yet keeps nothing (and importing it would bring in
    # scikit-learn and jieba for every test)
    for name in ("suggest", "duplicates", "training"):
        module = sys.modules.get(f"lianxin.routing.{name}")
        if module is not None:
            module.forget()
    yield


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """`lianxin demo` loaded once for a whole test module (committed, so that a live server
    sees it too), its printed output returned; the database is emptied after the module.

    Loading the demo takes seconds: keep the tests that need it in one module
    (org/tests/test_demo_command.py) so that a test run loads it once."""
    import io

    from django.core.management import call_command

    out = io.StringIO()
    with django_db_blocker.unblock():
        call_command("demo", stdout=out)
    yield out.getvalue()
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def login(client):
    """login(user) -> a test client logged in as that user, past the second factor for the
    staff who need it (tests of the second factor itself log in without this fixture)."""

    def _login(user):
        session_past_second_factor(client, user)
        return client

    return _login


@pytest.fixture
def export_job(django_capture_on_commit_callbacks):
    """export_job(client, url, fmt="xlsx") -> (job, the file's bytes): an export asked for
    on its page (POST), its task run as the worker runs it once the request commits, its
    progress page read and its file downloaded by the same login."""

    def run(client, url, fmt="xlsx"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, {"fmt": fmt})
        assert response.status_code == 302, response
        page = client.get(response["Location"])
        assert page.status_code == 200
        job = page.context["job"]
        assert job.state == "done", (job.state, job.error)
        download = client.get(f"/workbench/exports/{job.pk}/download/")
        assert download.status_code == 200
        return job, b"".join(download.streaming_content)

    return run


def sheet_rows(data: bytes, sheet: int | str = 0) -> list[list]:
    """The values of an exported workbook's sheet (by position or name), row by row."""
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    ws = book.worksheets[sheet] if isinstance(sheet, int) else book[sheet]
    return [list(row) for row in ws.iter_rows(values_only=True)]


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never `playwright install`)."""
    import os

    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test body still calls
    # the ORM synchronously, which is safe here.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as pw:
            chromium = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


BROWSER_PASSWORD = "browser-test-2026"


@pytest.fixture
def staff_page(browser, live_server):
    """staff_page(user, width=1280) -> (context, page) logged in on the workbench.

    The session is made as `login` makes it (past the second factor) and handed to the
    browser as its cookie; `through_form=True` logs in through the login page and the
    second-factor page instead (the tests of those pages)."""
    from django.conf import settings
    from django.test import Client

    def _open(user, width=1280, *, through_form=False):
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
        page = context.new_page()
        page.set_default_timeout(15000)
        if through_form:
            _log_in_through_the_form(page, live_server, user)
        else:
            client = Client()
            session_past_second_factor(client, user)
            cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
            )
            page.goto(live_server.url + "/workbench/")
        page.wait_for_url("**/workbench/**")  # a leader lands on his scorecard
        return context, page

    return _open


def _log_in_through_the_form(page, live_server, user) -> None:
    user.set_password(BROWSER_PASSWORD)
    user.save()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("登录名").fill(user.username)
    page.get_by_label("密码").fill(BROWSER_PASSWORD)
    device = second_factor_device(user)
    page.locator("main button[type=submit]").click()
    if device is not None:
        page.wait_for_url("**/accounts/second-factor/**")
        page.get_by_label("验证码").fill(totp_now(device))
        page.locator("main button[type=submit]").click()


def session_past_second_factor(client, user) -> None:
    from django_otp import DEVICE_ID_SESSION_KEY

    client.force_login(user)
    device = second_factor_device(user)
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


def assert_queries_fixed(client, url, add, shown: str) -> None:
    """A list page takes as many queries for 15 rows as for 3: `add(start, n)` makes rows
    start..start+n-1, `shown` is the text of a row with "{}" for its number (rows 2, then
    14, must be on the page)."""
    add(0, 3)
    page, few = count_queries(client, url)
    assert shown.format(2) in page.text
    add(3, 12)
    page, many = count_queries(client, url)
    assert shown.format(14) in page.text
    assert many == few


def count_queries(client, url, data=None):
    """GET `url` with `client`: (the response, the number of SQL queries it took). A list
    page's test compares the count with few and with many rows: the same, or N+1 crept in."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, data)
    assert response.status_code == 200, (url, response.status_code)
    return response, len(queries)
