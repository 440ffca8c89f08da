"""Operations this app adds to the benchmark (``thidua.bench.benchmark``): importing a
50 000-row award ledger workbook into one commune — the dry run, the commit, and the undo that
leaves the database as it was (so the benchmark can be run again on the same data).

The workbook is the commune's older ledger in the importer's own template: every staff member
and unit, year after year back from 2020, with the titles and forms a commune records."""
from __future__ import annotations

import io

from openpyxl import Workbook

from thidua.org.models import Membership, Organisation
from thidua.rules.fmt import lower_first

from thidua.exchange import services
from thidua.exchange.importers import IMPORTERS
from thidua.exchange.models import ImportBatch

FULL_ROWS = 50_000
QUICK_ROWS = 500
PERSON_TYPES = ("LDTT", "CSTD_CO_SO", "GIAY_KHEN_XA", "GIAY_KHEN_HUYEN", "BANG_KHEN_TINH")
UNIT_TYPES = ("TTLDTT", "GIAY_KHEN_XA")


def _subjects(commune) -> tuple[list[tuple], list[Organisation]]:
    """(name, date of birth, unit code) of the staff a row can name unambiguously, and the units."""
    counts: dict[tuple, int] = {}
    staff = []
    for name, dob, code in (Membership.objects.filter(organisation__path__startswith=commune.path,
                                                      organisation__parent=commune, end__isnull=True)
                            .order_by("organisation__code", "person_id")
                            .values_list("person__full_name", "person__date_of_birth", "organisation__code")):
        counts[(name, dob, code)] = counts.get((name, dob, code), 0) + 1
        staff.append((name, dob, code))
    staff = [s for s in staff if counts[s] == 1]
    units = list(Organisation.objects.filter(parent=commune).exclude(kind=Organisation.Kind.VILLAGE).order_by("code"))
    return staff, units


def ledger_rows(commune, count: int) -> list[list]:
    """``count`` rows in the award importer's column order, from 2020 backwards."""
    staff, units = _subjects(commune)
    issuer = f"UBND {lower_first(commune.name)}"
    rows: list[list] = []
    year = 2020
    while len(rows) < count and year >= 1946:
        day = f"20/12/{year}"
        for name, dob, code in staff:
            for type_code in PERSON_TYPES:
                rows.append([year, name, "", dob.strftime("%d/%m/%Y") if dob else "", code, type_code,
                             f"{100 + year % 100}/QĐ-UBND", day, issuer, "", ""])
        for unit in units:
            for type_code in UNIT_TYPES:
                rows.append([year, "", "", "", unit.code, type_code, f"{100 + year % 100}/QĐ-UBND", day, issuer, "", ""])
        year -= 1
    return rows[:count]


def workbook(rows: list[list]) -> bytes:
    importer = IMPORTERS[ImportBatch.Kind.AWARDS]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(importer.sheet_title)
    ws.append([c.header for c in importer.columns])
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def operations(*, commune, user, year, quick=False):
    rows = ledger_rows(commune, QUICK_ROWS if quick else FULL_ROWS)
    data = workbook(rows)
    state: dict = {}

    def dry_run():
        batch = services.preview_workbook(actor=user, kind=ImportBatch.Kind.AWARDS, data=data,
                                          file_name="benchmark.xlsx")
        if batch.summary["errors"]:
            raise ValueError(f"{batch.summary['errors']} dòng lỗi: {batch.summary['messages'][:3]}")
        state["batch"] = batch

    n = f"{len(rows):,}".replace(",", ".")
    return [(f"Nhập sổ khen thưởng {n} dòng: chạy thử", dry_run),
            (f"Nhập sổ khen thưởng {n} dòng: ghi", lambda: services.commit_batch(actor=user, batch=state["batch"])),
            (f"Nhập sổ khen thưởng {n} dòng: hoàn tác", lambda: services.undo_batch(actor=user, batch=state["batch"]))]
