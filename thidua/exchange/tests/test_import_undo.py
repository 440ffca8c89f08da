"""A committed import can be undone as a batch — until something else depends on it."""
import pytest
from django.core.exceptions import ValidationError

from thidua.awards import services as award_services
from thidua.awards.models import AwardType, Rating
from thidua.core.models import AuditEntry
from thidua.exchange import services
from thidua.exchange.models import ImportBatch
from thidua.org.models import Membership, Organisation, Person

from .helpers import people_rows, workbook

pytestmark = pytest.mark.django_db


def _import_people(officer, n=5, start_id=793_000_000_000):
    batch = services.preview_workbook(actor=officer, kind="people", data=workbook("people", people_rows(n, start_id=start_id)))
    return services.commit_batch(actor=officer, batch=batch)


def test_undo_removes_everything_the_batch_created(demo_user):
    officer = demo_user("canbotdkt")
    people, memberships = Person.objects.count(), Membership.objects.count()
    batch = _import_people(officer)
    assert Person.objects.count() == people + 5

    assert services.undo_blockers(batch) == []
    batch = services.undo_batch(actor=officer, batch=batch)

    assert batch.state == ImportBatch.State.UNDONE
    assert (Person.objects.count(), Membership.objects.count()) == (people, memberships)
    entry = AuditEntry.objects.order_by("-id").first()
    assert entry.action == AuditEntry.Action.DELETE and entry.note == f"Hoàn tác lô nhập #{batch.pk}"
    assert len(entry.before["deleted"]["org.Person"]) == 5
    with pytest.raises(ValidationError):
        services.undo_batch(actor=officer, batch=batch)  # only once


def test_an_award_referencing_an_imported_person_blocks_undo(demo_user):
    officer = demo_user("canbotdkt")
    batch = _import_people(officer, start_id=794_000_000_000)
    person = Person.objects.get(citizen_id=str(794_000_000_000))
    award_services.record_award(actor=officer, subject=person, award_type=AwardType.objects.get(code="LDTT"),
                                year=2025, issuer_name="UBND xã Nam Thanh Miện")
    reasons = services.undo_blockers(batch)
    assert reasons and "tham chiếu" in reasons[0]
    with pytest.raises(ValidationError):
        services.undo_batch(actor=officer, batch=batch)
    assert Person.objects.filter(pk=person.pk).exists()


def test_a_later_rating_blocks_undo_of_an_imported_rating(demo_user):
    officer = demo_user("canbotdkt")
    person = Person.objects.get(full_name="Nguyễn Thị Kim Nga")
    Rating.objects.filter(person=person, year=2019).delete()
    rows = [{"year": 2019, "full_name": "Nguyễn Thị Kim Nga", "unit": "Trường Mầm non Hồng Phong", "rating": "HTTNV"}]
    batch = services.preview_workbook(actor=officer, kind="ratings", data=workbook("ratings", rows))
    assert batch.summary["errors"] == 0, batch.summary["messages"]
    batch = services.commit_batch(actor=officer, batch=batch)
    assert Rating.objects.get(person=person, year=2019).rating == "HTTNV"

    award_services.set_rating(actor=officer, subject=person, year=2019, rating="HTXSNV")  # a later change
    assert "đã được sửa sau khi nhập" in services.undo_blockers(batch)[0]


def test_undo_restores_a_rating_the_import_overwrote(demo_user):
    officer = demo_user("canbotdkt")
    unit = Organisation.objects.get(name="Trường Mầm non Hồng Phong")
    award_services.set_rating(actor=officer, subject=unit, year=2018, rating="HTNV")
    rows = [{"year": 2018, "unit": "Trường Mầm non Hồng Phong", "rating": "HTXSNV"}]  # the collective itself
    batch = services.preview_workbook(actor=officer, kind="ratings", data=workbook("ratings", rows))
    assert batch.rows[0]["duplicate"] and batch.rows[0]["decision"] == "skip"
    batch = services.commit_batch(actor=officer, batch=batch, decisions={"2": "import"})
    assert Rating.objects.get(organisation=unit, year=2018).rating == "HTXSNV"
    services.undo_batch(actor=officer, batch=batch)
    assert Rating.objects.get(organisation=unit, year=2018).rating == "HTNV"


def test_units_and_the_ledger_import_and_undo(demo_user):
    officer = demo_user("canbotdkt")
    units = [{"name": "Thôn Thử Nghiệm", "kind": "Thôn", "parent": "Xã Nam Thanh Miện"},
             {"name": "Chi hội Phụ nữ thôn Thử Nghiệm", "kind": "Tổ chức hội khác", "parent": "Thôn Thử Nghiệm"}]
    batch = services.commit_batch(actor=officer, batch=services.preview_workbook(
        actor=officer, kind="units", data=workbook("units", units)))
    child = Organisation.objects.get(name="Chi hội Phụ nữ thôn Thử Nghiệm")
    assert child.parent.name == "Thôn Thử Nghiệm" and child.path.startswith(child.parent.path)

    awards = [{"year": "2023-2024", "full_name": "Vũ Thị Nhạn", "unit": "Trường Mầm non Thanh Giang",
               "award_type": "CSTD_CO_SO", "decision_number": "45/QĐ-UBND", "decision_date": "20/08/2024",
               "issuer_name": "UBND huyện Thanh Miện"},
              {"year": 2024, "unit": "Trường Mầm non Thanh Giang", "award_type": "Tập thể lao động tiên tiến",
               "issuer_name": "UBND huyện Thanh Miện", "amount": "1.880.000"}]
    ledger = services.preview_workbook(actor=officer, kind="awards", data=workbook("awards", awards))
    assert ledger.summary["errors"] == 0, ledger.summary["messages"]
    ledger = services.commit_batch(actor=officer, batch=ledger, decisions={"2": "import", "3": "import"})
    nhan = Person.objects.get(full_name="Vũ Thị Nhạn")
    from thidua.awards.models import Award
    award = Award.objects.filter(person=nhan, period_label="2023-2024", award_type__code="CSTD_CO_SO").latest("id")
    assert award.year == 2024 and award.round_kind == "school_year"
    services.undo_batch(actor=officer, batch=ledger)
    assert not Award.objects.filter(pk=award.pk).exists()
    services.undo_batch(actor=officer, batch=batch)
    assert not Organisation.objects.filter(name="Thôn Thử Nghiệm").exists()


def test_a_clerk_may_not_import_the_ledger(demo_user):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.preview_workbook(actor=demo_user("vanthu_mnhp"), kind="awards", data=workbook("awards", []))
