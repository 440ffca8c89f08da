"""Scores keep their criteria-set version (issue #16 item 7): a new version of a block's criteria
set leaves the locked scorecards, their scores and the block's ranking as they were; only the
officer's explicit, audited decision re-scores a unit under the new version. A criteria set
belongs to a movement. A plan uploaded with a refused form is kept on the server."""
from decimal import Decimal

import pytest
from django.apps import apps

from thidua.core.models import AuditEntry
from thidua.movements import services
from thidua.movements.models import CriteriaSet, HeldUpload, Movement, Score, Scorecard
from thidua.movements.selectors import block_rankings

from .conftest import docx, schools_block, unit

pytestmark = pytest.mark.django_db


def _schools_set() -> CriteriaSet:
    return CriteriaSet.objects.filter(block=schools_block(2026)).order_by("-version").first()


def _new_version_of(code: str, demo_user):
    """The officer makes version 2 of the schools' set; returns (officer, v1, v2, the unit's v1 card)."""
    officer = demo_user("canbotdkt")
    old = _schools_set()
    new = services.new_version(actor=officer, criteria_set=old)
    return officer, old, new, Scorecard.objects.get(criteria_set=old, organisation=unit(code))


def _ranking(user) -> list[tuple]:
    block = next(b for b in block_rankings(user=user, year=2026) if b["block"] == schools_block())
    return [(e["rank"], e["unit"].code, e["total"], e["scorecard"].state if e["scorecard"] else None,
             e["band"].code if e["band"] else None) for e in block["entries"]], block


def _scores(card: Scorecard) -> list[tuple]:
    return list(Score.objects.filter(scorecard=card).order_by("criterion__code")
                .values_list("criterion__code", "self_points", "points"))


def test_a_new_criteria_set_version_leaves_locked_scores_and_the_ranking_of_the_old_version_unchanged(
        client_as, demo_user):
    officer = demo_user("canbotdkt")
    old = _schools_set()
    locked = list(Scorecard.objects.filter(criteria_set=old, state=Scorecard.State.LOCKED))
    assert len(locked) == 2
    scores_before = {card.pk: _scores(card) for card in locked}
    ranking_before, block = _ranking(officer)
    leader_before = block["leader"]["unit"].code

    client = client_as("canbotdkt")
    assert client.post(f"/phong-trao/tieu-chi/{old.pk}/phien-ban-moi/").status_code == 302
    new = _schools_set()
    assert new.version == old.version + 1 and new.movement == old.movement
    # The new version is changed: a criterion weighs more, another is added.
    first = new.criteria.get(code="1.1")
    services.update_criterion(actor=officer, criterion=first, max_points=first.max_points + 5)
    services.add_criterion(actor=officer, criteria_set=new, group="IV", code="T.9", text="Giải quốc gia",
                           kind="bonus", max_points=Decimal(2), order=99)

    for card in locked:
        card.refresh_from_db()
        assert card.state == Scorecard.State.LOCKED and card.criteria_set_id == old.pk
        assert _scores(card) == scores_before[card.pk]
    ranking_after, block = _ranking(officer)
    assert ranking_after == ranking_before
    assert block["leader"]["unit"].code == leader_before == "thcs-thanh-giang"
    assert block["criteria_set"] == new
    assert {e["version"] for e in block["entries"] if e["scorecard"]} == {old.version}

    html = client.get(f"/phong-trao/xep-hang/2026/?khoi={schools_block().pk}").content.decode()
    assert "Đơn vị dẫn đầu khối: <strong>Trường THCS Thanh Giang</strong>" in html
    # each scored row names the version its scores were entered under …
    assert html.count(f"phiên bản {old.version} <span class=\"badge warn\">phiên bản cũ</span>") == 6
    assert "Chấm lại theo phiên bản 2" in html
    for card in locked:  # … and the locked schools are not shown as unscored
        row = html.split(f'data-unit="{card.organisation.name}"')[1].split("</tr>")[0]
        assert "Chưa chấm" not in row and "Đã khóa kết quả" in row


def test_a_unit_already_scored_keeps_its_version_when_it_opens_its_scorecard_and_a_new_unit_starts_on_the_newest(
        demo_user):
    officer, _old, new, draft = _new_version_of("mn-thanh-giang", demo_user)
    opened = services.open_scorecard(actor=officer, organisation=draft.organisation, criteria_set=new)
    assert opened == draft and not Scorecard.objects.filter(criteria_set=new).exists()
    newcomer = next(u for u in schools_block().members.all()
                    if not Scorecard.objects.filter(organisation=u, criteria_set__block=schools_block()).exists())
    assert services.open_scorecard(actor=officer, organisation=newcomer, criteria_set=new).criteria_set == new


def test_only_the_officers_written_decision_rescores_a_locked_unit_under_the_new_version_and_it_is_audited(
        client_as, demo_user):
    officer, _old, new, card = _new_version_of("th-chi-lang-nam", demo_user)
    before = _scores(card)
    url = f"/phong-trao/cham-diem/{card.pk}/cham-lai/"

    assert client_as("hoidong").post(url, {"reason": "Thử"}).status_code == 403
    assert client_as("vanthu_mnhp").post(url, {"reason": "Thử"}).status_code in (403, 404)
    response = client_as("canbotdkt").post(url, {"reason": "  "})
    assert response.status_code == 400 and "Phải ghi lý do" in response.content.decode()
    assert not Scorecard.objects.filter(criteria_set=new).exists()

    response = client_as("canbotdkt").post(url, {"reason": "Tiêu chí 1.4 được sửa theo hướng dẫn của Phòng GD"})
    rescored = Scorecard.objects.get(criteria_set=new, organisation=card.organisation)
    assert response.status_code == 302 and response["Location"] == f"/phong-trao/cham-diem/{rescored.pk}/"
    assert rescored.state == Scorecard.State.DRAFT and rescored.replaces == card
    card.refresh_from_db()
    assert card.state == Scorecard.State.LOCKED and _scores(card) == before  # the old card is untouched
    # the unit's self-scores are carried over, the council's review is not
    assert {c: s for c, s, _p in _scores(rescored)} == {c: s for c, s, _p in before}
    assert all(p is None for _c, _s, p in _scores(rescored))
    notes = AuditEntry.objects.filter(content_type__model="scorecard", object_id__in=[str(card.pk), str(rescored.pk)])
    assert sum("Tiêu chí 1.4 được sửa" in e.note for e in notes) == 2
    assert notes.filter(actor=officer).exists()

    _ranking_rows, block = _ranking(officer)
    entry = next(e for e in block["entries"] if e["unit"].code == "th-chi-lang-nam")
    assert entry["version"] == new.version and not entry["outdated"]
    html = client_as("canbotdkt").get(f"/phong-trao/cham-diem/{card.pk}/").content.decode()
    assert "Đơn vị đã được chấm lại theo phiên bản 2" in html
    # a second decision for the same old card is refused
    assert client_as("canbotdkt").post(url, {"reason": "Lần nữa"}).status_code == 400


def test_a_criteria_set_belongs_to_a_movement_of_the_commune_chosen_in_its_form(client_as, demo_user):
    old = _schools_set()
    assert old.movement is not None and old.movement.year == 2026
    client = client_as("canbotdkt")
    form = client.get("/phong-trao/tieu-chi/nam/2026/them/").content.decode()
    select = form.split('name="movement"')[1].split("</select>")[0]
    assert "Thi đua thực hiện chủ đề năm 2026 của thành phố" in select
    assert "Thi đua thực hiện chủ đề năm 2025 của thành phố" not in select  # not a movement of 2026
    data = {"block": schools_block().pk, "name": "Bộ tiêu chí chuyên đề", "top_award": "", "note": "",
            "band_xuat_sac": "90", "band_tot": "80", "band_hoan_thanh": "50", "band_chua_hoan_thanh": "0"}
    response = client.post("/phong-trao/tieu-chi/nam/2026/them/", data)
    assert response.status_code == 400 and CriteriaSet.objects.filter(block=schools_block()).count() == 1
    year_2025 = Movement.objects.get(name="Thi đua thực hiện chủ đề năm 2025 của thành phố")
    assert client.post("/phong-trao/tieu-chi/nam/2026/them/", {**data, "movement": year_2025.pk}).status_code == 400
    digital = Movement.objects.get(name="Chuyển đổi số toàn diện")
    assert client.post("/phong-trao/tieu-chi/nam/2026/them/", {**data, "movement": digital.pk}).status_code == 302
    created = CriteriaSet.objects.get(name="Bộ tiêu chí chuyên đề")
    assert created.movement == digital
    listing = client.get(f"/phong-trao/tieu-chi/nam/2026/?phong_trao={digital.pk}").content.decode()
    assert "Bộ tiêu chí chuyên đề" in listing and old.name not in listing
    assert "Bộ tiêu chí chuyên đề" in client.get(f"/phong-trao/{digital.pk}/").content.decode()


def test_the_data_migration_ties_an_existing_set_to_its_years_movement():
    from importlib import import_module

    migration = import_module("thidua.movements.migrations.0002_criteria_set_movement_rescore_held_upload")
    old = _schools_set()
    CriteriaSet.objects.filter(pk=old.pk).update(movement=None)
    migration.link_sets_to_movements(apps, None)
    old.refresh_from_db()
    assert old.movement.name == "Thi đua thực hiện chủ đề năm 2026 của thành phố"


def _movement_form(**extra):
    return {"name": "", "level": "commune", "kind": "regular", "launched_on": "28/01/2026", **extra}


def test_a_plan_uploaded_with_a_refused_form_is_kept_and_used_when_the_form_is_corrected(client_as, demo_user):
    client = client_as("canbotdkt")
    response = client.post("/phong-trao/them/", _movement_form(plan_document=docx("ke-hoach-ra-quan.docx")))
    html = response.content.decode()
    assert response.status_code == 400 and "Tên phong trào" in html
    held = HeldUpload.objects.get(uploaded_by=demo_user("canbotdkt"))
    assert "Đã tải lên: ke-hoach-ra-quan.docx" in html and f'name="held_plan" value="{held.pk}"' in html

    # a second refusal keeps it still
    response = client.post("/phong-trao/them/", _movement_form(held_plan=held.pk, launched_on="99/99/2026"))
    assert response.status_code == 400 and "Đã tải lên: ke-hoach-ra-quan.docx" in response.content.decode()

    response = client.post("/phong-trao/them/", _movement_form(name="Thi đua ra quân 2026", held_plan=held.pk))
    assert response.status_code == 302
    movement = Movement.objects.get(name="Thi đua ra quân 2026")
    assert movement.plan_document_name == "ke-hoach-ra-quan.docx" and movement.plan_document.name.endswith(".docx")
    assert client.get(f"/phong-trao/{movement.pk}/ke-hoach/").status_code == 200
    assert not HeldUpload.objects.exists()


def test_another_users_held_upload_is_never_used(client_as, demo_user):
    client_as("canbotdkt").post("/phong-trao/them/", _movement_form(plan_document=docx()))
    held = HeldUpload.objects.get()
    response = client_as("quantri").post("/phong-trao/them/", _movement_form(name="Phong trào khác", held_plan=held.pk))
    assert response.status_code == 302
    assert not Movement.objects.get(name="Phong trào khác").plan_document
    assert HeldUpload.objects.filter(pk=held.pk).exists()


def test_a_held_upload_abandoned_for_more_than_a_day_is_removed_at_the_next_hold(client_as, demo_user):
    import datetime

    from django.utils import timezone

    client = client_as("canbotdkt")
    client.post("/phong-trao/them/", _movement_form(plan_document=docx("cu.docx")))
    old = HeldUpload.objects.get()
    HeldUpload.objects.filter(pk=old.pk).update(uploaded_at=timezone.now() - datetime.timedelta(days=2))
    client.post("/phong-trao/them/", _movement_form(plan_document=docx("moi.docx")))
    assert list(HeldUpload.objects.values_list("original_name", flat=True)) == ["moi.docx"]
