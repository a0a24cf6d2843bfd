"""`lianxin demo` runs the loaders the apps register (core.demo) after those they name, else
by order, then their summaries; a loader naming one nobody registered is an error, said.
(The real demo is tested once in org/tests/test_demo_command.py.)"""

import io

import pytest
from django.core.management import call_command

from lianxin.core import demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaders(monkeypatch):
    monkeypatch.setattr(demo, "_loaders", {})
    ran: list[str] = []

    def loader(name):
        def load(state):
            ran.append(name)
            state.setdefault("seen", []).append(name)

        return load

    return ran, loader


def test_loaders_run_after_those_they_name_then_by_order_and_summaries_print(loaders):
    ran, loader = loaders
    demo.register("stats", loader("stats"), order=1000, after=("org",))
    demo.register("cases", loader("cases"), order=10, after=("org",))
    demo.register("org", loader("org"), order=50, summary=lambda s, w: w(f"done: {s['seen']}"))
    demo.register("discipline", loader("discipline"), order=5, after=("rules",))
    demo.register("rules", loader("rules"), order=60, after=("org",))
    out = io.StringIO()
    call_command("demo", stdout=out)
    assert ran == ["org", "cases", "rules", "discipline", "stats"]
    assert "done: ['org', 'cases', 'rules', 'discipline', 'stats']" in out.getvalue()


def test_a_loader_after_an_unknown_one_stops_before_anything_runs(loaders):
    ran, loader = loaders
    demo.register("org", loader("org"), order=0)
    demo.register("cases", loader("cases"), order=10, after=("register",))
    with pytest.raises(LookupError, match="register"):
        call_command("demo", stdout=io.StringIO())
    assert ran == []


def test_the_demo_is_refused_on_a_production_system(loaders, settings):
    from django.core.management import CommandError

    ran, loader = loaders
    demo.register("org", loader("org"))
    settings.PRODUCTION = True
    with pytest.raises(CommandError):
        call_command("demo", stdout=io.StringIO())
    assert ran == []
