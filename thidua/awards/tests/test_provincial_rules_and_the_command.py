"""Issue #19 on the awards side: ``manage.py eligibility`` with the corrected rules, and the
province's regulation entered by the administrator and cited by the candidate lists."""
import io
import json

import pytest
from django.core.management import call_command

from thidua.org.models import Organisation

pytestmark = pytest.mark.django_db


def _run(tmp_path, cases) -> list[dict]:
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    out = io.StringIO()
    call_command("eligibility", str(path), stdout=out)
    return json.loads(out.getvalue())


# Luật 2022, Điều 23 khoản 1: "Đạt tiêu chuẩn danh hiệu “Lao động tiên tiến”…"
def test_the_command_answers_eligible_for_an_htxsnv_year_without_any_title(tmp_path):
    [verdict] = _run(tmp_path, [{"id": "htxsnv", "subject": "individual", "category": "cong_chuc",
                                 "target": "CSTD_CO_SO", "year": 2025,
                                 "history": [{"year": 2025, "rating": "HTXSNV"}]}])
    assert verdict["eligible"] is True and verdict["authority"] == "CHU_TICH_UBND_XA"
    [standard] = [c for c in verdict["checks"] if "Điều 23 khoản 1" in c["article"]]
    assert standard["passed"] and "Lao động tiên tiến" in standard["rule"]


# Công văn 5007/BNV-TĐKT 2023: one initiative, one award.
def test_the_command_refuses_an_initiative_that_carries_used_for(tmp_path):
    case = {"id": "used", "subject": "individual", "category": "vien_chuc", "target": "CSTD_CO_SO", "year": 2025,
            "history": [{"year": 2025, "rating": "HTTNV",
                         "initiatives": [{"id": "SK-12", "scope": "CO_SO", "used_for": "GIAY_KHEN_XA"}]}]}
    fresh = json.loads(json.dumps(case))
    del fresh["history"][0]["initiatives"][0]["used_for"]
    fresh["id"] = "fresh"
    used, unused = _run(tmp_path, [case, fresh])
    assert unused["eligible"] is True  # the same initiative, not yet used, is a ground
    assert used["eligible"] is False
    [ground] = [c for c in used["checks"] if not c["passed"]]
    assert "Điều 23" in ground["article"]
    assert "SK-12 đã được dùng làm căn cứ cho Giấy khen" in ground["detail"]


# ND 152/2025, Điều 6 khoản 2 điểm c: the province regulates base-level procedures; Luật Điều 74:
# Bằng khen of the province chairman — its criteria are the province's.
def test_the_administrator_enters_the_provinces_regulation_and_the_lists_cite_it(client_as):
    admin = client_as("quantri")
    page = admin.get("/khen-thuong/danh-muc/quy-dinh-tinh/").content.decode()
    assert "Chưa nhập quy định của tỉnh" in page
    assert "Nghị định 98/2023/NĐ-CP, đã hết hiệu lực" in page  # the default council rule, labelled
    province = Organisation.objects.get(code="hai-phong")
    response = admin.post("/khen-thuong/danh-muc/quy-dinh-tinh/", {
        "province": province.pk, "document_kind": "Quyết định", "number": "12/2025/QĐ-UBND",
        "signed_on": "20/03/2025", "issuer": "UBND thành phố Hải Phòng",
        "title": "Ban hành Quy định về công tác thi đua, khen thưởng", "council_vote_rule": "share",
        "dieu_bang_khen_tinh": "Điều 4 khoản 1", "dieu_dossier_deadline": "Điều 12"})
    assert response.status_code == 302
    cited = "Quyết định số 12/2025/QĐ-UBND ngày 20/03/2025 của UBND thành phố Hải Phòng, Điều 4 khoản 1"
    page = admin.get("/khen-thuong/danh-muc/quy-dinh-tinh/").content.decode()
    assert cited in page and "Điều 12" in page

    officer = client_as("canbotdkt")  # the reasons are in the groups of those not (yet) eligible
    text = "".join(officer.get(f"/khen-thuong/du-dieu-kien/?nam=2025&doi_tuong=BANG_KHEN_TINH&nhom={group}")
                   .content.decode() for group in ("thieu-mot", "chua-du"))
    assert f"Luật Thi đua, khen thưởng 2022, Điều 74; {cited}" in text

    from thidua.awards.regulation import citation_for, legal_basis_line

    commune = Organisation.objects.get(code="xa-nam-thanh-mien")
    assert citation_for("publicity_days", commune).startswith("Luật Thi đua, khen thưởng 2022, Điều 84")
    assert legal_basis_line(commune) == ("Căn cứ Quyết định số 12/2025/QĐ-UBND ngày 20/03/2025 của UBND thành phố "
                                         "Hải Phòng ban hành Quy định về công tác thi đua, khen thưởng;")


def test_bad_regulation_input_gets_a_vietnamese_error_and_changes_nothing(client_as):
    from thidua.awards.models import ProvincialRegulation

    response = client_as("quantri").post("/khen-thuong/danh-muc/quy-dinh-tinh/", {
        "province": Organisation.objects.get(code="hai-phong").pk, "number": "", "signed_on": "31/02/2025",
        "issuer": "", "council_vote_rule": "majority"})
    page = response.content.decode()
    assert response.status_code == 200 and "has-error" in page and "class=\"error\"" in page
    assert not ProvincialRegulation.objects.exists()


def test_only_the_administrator_sees_how_far_each_rule_was_verified(client_as):
    officer = client_as("canbotdkt").get("/khen-thuong/danh-muc/").content.decode()
    assert "chưa kiểm chứng" not in officer.lower() and "Nghị định 161/2026/NĐ-CP, khoản 2 Điều 3" in officer
    admin = client_as("quantri").get("/khen-thuong/danh-muc/").content.decode()
    assert "chưa kiểm chứng" in admin and "quy-dinh-tinh" in admin
