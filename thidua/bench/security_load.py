"""The load scenario of issue #22: the public verification page (/xac-minh/<code>) under a
bounded load (8 clients) through gunicorn with the shipped ``gunicorn.conf.py``, first quiet,
then while two officers keep uploading oversized imports (a 200 MiB shared string and a
200 MiB cell, each about 200 KiB on the wire — ``thidua.exchange.hostile``). The page must keep
its p95 within 2 × the quiet value, with no 5xx, and every upload must be refused (not 5xx).

``python manage.py benchmark --security-load`` runs it on the current database and writes its
section into docs/benchmarks.md. Not a timed unit test: the figures depend on the machine."""
from __future__ import annotations

import http.client
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

from . import load

START = "<!-- security-load: begin -->"
END = "<!-- security-load: end -->"
BOUND = 2.0


@dataclass
class Phase:
    requests: int = 0
    requests_per_second: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    statuses: dict[str, int] = field(default_factory=dict)
    errors: int = 0


@dataclass
class SecurityLoadResult:
    seconds: float
    concurrency: int
    workers: int
    threads: int
    database: str
    quiet: Phase = field(default_factory=Phase)
    loaded: Phase = field(default_factory=Phase)
    uploads: dict[str, int] = field(default_factory=dict)     # status -> count
    uploads_refused: int = 0                                  # answered with the Vietnamese refusal
    upload_p50_ms: float = 0.0
    upload_sizes: dict[str, int] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return round(self.loaded.p95_ms / self.quiet.p95_ms, 2) if self.quiet.p95_ms else 0.0

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in [*self.quiet.statuses.items(), *self.loaded.statuses.items(),
                                       *self.uploads.items()] if status.startswith("5"))

    @property
    def met(self) -> bool:
        return (self.ratio <= BOUND and self.server_errors == 0 and self.loaded.requests > 0
                and self.uploads_refused == sum(self.uploads.values()) > 0)


def _phase(latencies: list[float], statuses: dict, errors: int, seconds: float) -> Phase:
    from .benchmark import _percentile

    phase = Phase(requests=len(latencies), statuses=statuses, errors=errors)
    if latencies:
        phase.requests_per_second = round(len(latencies) / seconds, 1)
        phase.p50_ms = round(_percentile(latencies, 50), 1)
        phase.p95_ms = round(_percentile(latencies, 95), 1)
    return phase


def session_cookie(user) -> str:
    """A logged-in session for ``user`` written to the session store the server reads."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    backends = settings.AUTHENTICATION_BACKENDS
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = next((b for b in backends if b.endswith("ModelBackend")), backends[0])
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


def _multipart(fields: dict[str, str], file_field: str, file_name: str, data: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
             for k, v in fields.items()]
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{file_name}"\r\n'
                 f"Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n".encode()
                 + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def upload_once(host: str, port: int, cookie: str, file_name: str, data: bytes) -> tuple[str, bool]:
    """GET the import page (for the CSRF token), POST the workbook; (status, refused in Vietnamese)."""
    conn = http.client.HTTPConnection(host, port, timeout=120)
    try:
        conn.request("GET", "/du-lieu/nhap/", headers={"Host": "127.0.0.1", "Cookie": cookie})
        page = conn.getresponse()
        html = page.read().decode("utf-8", "replace")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        csrf = re.search(r"csrftoken=([^;]+)", page.getheader("Set-Cookie") or "")
        if page.status != 200 or not token or not csrf:
            return str(page.status), False
        body, content_type = _multipart({"csrfmiddlewaretoken": token.group(1), "loai": "ca-nhan"}, "tep",
                                        file_name, data)
        conn.request("POST", "/du-lieu/nhap/", body=body, headers={
            "Host": "127.0.0.1", "Cookie": f"{cookie}; csrftoken={csrf.group(1)}", "Content-Type": content_type,
            "Referer": "http://127.0.0.1/du-lieu/nhap/"})
        answer = conn.getresponse()
        text = answer.read().decode("utf-8", "replace")
        return str(answer.status), answer.status < 500 and "giải nén" in text
    except (OSError, http.client.HTTPException):
        return "lỗi kết nối", False
    finally:
        conn.close()


def run(*, db_url: str, database: str, paths: list[str], user, seconds: float = 20.0, concurrency: int = 8,
        workers: int | None = None, threads: int = 2, env: dict | None = None) -> SecurityLoadResult:
    import os

    from thidua.exchange import hostile

    files = [("chuoi-chung-200MiB.xlsx", hostile.shared_string_bomb()), ("o-200MiB.xlsx", hostile.sheet_bomb())]
    cookie = session_cookie(user)
    workers = workers or (os.cpu_count() or 1) * 2 + 1
    result = SecurityLoadResult(seconds=seconds, concurrency=concurrency, workers=workers, threads=threads,
                                database=database, upload_sizes={name: len(data) for name, data in files})
    with load.gunicorn(db_url=db_url, workers=workers, threads=threads, env=env) as (host, port):
        warm = min(5.0, 1.0 + seconds / 4)
        result.quiet = _phase(*load.drive(host=host, port=port, paths=paths, seconds=seconds, concurrency=concurrency,
                                          warmup=warm), seconds)
        stop = threading.Event()
        lock = threading.Lock()
        upload_times: list[float] = []

        def uploader(name: str, data: bytes) -> None:
            while not stop.is_set():
                began = time.monotonic()
                status, refused = upload_once(host, port, cookie, name, data)
                with lock:
                    upload_times.append((time.monotonic() - began) * 1000)
                    result.uploads[status] = result.uploads.get(status, 0) + 1
                    result.uploads_refused += refused

        threads_ = [threading.Thread(target=uploader, args=f, daemon=True) for f in files]
        for t in threads_:
            t.start()
        try:
            result.loaded = _phase(*load.drive(host=host, port=port, paths=paths, seconds=seconds,
                                               concurrency=concurrency, warmup=1.0), seconds)
        finally:
            stop.set()
            for t in threads_:
                t.join(timeout=180)
    if upload_times:
        from .benchmark import _percentile

        result.upload_p50_ms = round(_percentile(upload_times, 50), 1)
    return result


def to_markdown(result: SecurityLoadResult, command: str, started: str, machine: str) -> str:
    def statuses(d: dict) -> str:
        return ", ".join(f"{k}: {v}" for k, v in sorted(d.items())) or "—"

    q, l_ = result.quiet, result.loaded
    sizes = ", ".join(f"`{name}` {size / 1024:.0f} KiB" for name, size in result.upload_sizes.items())
    lines = [
        START,
        "## Tải khi có tệp nhập quá cỡ (issue #22)",
        "",
        f"Lệnh: `{command}` — {started}; CSDL: {result.database}; máy: {machine}. Máy dùng chung (2 nhân, "
        "nhiều người làm việc cùng lúc): các con số dao động giữa các lần chạy.",
        "",
        f"Trang xác minh công khai `/xac-minh/<mã>` qua gunicorn (`gunicorn.conf.py`, {result.workers} tiến trình × "
        f"{result.threads} luồng) trên loopback, {result.concurrency} luồng khách, {result.seconds:g} giây mỗi pha; "
        f"pha sau có hai cán bộ liên tục tải lên hai tệp nhập quá cỡ ({sizes}; mỗi tệp 200 MiB khi giải nén).",
        "",
        "| Pha | Yêu cầu | Yêu cầu/giây | p50 (ms) | p95 (ms) | Mã trả về | Lỗi kết nối |",
        "|---|---:|---:|---:|---:|---|---:|",
        f"| Yên tĩnh | {q.requests} | {q.requests_per_second} | {q.p50_ms} | {q.p95_ms} | {statuses(q.statuses)} | "
        f"{q.errors} |",
        f"| Đang tải lên tệp quá cỡ | {l_.requests} | {l_.requests_per_second} | {l_.p50_ms} | {l_.p95_ms} | "
        f"{statuses(l_.statuses)} | {l_.errors} |",
        "",
        f"Tải lên: {sum(result.uploads.values())} lần ({statuses(result.uploads)}), {result.uploads_refused} lần bị từ "
        f"chối bằng lời tiếng Việt, không lưu gì; p50 mỗi lần (gồm tải trang lấy mã CSRF) {result.upload_p50_ms} ms.",
        "",
        "| Mục tiêu | Ngưỡng | Đo được | Đạt |",
        "|---|---:|---:|:---:|",
        f"| p95 khi có tệp quá cỡ / p95 yên tĩnh | ≤ {BOUND:g} × | {result.ratio} × | "
        f"{'có' if result.ratio <= BOUND else '**không**'} |",
        f"| Lỗi 5xx (trang và tải lên) | 0 | {result.server_errors} | {'có' if result.server_errors == 0 else '**không**'} |",
        END,
    ]
    return "\n".join(lines) + "\n"


def section_of(path, *, start: str = START, end: str = END) -> str:
    """The security-load section (or another between ``start`` and ``end``) of a Markdown file, or ''."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if start not in text or end not in text:
        return ""
    return start + text.split(start, 1)[1].split(end, 1)[0] + end + "\n"


def write_section(path, section: str, *, start: str = START, end: str = END) -> None:
    """Put ``section`` into the Markdown file, replacing an earlier run's section."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if start in text and end in text:
        head, rest = text.split(start, 1)
        text = head + section.rstrip("\n") + rest.split(end, 1)[1]
    else:
        text = (text.rstrip("\n") + "\n\n" if text else "") + section
    path.write_text(text, encoding="utf-8")
