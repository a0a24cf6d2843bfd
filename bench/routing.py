"""Benchmarks of routing, printed with ratios measured in the same run (one process, one core):

1. suggestions per second: the organisation's text model, its keyword rules and its road
   register, through `suggest.scores` (model, rules and sections cached in the process, one
   query for the newest model row), beside the text model alone;
2. training time on synthetic cases (hand-written demands of bench/data/demands.jsonl varied
   with places, stakes and fillers) at growing sizes, with the scaling per case;
3. the duplicate check while typing: a sparse product over the open cases of the window,
   for windows of growing size, beside the whole `duplicates.find` on a database of cases.

    .venv/bin/python bench/routing.py            (sizes: BENCH_TRAIN_SIZES=10000,100000,...)
"""

from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lianxin.settings")
data = Path(os.environ.setdefault("LIANXIN_DATA_DIR", str(ROOT / "data" / "bench-routing")))
if "DATABASE_URL" not in os.environ and data.exists():
    shutil.rmtree(data)
data.mkdir(parents=True, exist_ok=True)

import django  # noqa: E402

django.setup()

TRAIN_SIZES = [
    int(x) for x in os.environ.get("BENCH_TRAIN_SIZES", "10000,100000,300000").split(",")
]
WINDOWS = [int(x) for x in os.environ.get("BENCH_WINDOWS", "10000,30000,100000").split(",")]
DB_OPEN_CASES = int(os.environ.get("BENCH_DB_CASES", "20000"))

PLACES = ["石桥村", "下庄村", "溪口村", "河口村", "城东社区", "环城北路", "解放路", "龙泉大道"]
ROUTES = ["G205", "S205", "S311", "X112", "X306"]
FILLERS = ["请尽快处理", "已经好几天了", "希望有关部门重视", "谢谢", "麻烦派人看看", ""]


def demands():
    with open(ROOT / "bench/data/demands.jsonl", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    return [r["text"] for r in rows], [r["dept"] for r in rows]


def synthetic(n: int, seed: int = 1):
    texts, labels = demands()
    rng = random.Random(seed)
    out_t, out_l = [], []
    for _ in range(n):
        i = rng.randrange(len(texts))
        stake = f"{rng.choice(ROUTES)} K{rng.randint(0, 40)}+{rng.randint(0, 999):03d}"
        parts = [rng.choice(PLACES), texts[i], rng.choice(FILLERS)]
        if rng.random() < 0.3:
            parts.insert(0, stake)
        out_t.append("".join(parts))
        out_l.append(labels[i])
    return out_t, out_l


def bench_training():
    from lianxin.routing.classifier import TextModel

    print("2. training on synthetic cases (lead unit model, 7 labels)")
    results = []
    for n in TRAIN_SIZES:
        texts, labels = synthetic(n)
        start = time.perf_counter()
        TextModel().fit(texts, labels)
        seconds = time.perf_counter() - start
        results.append((n, seconds))
        print(f"   {n:>9,} cases: {seconds:7.1f} s  ({seconds / n * 1e6:6.1f} µs per case)")
    n, s = results[-1]
    print(
        f"   extrapolated to 1,000,000 cases at the last rate: {s / n * 1_000_000 / 60:.1f} min"
        " (both models, unit and category: twice that)"
    )
    return results


def bench_suggestions():
    from lianxin.cases.models import Category
    from lianxin.core.actor import Actor
    from lianxin.org import actions as org_actions
    from lianxin.routing import actions, suggest, training
    from lianxin.routing.classifier import TextModel
    from lianxin.routing.models import TrainedModel

    root = org_actions.unit_create(
        name="基准县", kind="organ", parent=None, code="b", actor=Actor.system()
    )
    stations = [
        org_actions.unit_create(
            name=f"站{i}", kind="station", parent=root, code=f"b{i}", actor=Actor.system()
        )
        for i in range(7)
    ]
    cats = [Category.objects.create(root=root, name=f"类{i}") for i in range(7)]
    for i, route in enumerate(ROUTES):
        actions.section_save(
            root=root,
            station=stations[i],
            route=route,
            start="K0",
            end="K40",
            place_names=PLACES[i],
            actor=Actor.system(),
        )
    for i, kw in enumerate(["超载", "占道", "红绿灯", "井盖", "低保", "大坑", "路口"]):
        actions.rule_save(
            root=root, keyword=kw, unit=stations[i], category=cats[i], actor=Actor.system()
        )
    texts, labels = synthetic(20_000)
    dept = sorted(set(labels))
    unit_of = {d: stations[i].pk for i, d in enumerate(dept)}
    cat_of = {d: cats[i].pk for i, d in enumerate(dept)}
    bundle = {
        "unit": TextModel().fit(texts, [unit_of[x] for x in labels]),
        "category": TextModel().fit(texts, [cat_of[x] for x in labels]),
    }
    digest, size = training.store(bundle)
    TrainedModel.objects.create(root=root, digest=digest, size=size, cases=len(texts))
    queries = synthetic(2_000, seed=2)[0]
    suggest.scores(root.pk, queries[0])  # load and cache
    print("1. suggestions on one core (model trained on 20,000 cases, 7 rules, 5 sections)")
    start = time.perf_counter()
    for q in queries:
        suggest.scores(root.pk, q)
    full = len(queries) / (time.perf_counter() - start)
    model = bundle["unit"]
    start = time.perf_counter()
    for q in queries:
        model.top(q)
    alone = len(queries) / (time.perf_counter() - start)
    print(f"   suggest.scores (2 models + rules + register):         {full:8,.0f} per second")
    print(f"   one text model alone:                                   {alone:8,.0f} per second")
    print(f"   ratio: {alone / full:.1f}x  (artifact {size / 1e6:.1f} MB)")
    return root


def bench_duplicates(root):
    import numpy as np

    from lianxin.cases.models import Case, Channel, Kind, Status
    from lianxin.core import clock
    from lianxin.routing import duplicates, features

    print("3. duplicate check while typing")
    for n in WINDOWS:
        texts, _ = synthetic(n, seed=3)
        x = features.counts(texts)
        ones = x.copy()
        ones.data[:] = 1
        idf = features.idf_from(np.asarray(ones.sum(axis=0)).ravel(), n)
        index = features.inverted(features.weigh(x, idf))
        probes = synthetic(200, seed=4)[0]
        times = []
        for p in probes:
            start = time.perf_counter()
            sims = features.cosines(index, features.count_one(p), idf)
            np.argpartition(-sims, 20)[:20]
            times.append(time.perf_counter() - start)
        print(
            f"   window of {n:>7,} open cases: p50 {statistics.median(times) * 1e3:5.1f} ms,"
            f" p99 {sorted(times)[int(len(times) * 0.99) - 1] * 1e3:5.1f} ms (in memory)"
        )
    cat = root.children.first()  # any unit; a category is needed for rows
    from lianxin.cases.models import Category

    category = Category.objects.filter(root=root).first()
    now = clock.now()
    texts, _ = synthetic(DB_OPEN_CASES, seed=5)
    Case.objects.bulk_create(
        [
            Case(
                root=root,
                code=f"B{i:012d}",
                secret_digest="x",
                kind=Kind.COMPLAINT,
                channel=Channel.HOTLINE,
                category=category,
                title=t[:30],
                content=t,
                status=Status.RECEIVED,
                received_at=now - timedelta(minutes=i),
                citizen_phone=f"139{i:08d}",
            )
            for i, t in enumerate(texts)
        ],
        batch_size=2000,
    )
    del cat
    start = time.perf_counter()
    duplicates.find(root.pk, texts[0])
    first = time.perf_counter() - start
    probes = synthetic(200, seed=6)[0]
    times = []
    for p in probes:
        start = time.perf_counter()
        duplicates.find(root.pk, p, phone="13900000042")
        times.append(time.perf_counter() - start)
    print(
        f"   duplicates.find on the database ({DB_OPEN_CASES:,} open cases): first call (builds"
        f" the index) {first * 1e3:.0f} ms; then p50 {statistics.median(times) * 1e3:.1f} ms,"
        f" p99 {sorted(times)[int(len(times) * 0.99) - 1] * 1e3:.1f} ms"
    )


if __name__ == "__main__":
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    root = bench_suggestions()
    bench_training()
    bench_duplicates(root)
    print(f"load average at end: {os.getloadavg()[0]:.1f}")
