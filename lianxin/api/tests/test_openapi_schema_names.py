"""Two input or output schemas of the same name would be one entry in the OpenAPI document
(the later one wins): a client generated from it would send the wrong body to one endpoint.
Found when the case steps' `DecideIn` and the service requests' `DecideIn` met."""

from collections import defaultdict

from ninja import Schema

import lianxin.api.api  # noqa: F401  (every router and its schemas loaded)


def test_every_schema_of_the_api_has_its_own_name():
    modules = defaultdict(set)

    def walk(cls):
        for sub in cls.__subclasses__():
            if sub.__module__.startswith("lianxin."):
                modules[sub.__name__].add(sub.__module__)
            walk(sub)

    walk(Schema)
    assert {name: where for name, where in modules.items() if len(where) > 1} == {}
