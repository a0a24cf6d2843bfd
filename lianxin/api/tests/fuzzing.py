"""Fuzz the JSON API with schemathesis, in process (the WSGI application, no server).

Used by `test_openapi_fuzz.py` (a short run in the suite) and `bench/fuzz_api.py` (10,000+
calls). Every generated call goes through the whole Django stack as a client holding a
bearer token; each response is checked for a server error (5xx), a body that does not match
the documented schema, and a content type that is not the documented one. Nothing is raised
while the run goes on: the tally counts calls and failures per operation, so that one run
shows every endpoint that fails.

Generation is deterministic: each operation runs under a fixed hypothesis seed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import schemathesis
from hypothesis import HealthCheck, Phase, given, seed, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

SCHEMA_PATH = "/api/v1/openapi.json"
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


@dataclass
class Tally:
    calls: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    statuses: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.calls.values())

    @property
    def total_errors(self) -> int:
        return sum(self.errors.values())

    def report(self) -> str:
        lines = [f"{'operation':<58} {'calls':>7} {'errors':>6}"]
        for label in sorted(self.calls):
            lines.append(f"{label:<58} {self.calls[label]:>7} {self.errors[label]:>6}")
        lines.append(f"{'total':<58} {self.total:>7} {self.total_errors:>6}")
        lines.append(
            "statuses: " + ", ".join(f"{s}: {n}" for s, n in sorted(self.statuses.items()))
        )
        return "\n".join(lines)


def _describe(exc: BaseException) -> str:
    failures = getattr(exc, "exceptions", None) or [exc]
    parts = []
    for failure in failures:
        title = getattr(failure, "title", type(failure).__name__)
        message = " ".join(str(getattr(failure, "message", failure)).split())
        parts.append(f"{title}: {message[:300]}")
    return " || ".join(parts)


def load_schema():
    """The OpenAPI document as the running application serves it."""
    from lianxin.wsgi import application

    return schemathesis.openapi.from_wsgi(SCHEMA_PATH, application)


def _run_one(tally, operation, strategy, *, headers, examples, run_seed, label) -> None:
    @settings(
        max_examples=examples,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
        print_blob=False,
    )
    @seed(run_seed)
    @given(case=strategy)
    def run(case):
        response = case.call(headers=headers)
        tally.calls[label] += 1
        tally.statuses[response.status_code] += 1
        try:
            case.validate_response(response, checks=CHECKS, headers=headers)
        except (Exception, BaseExceptionGroup) as exc:  # every check failure, whatever its class
            tally.errors[label] += 1
            if len(tally.failures) < 30:
                tally.failures.append(f"{label} -> {response.status_code}: {_describe(exc)}")

    run()


def fuzz(
    schema,
    *,
    token: str,
    examples: int,
    run_seed: int,
    known: dict[str, dict] | None = None,
    tally: Tally | None = None,
    prefix: str = "/api/v1/",
) -> Tally:
    """One pass over every operation: valid and invalid data with the token, then without it.

    `known` maps an operation's path (as in the document) to path parameters that exist
    (a case's code, a unit's id), so that generated bodies and queries reach the code behind
    the lookup and not only its 404; a list of such dicts gives one pass for each.
    """
    tally = tally or Tally()
    auth = {"Authorization": f"Bearer {token}"}
    for n, result in enumerate(schema.get_all_operations()):
        operation = result.ok()
        if not operation.path.startswith(prefix):
            continue
        label = f"{operation.method.upper()} {operation.path}"
        base = run_seed * 1000 + n * 10
        for i, mode in enumerate((GenerationMode.POSITIVE, GenerationMode.NEGATIVE)):
            strategy = operation.as_strategy(generation_mode=mode)
            _run_one(
                tally,
                operation,
                strategy,
                headers=auth,
                examples=examples,
                run_seed=base + i,
                label=label,
            )
        extra = (known or {}).get(operation.path) or []
        for j, params in enumerate(extra if isinstance(extra, list) else [extra]):
            strategy = operation.as_strategy(path_parameters=params)
            _run_one(
                tally,
                operation,
                strategy,
                headers=auth,
                examples=examples,
                run_seed=base + 3 + j,
                label=label,
            )
        # No token: 401 for everyone, never an error.
        _run_one(
            tally,
            operation,
            operation.as_strategy(),
            headers={},
            examples=max(1, examples // 10),
            run_seed=base + 2,
            label=label,
        )
    return tally
