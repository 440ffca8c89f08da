"""Throughput of a page under concurrent load: gunicorn (the production ``gunicorn.conf.py``)
on a free loopback port against the benchmark's own database, driven by a small load
generator — threads, each with one keep-alive ``http.client`` connection, for a fixed time.

No load-testing dependency: the figures are requests per second and the p50/p95 latency seen
by the clients, with every status counted (a page that answers 500 is not fast, it is broken)."""
from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from django.conf import settings

CONFIG = Path(settings.BASE_DIR) / "gunicorn.conf.py"


@dataclass
class LoadResult:
    seconds: float
    concurrency: int
    workers: int
    threads: int
    requests: int = 0
    errors: int = 0
    requests_per_second: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    statuses: dict[str, int] = field(default_factory=dict)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url(settings_dict: dict) -> str | None:
    """The URL another process uses to reach this connection's database; None for an
    in-memory SQLite database (a test run), which no other process can see."""
    engine, name = settings_dict["ENGINE"], str(settings_dict["NAME"])
    if engine.endswith("sqlite3"):
        if name == ":memory:" or "mode=memory" in name:
            return None
        return f"sqlite:///{Path(name).resolve()}"
    if engine.endswith("postgresql"):
        user = quote(settings_dict.get("USER") or "")
        password = f":{quote(settings_dict['PASSWORD'])}" if settings_dict.get("PASSWORD") else ""
        auth = f"{user}{password}@" if user else ""
        host = settings_dict.get("HOST") or "localhost"
        port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
        return f"postgres://{auth}{host}{port}/{quote(name)}"
    return None


def _answers(port: int) -> bool:
    """The server answers an HTTP request (any status): a worker has loaded the application."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", "/xac-minh/", headers={"Host": "127.0.0.1"})
        conn.getresponse().read()
        return True
    except (OSError, http.client.HTTPException):
        return False
    finally:
        conn.close()


@contextmanager
def gunicorn(*, db_url: str, workers: int, threads: int, env: dict | None = None, boot_timeout: float = 60.0):
    """A gunicorn with the production config on a free loopback port; yields (host, port)."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": db_url, "GUNICORN_BIND": f"127.0.0.1:{port}",
           "GUNICORN_WORKERS": str(workers), "GUNICORN_THREADS": str(threads),
           "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "thidua.settings"), **(env or {})}
    proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", str(CONFIG), "thidua.wsgi"],
                            cwd=settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + boot_timeout
        while not _answers(port):
            if proc.poll() is not None:
                raise RuntimeError(f"gunicorn dừng khi khởi động (mã {proc.returncode}).")
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn không trả lời sau khi khởi động.")
            time.sleep(0.2)
        yield "127.0.0.1", port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def drive(*, host: str, port: int, paths: list[str], seconds: float, concurrency: int,
          warmup: float = 1.0) -> tuple[list[float], dict[str, int], int]:
    """GET ``paths`` round-robin from ``concurrency`` threads for ``seconds`` (after a short
    warm-up that is not counted). Returns (latencies in ms, statuses, connection errors)."""
    lock = threading.Lock()
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    errors = [0]
    start = time.monotonic() + warmup
    stop = start + seconds

    def client(index: int) -> None:
        conn = http.client.HTTPConnection(host, port, timeout=30)
        mine: list[float] = []
        seen: dict[str, int] = {}
        failed = 0
        i = index
        while True:
            began = time.monotonic()
            if began >= stop:
                break
            path = paths[i % len(paths)]
            i += concurrency
            try:
                conn.request("GET", path, headers={"Host": "127.0.0.1"})
                response = conn.getresponse()
                response.read()
                status = str(response.status)
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=30)
                status = None
            if began < start:
                continue
            if status is None:
                failed += 1
                continue
            mine.append((time.monotonic() - began) * 1000)
            seen[status] = seen.get(status, 0) + 1
        conn.close()
        with lock:
            latencies.extend(mine)
            for key, n in seen.items():
                statuses[key] = statuses.get(key, 0) + n
            errors[0] += failed

    workers = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(concurrency)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return latencies, statuses, errors[0]


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


def measure(*, db_url: str, paths: list[str], seconds: float, concurrency: int = 8, workers: int | None = None,
            threads: int = 2, env: dict | None = None) -> LoadResult:
    workers = workers or (os.cpu_count() or 1) * 2 + 1
    result = LoadResult(seconds=seconds, concurrency=concurrency, workers=workers, threads=threads)
    with gunicorn(db_url=db_url, workers=workers, threads=threads, env=env) as (host, port):
        # Every worker boots on its own (no preload): a warm-up, not counted, lets them all start.
        latencies, result.statuses, result.errors = drive(host=host, port=port, paths=paths, seconds=seconds,
                                                          concurrency=concurrency, warmup=min(5.0, 1.0 + seconds / 4))
    result.requests = len(latencies)
    if latencies:
        result.requests_per_second = round(len(latencies) / seconds, 1)
        result.p50_ms = round(percentile(latencies, 50), 1)
        result.p95_ms = round(percentile(latencies, 95), 1)
    return result
