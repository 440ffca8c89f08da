"""A movement's interim and final review reports (sơ kết, tổng kết) gather its inspections —
the findings at each unit, the recommendations and how they were closed — its good practices,
its scores and its awards, in the ND 30 report layout (DOCX)."""
from __future__ import annotations

import datetime
import io

import pytest
from django.utils import timezone
from docx import Document

from thidua.inspections import services
from thidua.inspections.tests.conftest import World

pytestmark = pytest.mark.django_db


def _text(content: bytes) -> str:
    doc = Document(io.BytesIO(content))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(parts)


def test_the_review_report_includes_the_findings_recommendations_and_practices(demo_user, client_as):
    world = World(demo_user("canbotdkt"))
    services.record_finding(actor=world.officer, finding=world.finding, inspected_on=datetime.date(2026, 3, 3),
                            strengths="Hồ sơ thi đua đầy đủ.", conclusion="Trường triển khai phong trào nghiêm túc.")
    closed = world.recommend("Cập nhật sổ theo dõi khen thưởng.", issued_on=datetime.date(2026, 3, 3))
    services.close_recommendation(actor=world.officer, recommendation=closed, closed_on=datetime.date(2026, 3, 20),
                                  outcome="Đã cập nhật đủ.")
    world.recommend("Niêm yết công khai danh sách đề nghị.", issued_on=timezone.localdate())
    services.record_practice(actor=world.officer, commune=world.commune, finding=world.finding, person=world.teacher,
                             title="Bảng thi đua tuần của lớp", practice="Chấm điểm thi đua lớp hằng tuần.",
                             result="Nề nếp lớp học tiến bộ rõ.")

    answer = client_as("hoidong").get(f"/van-ban/phong-trao/{world.movement.pk}/bao-cao/?loai=tong-ket")
    assert answer.status_code == 200
    assert answer["Content-Disposition"].startswith('attachment; filename="bao-cao-tong-ket-')
    text = _text(answer.content)
    assert "BÁO CÁO" in text and "TỔNG KẾT PHONG TRÀO THI ĐUA" in text
    assert "Trường THCS Thanh Giang (kiểm tra ngày 03/03/2026)" in text
    assert "Trường triển khai phong trào nghiêm túc." in text
    assert "Cập nhật sổ theo dõi khen thưởng." in text and "Đã hoàn thành ngày 20/03/2026: Đã cập nhật đủ." in text
    assert "Đang thực hiện" in text
    assert "Nguyễn Thị Hiền — Bảng thi đua tuần của lớp" in text
    assert "Bắc Ninh" not in text

    assert client_as("vanthu_thcstg").get(f"/van-ban/phong-trao/{world.movement.pk}/bao-cao/").status_code == 403
