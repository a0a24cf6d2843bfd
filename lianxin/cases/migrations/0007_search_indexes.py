"""Indexes for searching cases by words: pg_trgm and bigram GIN indexes on PostgreSQL, an
FTS5 trigram table kept in sync by triggers on SQLite (lianxin/cases/search.py)."""

from django.db import migrations

from lianxin.cases import search


def forward(apps, schema_editor):
    conn = schema_editor.connection
    if conn.vendor == "postgresql":
        for sql in search.PG_FORWARD:
            schema_editor.execute(sql)
    elif conn.vendor == "sqlite":
        search.ensure_sqlite(conn)


def backward(apps, schema_editor):
    conn = schema_editor.connection
    if conn.vendor == "postgresql":
        for sql in search.PG_BACKWARD:
            schema_editor.execute(sql)
    elif conn.vendor == "sqlite":
        search.drop_sqlite(conn)


class Migration(migrations.Migration):
    dependencies = [("cases", "0006_merge_transferred")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
