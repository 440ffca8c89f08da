"""Speed helpers measured to matter (see docs/benchmarks.md)."""
from __future__ import annotations

import functools
import gc
import threading

_lock = threading.Lock()
_paused = 0


def settle() -> None:
    """After start-up: import every view now and move the objects that live as long as the
    process out of the garbage collector's sight (``gc.freeze``). Otherwise each full
    collection walks Django's and the app's whole import graph again, which costs a page
    building thousands of objects (the candidate list) tens of milliseconds at random.
    Freezing after the imports also lets forked workers share those pages of memory. Called
    by ``thidua.wsgi`` and by the benchmark, which measures pages as production serves them."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 — imports every app's views
    gc.collect()
    gc.freeze()


class gc_paused:
    """Pause the cyclic garbage collector while building a large structure of short-lived
    objects (a province's candidate list builds hundreds of thousands): each collection it
    would trigger walks everything built so far — 5,5 s became 3,2 s. Nothing is leaked: the
    collector resumes when the last paused block ends. Usable as a decorator too."""

    def __enter__(self):
        global _paused
        with _lock:
            if _paused == 0 and gc.isenabled():
                gc.disable()
                _paused = 1
            elif _paused:
                _paused += 1
        return self

    def __exit__(self, *exc):
        global _paused
        with _lock:
            if _paused:
                _paused -= 1
                if _paused == 0:
                    gc.enable()
        return False

    def __call__(self, func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            with gc_paused():
                return func(*args, **kwargs)
        return wrapper
