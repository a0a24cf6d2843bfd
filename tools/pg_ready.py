"""Exit 0 when the PostgreSQL server of the given URL accepts a connection, else 1."""

import sys

import psycopg

url = sys.argv[1] if len(sys.argv) > 1 else "postgres://postgres@127.0.0.1:5432/test"
try:
    psycopg.connect(url.replace("postgres://", "postgresql://", 1), connect_timeout=5).close()
except psycopg.Error as err:
    print(f"PostgreSQL not reachable: {err}".strip(), file=sys.stderr)
    sys.exit(1)
