from lianxin.cases.tests.conftest import _module_cc, cc, make_case  # noqa: F401 (shared fixtures)
