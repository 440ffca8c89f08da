"""Browser: a unit clerk registers and self-scores with evidence; a council member changes one
score with a reason and locks; the block ranking shows the unit in its place."""
import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from thidua.movements.models import Evidence, Registration, RegistrationPeriod, ScoreChange, Scorecard

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _keep_2026_open():
    period = RegistrationPeriod.objects.get(year=2026)
    if period.deadline < timezone.localdate():  # the demo's deadline is 31/12/2026
        RegistrationPeriod.objects.filter(pk=period.pk).update(
            deadline=timezone.localdate() + datetime.timedelta(days=30))


def _save_row(page, code, **values):
    row = page.locator(f".score-row[data-code='{code}']")
    for name, value in values.items():
        if name == "evidence":
            row.locator("input[name=evidence]").set_input_files(str(value))
        else:
            row.locator(f"input[name={name}]").fill(value)
    row.get_by_role("button", name="Lưu").click()
    page.locator(f".score-row[data-code='{code}'] .badge.ok").wait_for()


def test_clerk_registers_and_self_scores_scorer_changes_one_score_and_locks_and_the_ranking_places_the_unit(
        login_page, live_demo, tmp_path):
    _keep_2026_open()
    evidence = tmp_path / "bao-cao-tong-ket-nam-hoc.pdf"
    evidence.write_bytes(PDF)

    # The clerk of Trường Mầm non Hồng Phong registers her unit for TTLĐTT.
    page = login_page("vanthu_mnhp")
    page.get_by_role("link", name="Phong trào", exact=True).click()  # the menu, not a work line
    page.wait_for_url("**/phong-trao/viec-can-lam/")
    page.locator("#todo-register").get_by_role("link", name="Đăng ký").click()
    page.select_option("select[name=title]", "TTLDTT")
    page.get_by_label("Nguyễn Thị Mai").select_option("CSTD_CO_SO")
    page.get_by_role("button", name="Gửi đăng ký").click()
    page.wait_for_url("**/phong-trao/viec-can-lam/**")
    assert "Đã đăng ký “Tập thể lao động tiên tiến”" in page.locator("#todo-register").inner_text()

    # She self-scores every criterion of the block's set (the maximum), with a file for 1.1, and submits.
    page.get_by_role("button", name="Bắt đầu tự chấm điểm").click()
    page.wait_for_url("**/phong-trao/cham-diem/*/")
    regular = page.locator(".score-row[data-kind=regular]")
    codes = [regular.nth(i).get_attribute("data-code") for i in range(regular.count())]
    maxima = [regular.nth(i).locator("input[name=points]").get_attribute("data-max") for i in range(len(codes))]
    _save_row(page, codes[0], points=maxima[0], note="100 % trẻ hoàn thành chương trình", evidence=evidence)
    for code, maximum in zip(codes[1:], maxima[1:]):
        _save_row(page, code, points=maximum)
    assert page.locator("#total-points").inner_text() == "100"
    assert "bao-cao-tong-ket-nam-hoc.pdf" in page.locator(f".score-row[data-code='{codes[0]}']").inner_text()
    page.locator("#submit-scorecard").click()
    assert page.locator("#scorecard-state").inner_text() == "Chờ Hội đồng chấm"
    page.get_by_role("button", name="Đăng xuất").click()

    # A council member lowers 1.3 from 10 to 7 with a reason, then locks the result.
    page = login_page("hoidong")
    page.goto(f"{live_demo.url}/phong-trao/hang-doi-cham-diem/?nam=2026")
    page.locator("#queue-submitted tr", has_text="Trường Mầm non Hồng Phong").get_by_role("link", name="Chấm điểm").click()
    _save_row(page, "1.3", points="7", reason="Chỉ có 1 giáo viên giỏi cấp tỉnh có quyết định kèm theo")
    assert "10 → 7" in page.locator(".score-row[data-code='1.3']").inner_text()
    assert page.locator("#total-points").inner_text() == "97"
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#lock-scorecard").click()
    page.locator("#scorecard-state", has_text="Đã khóa kết quả").wait_for()

    # The block ranking: 101,5 · 99 · then Hồng Phong with 97 · 96 · 93 …
    page.get_by_role("link", name="Xếp hạng").click()
    table = page.locator("section.ranking", has_text="Khối các trường học")
    names = table.locator("tbody tr").evaluate_all("rows => rows.map(r => r.dataset.unit)")
    assert names[:5] == ["Trường THCS Thanh Giang", "Trường Tiểu học Chi Lăng Nam", "Trường Mầm non Hồng Phong",
                         "Trường Tiểu học Thanh Giang", "Trường Mầm non Chi Lăng Nam"]
    ours = table.locator("tr[data-unit='Trường Mầm non Hồng Phong']")
    assert ours.locator("td.rank").inner_text() == "3" and ours.locator("td.total").inner_text() == "97"

    card = Scorecard.objects.get(organisation__code="mn-hong-phong", criteria_set__block__year=2026)
    assert card.state == "locked" and card.locked_by.username == "hoidong"
    change = ScoreChange.objects.get(score__scorecard=card)
    assert (change.old_points, change.new_points) == (Decimal(10), Decimal(7))
    assert Evidence.objects.get(score__scorecard=card).original_name == "bao-cao-tong-ket-nam-hoc.pdf"
    assert Registration.objects.filter(period__year=2026, person__full_name="Nguyễn Thị Mai", title="CSTD_CO_SO").exists()
