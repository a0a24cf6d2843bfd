"""The text model: hashed TF-IDF of words and character n-grams, one linear model per label.

`TextModel` learns texts -> labels (lead unit ids, category ids) with scikit-learn's
SGDClassifier (logistic loss, one-vs-rest). It learns in full (`fit`) or goes on learning from
new cases only (`learn_more`, partial_fit), keeping the document frequencies it has seen so
that the idf follows the organisation's vocabulary. `top` ranks the labels of one text in
about 0.1 ms (no scikit-learn call on the suggestion path: a dot product with the weights).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import SGDClassifier

from . import features

ALPHA = 1e-4


def _epochs(n: int) -> int:
    """Passes over the data: many for a few hundred cases, five from 100,000 on."""
    return max(5, min(30, 3_000_000 // max(n, 1)))


def _classifier(n: int) -> SGDClassifier:
    return SGDClassifier(
        loss="log_loss", alpha=ALPHA, max_iter=_epochs(n), tol=None, random_state=7
    )


@dataclass
class TextModel:
    df: np.ndarray = field(default_factory=lambda: np.zeros(features.N_FEATURES, np.int64))
    n_docs: int = 0
    classes: np.ndarray | None = None
    clf: SGDClassifier | None = None
    # The weights transposed (features x classes, float32) for fast ranking.
    _weights: np.ndarray | None = field(default=None, repr=False)
    _intercept: np.ndarray | None = field(default=None, repr=False)

    def _count(self, x: sp.csr_matrix) -> None:
        present = x.copy()
        present.data[:] = 1
        self.df += np.asarray(present.sum(axis=0)).ravel().astype(np.int64)
        self.n_docs += x.shape[0]

    def _x(self, x: sp.csr_matrix) -> sp.csr_matrix:
        return features.weigh(x, features.idf_from(self.df, self.n_docs))

    def fit(self, texts: list[str], labels, weights=None) -> TextModel:
        x = features.counts(texts)
        self.df[:] = 0
        self.n_docs = 0
        self._count(x)
        self.clf = _classifier(len(texts))
        y = np.asarray(labels)
        self.clf.fit(self._x(x), y, sample_weight=weights)
        self.classes = self.clf.classes_
        self._compile()
        return self

    def knows(self, labels) -> bool:
        return self.classes is not None and set(labels) <= set(self.classes.tolist())

    def learn_more(self, texts: list[str], labels, weights=None, epochs: int = 5) -> TextModel:
        """Go on learning from new examples only (their labels must be known classes)."""
        if not texts:
            return self
        x = features.counts(texts)
        self._count(x)
        xw = self._x(x)
        y = np.asarray(labels)
        rng = np.random.default_rng(self.n_docs)
        for _ in range(epochs):
            order = rng.permutation(len(y))
            w = None if weights is None else np.asarray(weights)[order]
            self.clf.partial_fit(xw[order], y[order], sample_weight=w)
        self._compile()
        return self

    def _compile(self) -> None:
        coef = self.clf.coef_
        if coef.shape[0] == 1:  # two classes: scikit-learn keeps one row
            coef = np.vstack([-coef[0], coef[0]])
            intercept = np.array([-self.clf.intercept_[0], self.clf.intercept_[0]])
        else:
            intercept = self.clf.intercept_
        self._weights = np.ascontiguousarray(coef.T, dtype=np.float32)
        self._intercept = intercept.astype(np.float32)
        self._idf = features.idf_from(self.df, self.n_docs)

    def scores(self, text: str, counted=None) -> np.ndarray:
        """Decision scores of every class for one text (`counted`: its `count_one`)."""
        idx, data = counted if counted is not None else features.count_one(text)
        if len(idx) == 0:
            return self._intercept.copy()
        w = (1.0 + np.log(data)) * self._idf[idx]
        w /= np.sqrt((w * w).sum())
        return w @ self._weights[idx] + self._intercept

    def decision(self, texts: list[str]) -> np.ndarray:
        """Decision scores for many texts (evaluation)."""
        x = self._x(features.counts(texts))
        return np.asarray(x @ self._weights) + self._intercept

    def top(self, text: str, k: int = 3, counted=None) -> list[tuple[object, float]]:
        """The k likeliest labels with a confidence between 0 and 1 (they sum to at most 1)."""
        s = self.scores(text, counted)
        p = 1.0 / (1.0 + np.exp(-s))
        total = p.sum() or 1.0
        order = np.argsort(-s)[:k]
        return [(self.classes[i].item(), float(p[i] / total)) for i in order]

    def __getstate__(self):
        state = dict(self.__dict__)
        state.pop("_weights", None)
        state.pop("_intercept", None)
        state.pop("_idf", None)
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._compile()


def baseline():
    """The plain character n-gram model the issue compares with: character 1- and 2-grams,
    TF-IDF, multinomial naive Bayes."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.naive_bayes import MultinomialNB
    from sklearn.pipeline import make_pipeline

    return make_pipeline(
        TfidfVectorizer(analyzer="char", ngram_range=(1, 2), sublinear_tf=True), MultinomialNB()
    )
