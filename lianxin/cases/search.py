"""Searching cases by words (Chinese or not) with an index, on both databases.

The text searched is a case's title and content (substring semantics, as `icontains`).

PostgreSQL (created by migration 0007):
- 3 characters or more: `(title || ' ' || content) ILIKE '%words%'`, served by a GIN
  trigram index (`pg_trgm`, `case_search_trgm`); in a UTF-8 database with a C.UTF-8 or
  zh_CN locale every Chinese character is a word character, so trigrams cover Chinese.
- 2 characters (坑槽, 路灯): a trigram index cannot serve them (a 2-character pattern has no
  trigram), so a second GIN index holds each case's distinct bigrams
  (`lianxin_bigrams(title || ' ' || content)`, `case_search_bigram`) and the query is
  `lianxin_bigrams(...) @> ARRAY['坑槽']` (exactly "contains these two characters").
- 1 character: no index; the list reads the newest cases first and stops at a page.

SQLite: an FTS5 table with the trigram tokenizer (`cases_case_fts`, external content
`cases_case`) kept in sync by triggers; 3 characters or more match through it, shorter
words fall back to LIKE (a county's register is small enough to scan). Django remakes a
SQLite table when a later migration alters it, which drops its triggers: `ensure_sqlite`
runs after every `migrate` (post_migrate) and puts them back, rebuilding the index when
they were missing.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import BooleanField, Case, F, Func, IntegerField, Q, When
from django.db.models.expressions import RawSQL

FTS = "cases_case_fts"

# Every distinct pair of neighbouring characters, lower-cased: the text split into its
# characters once, each paired with the next (substr(t, i, 2) for each i walked the UTF-8
# text from its start every time: 2.6 times slower on a complaint's length, and the function
# runs for every case written, also when the clock only counts a reminder).
BIGRAMS_FUNCTION = """CREATE OR REPLACE FUNCTION lianxin_bigrams(t text) RETURNS text[]
   LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $$
     SELECT coalesce(array_agg(DISTINCT a || b), '{}')
     FROM (SELECT string_to_array(lower(t), NULL) AS c) AS chars,
          unnest(c[1:cardinality(c) - 1], c[2:]) AS pairs(a, b) $$"""

PG_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # every distinct pair of neighbouring characters, lower-cased
    BIGRAMS_FUNCTION,
    "CREATE INDEX IF NOT EXISTS case_search_trgm ON cases_case "
    "USING gin ((title || ' ' || content) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS case_search_bigram ON cases_case "
    "USING gin (lianxin_bigrams(title || ' ' || content))",
]
PG_BACKWARD = [
    "DROP INDEX IF EXISTS case_search_bigram",
    "DROP INDEX IF EXISTS case_search_trgm",
    "DROP FUNCTION IF EXISTS lianxin_bigrams(text)",
]

SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER IF NOT EXISTS {FTS}_ai AFTER INSERT ON cases_case BEGIN
        INSERT INTO {FTS}(rowid, title, content) VALUES (new.id, new.title, new.content); END""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS}_ad AFTER DELETE ON cases_case BEGIN
        INSERT INTO {FTS}({FTS}, rowid, title, content)
        VALUES ('delete', old.id, old.title, old.content); END""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS}_au AFTER UPDATE OF title, content ON cases_case
        BEGIN
        INSERT INTO {FTS}({FTS}, rowid, title, content)
        VALUES ('delete', old.id, old.title, old.content);
        INSERT INTO {FTS}(rowid, title, content) VALUES (new.id, new.title, new.content); END""",
]


def ensure_sqlite(conn) -> bool:
    """Create the FTS table and its triggers where missing; rebuild the index when a
    trigger was missing (the table was remade or is new). Returns whether it rebuilt."""
    if conn.vendor != "sqlite":
        return False
    with conn.cursor() as cur:
        tables = {r[0] for r in cur.execute("SELECT name FROM sqlite_master").fetchall()}
        if "cases_case" not in tables:
            return False
        wanted = {f"{FTS}_ai", f"{FTS}_ad", f"{FTS}_au"}
        if FTS in tables and wanted <= tables:
            return False
        cur.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5(title, content, "
            "content='cases_case', content_rowid='id', tokenize='trigram')"
        )
        for sql in SQLITE_TRIGGERS:
            cur.execute(sql)
        cur.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')")
    return True


def drop_sqlite(conn) -> None:
    with conn.cursor() as cur:
        for suffix in ("ai", "ad", "au"):
            cur.execute(f"DROP TRIGGER IF EXISTS {FTS}_{suffix}")
        cur.execute(f"DROP TABLE IF EXISTS {FTS}")


def _like(words: str) -> str:
    escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class _TextHas(Func):
    """PostgreSQL: whether title || ' ' || content holds the words, written so that the
    search indexes serve it (the same expression as theirs; the table's alias is Django's,
    so it works in subqueries too)."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, words: str):
        self.words = words
        super().__init__(F("title"), F("content"))

    def as_sql(self, compiler, connection, **extra):
        title, p1 = compiler.compile(self.source_expressions[0])
        content, p2 = compiler.compile(self.source_expressions[1])
        text = f"({title} || ' ' || {content})"
        if len(self.words) == 2:
            return f"lianxin_bigrams({text}) @> ARRAY[lower(%s)]", [*p1, *p2, self.words]
        return f"{text} ILIKE %s", [*p1, *p2, _like(self.words)]


def words_filter(words: str) -> Q:
    """A filter for cases whose title or content contains the words (case-insensitive),
    served by the index of the database where it can be."""
    words = words.strip()
    if connection.vendor == "postgresql" and len(words) >= 2:
        return Q(_TextHas(words))
    if connection.vendor == "sqlite" and len(words) >= 3:
        phrase = '"' + words.replace('"', '""') + '"'
        return Q(pk__in=RawSQL(f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s", [phrase]))
    return Q(title__icontains=words) | Q(content__icontains=words)


def title_hit(words: str) -> Case:
    """1 when the words are in the title, else 0: the first key of the ranking."""
    return Case(
        When(title__icontains=words.strip(), then=1), default=0, output_field=IntegerField()
    )
