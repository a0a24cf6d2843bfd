"""The suite's own scheduling: modules with a browser, a live server, the demo or a test
marked once/strict_engine are handed to the workers first, each module's tests kept together
and in their order."""

import pytest

from conftest import LongModulesFirst


class Item:
    def __init__(self, module, name, fixtures=(), marks=()):
        self.module, self.name = module, name
        self.fixturenames, self.marks = list(fixtures), set(marks)

    def getparent(self, cls):
        assert cls is pytest.Module
        return self.module

    def get_closest_marker(self, name):
        return name if name in self.marks else None


class Module:
    def __init__(self, nodeid):
        self.nodeid = nodeid


def test_long_modules_come_first_and_each_module_stays_whole_in_order():
    quick, browser, demo, fuzz = (Module(n) for n in ("quick", "browser", "demo", "fuzz"))
    items = [
        Item(quick, "q1", ["db"]),
        Item(browser, "b1", ["db"]),
        Item(quick, "q2"),
        Item(browser, "b2", ["live_server"]),
        Item(demo, "d1", ["demo"]),
        Item(fuzz, "f1", marks=["strict_engine"]),
    ]
    LongModulesFirst().pytest_collection_modifyitems(items)
    assert [i.name for i in items] == ["b1", "b2", "d1", "f1", "q1", "q2"]
