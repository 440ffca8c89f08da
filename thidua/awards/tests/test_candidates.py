import datetime

import pytest

from thidua.awards import candidates
from thidua.awards.models import Award, AwardType
from thidua.org.models import Organisation, Person

pytestmark = pytest.mark.django_db


def _names(lst):
    return [str(c.subject) for c in lst]


def _list(lists, code):
    return next(tl for tl in lists if tl.code == code)


def test_nhan_four_years_cstd_co_so_is_listed_for_bang_khen_in_2025(demo_user):
    lists = candidates.build(user=demo_user("canbotdkt"), year=2025, targets=["BANG_KHEN_TINH"])
    bk = _list(lists, "BANG_KHEN_TINH")
    assert "Vũ Thị Nhạn" in _names(bk.eligible)
    nhan = next(c for c in bk.eligible if str(c.subject) == "Vũ Thị Nhạn")
    assert nhan.verdict.authority == "CHU_TICH_UBND_TINH"
    assert nhan.verdict.amount_vnd == 3_510_000  # 1,5 × 2.340.000 on 20/12/2025


def test_people_who_already_hold_the_award_this_year_are_not_proposed_again(demo_user):
    bk = _list(candidates.build(user=demo_user("canbotdkt"), year=2025, targets=["BANG_KHEN_TINH"]), "BANG_KHEN_TINH")
    everyone = _names(bk.eligible + bk.one_short + bk.others)
    assert "Vũ Thị Phương" not in everyone  # Bằng khen UBND tỉnh (2025) already in the ledger
    assert bk.already >= 1


def test_one_condition_short_names_the_missing_condition(demo_user):
    tinh = _list(candidates.build(user=demo_user("canbotdkt"), year=2025, targets=["CSTD_TINH"]), "CSTD_TINH")
    nhan = next(c for c in tinh.one_short if str(c.subject) == "Vũ Thị Nhạn")
    assert "Điều 22" in nhan.failed[0].article  # three years of CSTĐ cơ sở, but no provincial initiative


def test_a_unit_does_not_count_members_who_merely_qualify_for_ldtt(demo_user):
    """Luật Điều 28: "…cá nhân trong tập thể đạt danh hiệu “Lao động tiên tiến”" — members
    awarded or nominated, not members who would qualify (issue #19, item 2)."""
    lists = candidates.build(user=demo_user("canbotdkt"), year=2025, targets=["TTLDTT", "LDTT"])
    school = next(c for tl in lists for c in tl.eligible + tl.one_short + tl.others
                  if str(c.subject) == "Trường Mầm non Hồng Phong")
    qualifying = [c for c in _list(lists, "LDTT").eligible if c.unit == "Trường Mầm non Hồng Phong"]
    share = next(ch for ch in school.verdict.checks if "70" in ch.rule)
    assert len(qualifying) > 20  # most of its members qualify for LĐTT…
    assert not share.passed and share.detail.startswith("0/")  # …but none was awarded or nominated


def test_a_clerk_only_sees_candidates_of_her_unit(demo_user):
    lists = candidates.build(user=demo_user("vanthu_mnhp"), year=2025)
    subjects = {str(c.subject) for tl in lists for c in tl.eligible + tl.one_short + tl.others}
    assert "Nguyễn Thị Mai" in subjects
    assert "Nguyễn Thị Hiền" not in subjects and "Trường THCS Thanh Giang" not in subjects


def test_a_pending_complaint_removes_a_candidate_citing_decree_152(demo_user):
    from thidua.awards import services
    import datetime
    mai = Person.objects.get(full_name="Nguyễn Thị Mai")
    services.open_pending_matter(actor=demo_user("canbotdkt"), subject=mai, kind="complaint",
                                 opened_on=datetime.date(2025, 11, 1), note="Đơn thư đang xác minh")
    ldtt = _list(candidates.build(user=demo_user("canbotdkt"), year=2025, targets=["LDTT"]), "LDTT")
    assert "Nguyễn Thị Mai" not in _names(ldtt.eligible)
    mai_c = next(c for c in ldtt.one_short if str(c.subject) == "Nguyễn Thị Mai")
    assert "Điều 4" in mai_c.failed[0].article


WHOLE_COMMUNE = "/khen-thuong/du-dieu-kien/?nam=2025"
PAGE_QUERIES = 40  # session, user, notifications badge, scope, catalogue, province citations, the stored verdicts usable (none yet), the people judged live and their histories, same-round nominations: see candidates.listing
SUMMARISED_PAGE_QUERIES = 31  # every summary and stored verdict up to date: no person's history is read, only the stored verdicts and their chains (awards.verdicts)


def _count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_whole_commune_page_has_a_pinned_number_of_queries_whatever_the_data_size(client_as, demo_user):
    from thidua.awards.models import Rating

    from thidua.awards.models import AwardSummary, StoredUnitVerdicts, StoredVerdicts

    # A commune whose worker has not built any summary yet: everyone is judged from the ledger.
    StoredUnitVerdicts.objects.all().delete()
    StoredVerdicts.objects.all().delete()
    AwardSummary.objects.all().delete()
    client = client_as("canbotdkt")
    client.get(WHOLE_COMMUNE)  # warm caches (content types, sessions)
    assert _count_queries(client, WHOLE_COMMUNE) == PAGE_QUERIES
    # Forty more staff with ratings and titles in a unit: the same number of queries (no N+1).
    unit = Organisation.objects.get(name__contains="Trường Mầm non Hồng Phong")
    ldtt = AwardType.objects.get(code="LDTT")
    for i in range(40):
        person = Person.objects.create(full_name=f"Nguyễn Văn Thử {i}", gender="M", category=Person.Category.CONG_CHUC)
        person.memberships.create(organisation=unit, start=datetime.date(2020, 1, 1))
        for year in (2023, 2024, 2025):
            Rating.objects.create(person=person, year=year, rating="HTXSNV")
            Award.objects.create(person=person, award_type=ldtt, year=year, decision_number=f"{i}/QĐ-UBND",
                                 decision_date=datetime.date(year, 12, 20), issuer_name="UBND xã Nam Thanh Miện")
    assert _count_queries(client, WHOLE_COMMUNE) == PAGE_QUERIES


def test_with_every_summary_up_to_date_the_page_reads_no_ratings_or_awards_of_people(client_as):
    from thidua.awards import summaries

    summaries.rebuild_all()
    client = client_as("canbotdkt")
    client.get(WHOLE_COMMUNE)
    assert _count_queries(client, WHOLE_COMMUNE) == SUMMARISED_PAGE_QUERIES

def test_candidate_page_lists_a_target_with_reasons(client_as):
    client = client_as("canbotdkt")
    html = client.get("/khen-thuong/du-dieu-kien/", {"nam": 2025, "doi_tuong": "BANG_KHEN_TINH"}).content.decode()
    assert "Vũ Thị Nhạn" in html and "3.510.000 đồng" in html
    reasons = "".join(client.get("/khen-thuong/du-dieu-kien/", {"nam": 2025, "doi_tuong": "BANG_KHEN_TINH",
                                                                "nhom": group}).content.decode()
                      for group in ("thieu-mot", "chua-du"))
    assert "Điều 74" in reasons


def test_candidate_list_exports_to_excel(client_as):
    from io import BytesIO
    from openpyxl import load_workbook
    response = client_as("canbotdkt").get("/khen-thuong/du-dieu-kien/",
                                          {"nam": 2025, "doi_tuong": "BANG_KHEN_TINH", "xuat": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[2][:3] == ("Danh hiệu/hình thức", "Kết quả", "Đối tượng")
    assert any(r[2] == "Vũ Thị Nhạn" and r[1] == "Đủ điều kiện" and r[5] == 3_510_000 for r in rows[3:])


def test_a_bad_year_is_answered_with_a_form_error_not_a_crash(client_as):
    response = client_as("canbotdkt").get("/khen-thuong/du-dieu-kien/", {"nam": "abc"})
    html = response.content.decode()
    assert response.status_code == 200 and 'class="field has-error"' in html and "Nhập một số nguyên" in html
    assert 'class="table summary"' not in html  # no list is built for a year that is not one
