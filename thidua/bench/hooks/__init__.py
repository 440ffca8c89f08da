"""What the benchmark times in the higher apps: ``<app>.operations(*, commune, user, year, quick)``
returns ``[(label, fn)]``; each ``fn()`` is timed once, in order (setup in ``operations``,
not timed). They live here, in bench, not in the product apps they drive."""
