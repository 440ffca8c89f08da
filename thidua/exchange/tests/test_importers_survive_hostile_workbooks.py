"""Property-based, over every importer: a workbook whose cells hold anything — Vietnamese,
emoji, HTML/JS, formulas, huge or empty values, numbers where text belongs — is read and
checked without a crash; committing it either writes every row or, with a Vietnamese reason
per row, nothing at all. A file that is not a workbook, and any pasted report text, get a
clear refusal, never an exception."""
from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings, strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from thidua.awards.models import Award, Rating
from thidua.exchange import services
from thidua.exchange.importers import IMPORTERS
from thidua.org.models import Membership, Organisation, Person

from .helpers import people_rows, workbook

pytestmark = pytest.mark.django_db

HOSTILE = st.sampled_from([
    "<script>window.__pwned=1</script>", "=HYPERLINK(\"http://x\",\"y\")", "=1+1", "Nguyễn Thị Mai 👩‍🏫",
    "x" * 3000, "", "  ", "Đ\u0300", "'; DROP TABLE org_person; --", "\u202e", "31/02/2025", "-5", "1e308",
    "99999999999999999999", "Trường Mầm non Hồng Phong", "HTXSNV", "LDTT", "2025", "01/01/2025", "Nữ",
])
# Characters a real .xlsx cannot hold (openpyxl refuses to write them) are left out.
CELL = st.one_of(HOSTILE, st.text(max_size=80).map(lambda t: ILLEGAL_CHARACTERS_RE.sub("", t)),
                 st.integers(min_value=-10**6, max_value=10**13))
HYPO = settings(max_examples=15, deadline=None, database=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
COUNTED = (Person, Membership, Organisation, Rating, Award)


def _counts():
    return [m.objects.count() for m in COUNTED]


@pytest.mark.parametrize("kind", sorted(k for k in IMPORTERS if k != "report"))
def test_any_workbook_is_checked_and_committed_all_or_nothing(kind, demo_user):
    officer = demo_user("canbotdkt")
    columns = [c.key for c in IMPORTERS[kind].columns]
    template = people_rows(1)[0] if kind == "people" else {}

    @HYPO
    @given(rows=st.lists(st.fixed_dictionaries({key: st.one_of(st.just(template.get(key, "")), CELL)
                                                for key in columns}), min_size=1, max_size=4))
    def import_hostile(rows):
        with transaction.atomic():  # each attempt starts from the same database
            before = _counts()
            batch = services.preview_workbook(actor=officer, kind=kind, data=workbook(kind, rows),
                                              file_name="thu.xlsx")
            assert _counts() == before  # the dry run writes nothing
            assert batch.summary["total"] <= len(rows)  # blank rows are skipped
            try:
                services.commit_batch(actor=officer, batch=batch)
            except services.ImportRejected as rejected:
                assert rejected.messages and all(m.startswith("Dòng ") for m in rejected.messages)
                assert _counts() == before
            transaction.set_rollback(True)

    import_hostile()


@HYPO
@given(data=st.one_of(st.binary(max_size=2000), st.sampled_from([b"", b"PK\x03\x04broken", b"%PDF-1.7"])))
def test_a_file_that_is_not_a_workbook_is_refused_in_vietnamese(demo_user, data):
    with pytest.raises(ValidationError) as refused:
        services.preview_workbook(actor=demo_user("canbotdkt"), kind="people", data=data, file_name="x.xlsx")
    assert any(ch in " ".join(refused.value.messages) for ch in "ăâđêôơư")


@HYPO
@given(text=st.one_of(st.text(max_size=2000), HOSTILE))
def test_any_pasted_report_text_is_read_or_refused_without_a_crash(demo_user, text):
    with transaction.atomic():
        try:
            batch = services.preview_report(actor=demo_user("canbotdkt"), text=text, file_name="bao-cao.txt")
        except ValidationError as refused:
            assert refused.messages
        else:
            assert batch.summary["total"] >= 1
        transaction.set_rollback(True)
