"""Nightly backup files and their retention: the newest ``daily`` days, plus the newest file of
each of the last ``monthly`` months (README: keep 30 daily and 12 monthly copies)."""
from __future__ import annotations

import datetime
import re
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

NAME = re.compile(r"^thidua-(\d{4}-\d{2}-\d{2})\.zip$")


def keep(dates: list[datetime.date], *, daily: int, monthly: int) -> set[datetime.date]:
    """Which backup dates to keep."""
    newest_first = sorted(set(dates), reverse=True)
    kept = set(newest_first[:daily])
    months: dict[tuple[int, int], datetime.date] = {}
    for day in newest_first:
        months.setdefault((day.year, day.month), day)
    kept.update(sorted(months.values(), reverse=True)[:monthly])
    return kept


def prune(directory: Path, *, daily: int, monthly: int) -> list[Path]:
    files = {}
    for path in directory.iterdir():
        match = NAME.match(path.name)
        if match:
            files[datetime.date.fromisoformat(match.group(1))] = path
    kept = keep(list(files), daily=daily, monthly=monthly)
    removed = [path for day, path in files.items() if day not in kept]
    for path in removed:
        path.unlink()
    return sorted(removed)


def make_backup(*, today: datetime.date | None = None) -> Path:
    """Write today's archive with the `backup` command (atomically: a temp name, then renamed),
    then apply the retention."""
    directory = Path(settings.THIDUA_BACKUP_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    today = today or timezone.localdate()
    target = directory / f"thidua-{today.isoformat()}.zip"
    partial = target.with_suffix(".zip.partial")
    call_command("backup", str(partial), verbosity=0)
    partial.replace(target)
    prune(directory, daily=settings.THIDUA_BACKUP_KEEP_DAILY, monthly=settings.THIDUA_BACKUP_KEEP_MONTHLY)
    return target
