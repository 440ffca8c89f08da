"""An import is a dry run first; one bad row among 1 000 saves nothing and names the row;
the fixed workbook imports in full, in one transaction, audited as one batch."""
import datetime

import pytest

from thidua.core.models import AuditEntry
from thidua.exchange import services
from thidua.exchange.importers import IMPORTERS
from thidua.exchange.models import ImportBatch
from thidua.org.models import Membership, Person

from .helpers import people_rows, workbook

pytestmark = pytest.mark.django_db


def test_one_bad_row_among_a_thousand_saves_nothing_and_is_named(demo_user):
    officer = demo_user("canbotdkt")
    rows = people_rows(1000)
    rows[516]["citizen_id"] = "12345"  # workbook row 518 (header is row 1)
    people_before = Person.objects.count()

    batch = services.preview_workbook(actor=officer, kind="people", data=workbook("people", rows), file_name="ds.xlsx")

    assert batch.state == ImportBatch.State.DRAFT
    assert Person.objects.count() == people_before  # the dry run writes nothing
    assert batch.summary["total"] == 1000
    assert batch.summary["errors"] == 1
    assert batch.summary["messages"] == ["Dòng 518: Số CCCD phải gồm đúng 12 chữ số (đã nhập: “12345”)."]
    with pytest.raises(services.ImportRejected) as rejected:
        services.commit_batch(actor=officer, batch=batch)
    assert "Dòng 518" in rejected.value.messages[0]
    assert Person.objects.count() == people_before
    batch.refresh_from_db()
    assert batch.state == ImportBatch.State.DRAFT


def test_the_fixed_workbook_imports_in_full_as_one_audited_batch(demo_user):
    officer = demo_user("canbotdkt")
    rows = people_rows(1000)
    people_before = Person.objects.count()
    audit_before = AuditEntry.objects.count()

    batch = services.preview_workbook(actor=officer, kind="people", data=workbook("people", rows))
    assert batch.summary["errors"] == 0 and batch.summary["to_import"] == 1000
    batch = services.commit_batch(actor=officer, batch=batch)

    assert batch.state == ImportBatch.State.COMMITTED
    assert Person.objects.count() == people_before + 1000
    imported = Person.objects.get(citizen_id=str(790_000_000_000 + 7))
    assert imported.search_key and imported.search_key.isascii()
    membership = Membership.objects.get(person=imported)
    assert membership.organisation.name == "Trường Mầm non Hồng Phong"
    assert membership.position == "Giáo viên" and membership.start == datetime.date(2020, 9, 1)
    assert batch.records.count() == 2000
    new_rows = AuditEntry.objects.order_by("id")[audit_before:]
    imports = [e for e in new_rows if e.action == AuditEntry.Action.IMPORT]
    assert {e.after["model"] for e in imports} == {"org.Person", "org.Membership"}
    assert all(e.after["count"] == 1000 for e in imports)
    assert AuditEntry.objects.count() - audit_before < 10  # a batch, not 2 000 rows


def test_legacy_text_in_a_workbook_is_stored_as_unicode(demo_user):
    officer = demo_user("canbotdkt")
    rows = people_rows(2, start_id=791_000_000_000)
    rows[0]["full_name"] = "NguyÔn ThÞ Kh¸nh Linh"          # TCVN3
    rows[1]["full_name"] = "Nguyeãn Thò Thuøy Trang"         # VNI
    rows[1]["unit"] = "truong mam non hong phong"            # no diacritics, any case
    batch = services.preview_workbook(actor=officer, kind="people", data=workbook("people", rows))
    assert batch.summary["errors"] == 0, batch.summary["messages"]
    services.commit_batch(actor=officer, batch=batch)
    assert Person.objects.filter(full_name="Nguyễn Thị Khánh Linh").exists()
    assert Person.objects.filter(full_name="Nguyễn Thị Thùy Trang").exists()


def test_likely_duplicates_wait_for_a_decision(demo_user):
    officer = demo_user("canbotdkt")
    mai = Person.objects.get(full_name="Nguyễn Thị Mai")
    rows = [{"full_name": "Nguyễn Thị Mai", "gender": "Nữ", "category": "Viên chức",
             "unit": "Trường Mầm non Hồng Phong", "position": "Giáo viên"},
            {"full_name": "Lò Thị Hoa", "gender": "Nữ", "category": "Viên chức", "citizen_id": "001234567890",
             "unit": "Trường Mầm non Hồng Phong"},
            {"full_name": "Lò Thị Hoa", "gender": "Nữ", "category": "Viên chức", "citizen_id": "001234567890",
             "unit": "Trường Mầm non Hồng Phong"}]
    batch = services.preview_workbook(actor=officer, kind="people", data=workbook("people", rows))
    first, second, third = batch.rows
    assert first["duplicate"] and f"mã {mai.pk}" in first["duplicate"]["text"] and first["decision"] == "skip"
    assert second["status"] == "ok"
    assert third["errors"] == ["Số CCCD 001234567890 trùng với dòng 3."]

    rows.pop()
    batch = services.preview_workbook(actor=officer, kind="people", data=workbook("people", rows))
    count = Person.objects.filter(full_name="Nguyễn Thị Mai").count()
    services.commit_batch(actor=officer, batch=batch, decisions={"2": "import"})  # import anyway
    assert Person.objects.filter(full_name="Nguyễn Thị Mai").count() == count + 1


def test_a_clerk_imports_for_her_own_unit_only(demo_user):
    clerk = demo_user("vanthu_mnhp")
    rows = people_rows(2, start_id=792_000_000_000)
    rows[1]["unit"] = "Trường THCS Thanh Giang"
    batch = services.preview_workbook(actor=clerk, kind="people", data=workbook("people", rows))
    assert batch.rows[0]["errors"] == []
    assert batch.rows[1]["errors"] == ["Không tìm thấy đơn vị “Trường THCS Thanh Giang” trong phạm vi của bạn."]


def test_every_template_has_vietnamese_headers_and_a_sample_row_that_is_skipped(demo_user):
    for kind, importer in IMPORTERS.items():
        content = importer.template()
        assert importer.read(content) == [], kind  # only the sample row: nothing to import
    from openpyxl import load_workbook
    import io
    ws = load_workbook(io.BytesIO(IMPORTERS["people"].template()))["Dữ liệu"]
    assert [c.value for c in ws[1]][:2] == ["Họ và tên *", "Giới tính *"]
    assert ws["A2"].value == "Nguyễn Văn Mẫu"


def test_a_file_that_is_not_a_workbook_gets_a_vietnamese_message(demo_user):
    with pytest.raises(services.ValidationError) as exc:
        services.preview_workbook(actor=demo_user("canbotdkt"), kind="people", data=b"not a workbook")
    assert "Không đọc được tệp" in exc.value.messages[0]
