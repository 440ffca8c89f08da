"""Planner statistics after bulk loads.

PostgreSQL plans from table statistics that autovacuum refreshes only some time after a
bulk load; until then it believes every table is nearly empty and picks nested loops that
cost seconds once the tables are full (the candidate list went from 5 ms to 170 ms per
query on a freshly loaded demo). Whoever loads many rows at once calls ``analyze()``.
"""
from django.db import connection


def analyze() -> None:
    """Refresh the query planner's statistics of the whole database (both engines)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
