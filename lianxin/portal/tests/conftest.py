from lianxin.cases.tests.conftest import cc, make_case  # noqa: F401 (shared fixtures)
