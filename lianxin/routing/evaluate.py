"""Cross-validated accuracy of the text model on a JSON-lines file (`lianxin routing evaluate`).

Each line is an object with a `text` field and a label field. The figures: top-1 and top-3
accuracy overall and per label, the most confused pairs, and the same for a plain character
n-gram baseline trained and tested on the same folds.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import gettext as _

from lianxin.core.errors import ApplicationError

from .classifier import TextModel, baseline


@dataclass
class Figures:
    n: int
    folds: int
    labels: list[str]
    top1: float
    top3: float
    per_label: dict[str, tuple[int, float, float]] = field(default_factory=dict)
    confused: list[tuple[str, str, int]] = field(default_factory=list)


def read_examples(path: str, label: str) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    try:
        handle = open(path, encoding="utf-8")  # noqa: SIM115
    except OSError as err:
        raise ApplicationError(
            _("Cannot read %(path)s: %(err)s") % {"path": path, "err": err.strerror}
        ) from None
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                raise ApplicationError(
                    _("Line %(n)s is not JSON.") % {"n": number}, field="file"
                ) from None
            text, value = (row.get("text"), row.get(label)) if isinstance(row, dict) else (0, 0)
            if not isinstance(text, str) or not text.strip() or value in (None, ""):
                raise ApplicationError(
                    _("Line %(n)s has no text or no %(label)s.") % {"n": number, "label": label},
                    field="file",
                )
            texts.append(text.strip())
            labels.append(str(value))
    return texts, labels


def _figures(y: np.ndarray, ranked: np.ndarray, folds: int) -> Figures:
    """`ranked`: per example, the labels best first."""
    labels = sorted(set(y.tolist()))
    hit1 = ranked[:, 0] == y
    hit3 = (ranked[:, :3] == y[:, None]).any(axis=1)
    per = {}
    for lab in labels:
        m = y == lab
        per[lab] = (int(m.sum()), float(hit1[m].mean()), float(hit3[m].mean()))
    pairs = Counter(
        (t, p) for t, p in zip(y.tolist(), ranked[:, 0].tolist(), strict=True) if t != p
    )
    return Figures(
        n=len(y),
        folds=folds,
        labels=labels,
        top1=float(hit1.mean()),
        top3=float(hit3.mean()),
        per_label=per,
        confused=[(t, p, c) for (t, p), c in pairs.most_common(8)],
    )


def cross_validate(texts: list[str], labels: list[str], *, folds: int = 5, seed: int = 0):
    """(model figures, baseline figures) over stratified folds."""
    from sklearn.model_selection import StratifiedKFold

    y = np.asarray(labels)
    counts = Counter(labels)
    if len(counts) < 2:
        raise ApplicationError(_("The file needs at least two different labels."))
    if folds < 2:
        raise ApplicationError(_("Use at least two folds."))
    smallest = min(counts.values())
    if smallest < folds:
        raise ApplicationError(
            _("Label %(label)s has only %(n)s examples; use at most that many folds.")
            % {"label": min(counts, key=counts.get), "n": smallest}
        )
    k = min(3, len(counts))
    ranked = np.empty((len(y), k), dtype=y.dtype)
    ranked_base = np.empty((len(y), k), dtype=y.dtype)
    texts_arr = np.asarray(texts, dtype=object)
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=seed).split(texts, y):
        model = TextModel().fit(texts_arr[train].tolist(), y[train])
        scores = model.decision(texts_arr[test].tolist())
        ranked[test] = model.classes[np.argsort(-scores, axis=1)[:, :k]]
        base = baseline().fit(texts_arr[train].tolist(), y[train])
        proba = base.predict_proba(texts_arr[test].tolist())
        ranked_base[test] = base.classes_[np.argsort(-proba, axis=1)[:, :k]]
    return _figures(y, ranked, folds), _figures(y, ranked_base, folds)


def report(model: Figures, base: Figures) -> list[str]:
    """The lines `lianxin routing evaluate` prints."""

    def pct(x: float) -> str:
        return f"{100 * x:5.1f} %"

    top1, top3 = _("top-1"), _("top-3")
    model_name, base_name = _("model (words + n-grams)"), _("baseline (characters)")
    lines = [
        _("%(n)s examples, %(labels)s labels, %(folds)s-fold stratified cross-validation")
        % {"n": model.n, "labels": len(model.labels), "folds": model.folds},
        "",
        f"{'':24}{top1:>10}{top3:>10}",
        f"{model_name:24}{pct(model.top1):>10}{pct(model.top3):>10}",
        f"{base_name:24}{pct(base.top1):>10}{pct(base.top3):>10}",
        "",
        _("Per label (examples, model top-1, top-3, baseline top-1, top-3):"),
    ]
    for lab in model.labels:
        n, t1, t3 = model.per_label[lab]
        _n, b1, b3 = base.per_label[lab]
        lines.append(f"  {lab:16}{n:>5}{pct(t1):>9}{pct(t3):>9}{pct(b1):>9}{pct(b3):>9}")
    lines += ["", _("Most confused (true -> predicted: times):")]
    for true, pred, count in model.confused:
        lines.append(f"  {true} -> {pred}: {count}")
    return lines
