"""The province's administrator creates a commune (with the former communes merged into it), its
administrator with a one-time password, and loads its data through the import's dry run; the
commune's page shows what its records still lack."""
from __future__ import annotations

import io
import re

import pytest
from django.urls import reverse
from openpyxl import Workbook

from thidua.accounts.models import Role, User
from thidua.accounts.scoping import visible_people
from thidua.core.models import AuditEntry
from thidua.org.models import Membership, Organisation

pytestmark = pytest.mark.django_db


def test_the_province_creates_a_ward_from_two_merged_communes_and_its_administrator(client, province_world):
    w = province_world
    client.force_login(w.admin)
    response = client.post(reverse("provinceoffice:commune_create"), {
        "name": "Phường Hợp Nhất", "valid_from": "01/07/2025", "former": [w.a.pk, w.c.pk],
        "note": "Nghị quyết sắp xếp đơn vị hành chính"})
    ward = Organisation.objects.get(name="Phường Hợp Nhất")
    assert response.status_code == 302 and response["Location"] == reverse("provinceoffice:commune_admin",
                                                                          args=[ward.pk])
    assert ward.parent == w.province and ward.kind == Organisation.Kind.COMMUNE
    for former in (w.a, w.c):
        former.refresh_from_db()
        assert former.merged_into == ward and former.valid_until.strftime("%d/%m/%Y") == "30/06/2025"
    assert AuditEntry.objects.filter(object_repr="Xã An Bình", note__contains="Sáp nhập vào Phường Hợp Nhất").exists()

    response = client.post(reverse("provinceoffice:commune_admin", args=[ward.pk]), {
        "username": "quantri_hopnhat", "last_name": "Nguyễn Thị", "first_name": "Quản"})
    assert response.status_code == 200
    account = User.objects.get(username="quantri_hopnhat")
    assert (account.role, account.unit, account.must_change_password) == (Role.ADMIN, ward, True)
    password = re.search(r'id="mat-khau" class="big">([^<]+)<', response.content.decode()).group(1)
    assert account.check_password(password)
    # the new ward's administrator sees the former communes' records (their history is hers)
    assert visible_people(account).filter(pk=w.p1.pk).exists()

    page = client.get(reverse("provinceoffice:commune", args=[ward.pk])).content.decode()
    assert "Xã An Bình" in page and "quantri_hopnhat" in page


def test_a_merger_refused_says_why_and_changes_nothing(client, province_world):
    w = province_world
    client.force_login(w.admin)
    response = client.post(reverse("provinceoffice:commune_merge", args=[w.b.pk]),
                           {"former": w.foreign.pk, "merged_on": "01/07/2025"})
    assert response.status_code == 400  # another province's commune is not offered
    response = client.post(reverse("provinceoffice:commune_create"), {"name": "Xã Mới", "former": [w.a.pk]})
    assert response.status_code == 400 and "ngày xã, phường mới bắt đầu hoạt động" in response.content.decode()
    assert not Organisation.objects.filter(name="Xã Mới").exists()
    w.a.refresh_from_db()
    assert w.a.merged_into is None


def test_only_the_provinces_administrator_creates_communes_and_accounts(client, province_world):
    w = province_world
    for user, status in ((w.officer, 403), (w.commune_officer, 403), (w.foreign_officer, 403)):
        client.force_login(user)
        assert client.post(reverse("provinceoffice:commune_create"), {"name": "Xã Lạ"}).status_code == status
    client.force_login(w.foreign_officer)
    assert client.get(reverse("provinceoffice:commune", args=[w.a.pk])).status_code == 404
    assert not Organisation.objects.filter(name="Xã Lạ").exists()


def _people_workbook(rows) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Dữ liệu"
    ws.append(["Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Đối tượng", "Đơn vị", "Chức vụ"])
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_the_office_loads_a_communes_people_finding_units_in_that_commune_only(client, province_world):
    from thidua.exchange import services as exchange
    from thidua.exchange.models import ImportBatch

    w = province_world
    # both communes have a "Trạm Y tế": by name it is ambiguous in the province, not in commune B
    Organisation(code="thu77-a-yte", name="Trạm Y tế", kind=Organisation.Kind.HEALTH_STATION, parent=w.a).save()
    station_b = Organisation(code="thu77-b-yte", name="Trạm Y tế", kind=Organisation.Kind.HEALTH_STATION,
                             parent=w.b)
    station_b.save()
    client.force_login(w.officer)
    upload = io.BytesIO(_people_workbook([["Mai Thị Y", "Nữ", "02/03/1990", "", "Viên chức", "Trạm Y tế", "Y sĩ"]]))
    upload.name = "nhan-su.xlsx"
    response = client.post(reverse("provinceoffice:commune_import", args=[w.b.pk]), {"loai": "ca-nhan", "tep": upload})
    batch = ImportBatch.objects.latest("pk")
    assert response.status_code == 302 and response["Location"] == reverse("exchange:batch", args=[batch.pk])
    assert (batch.within, batch.summary["errors"], batch.summary["to_import"]) == (w.b, 0, 1)
    assert not Membership.objects.filter(person__full_name="Mai Thị Y").exists()  # a dry run writes nothing
    exchange.commit_batch(actor=w.officer, batch=batch)
    assert Membership.objects.get(person__full_name="Mai Thị Y").organisation == station_b


def test_a_bad_workbook_is_refused_in_vietnamese_and_nothing_is_stored(client, province_world):
    from thidua.exchange.models import ImportBatch

    w = province_world
    client.force_login(w.officer)
    before = ImportBatch.objects.count()
    upload = io.BytesIO(b"khong phai tep excel")
    upload.name = "hong.xlsx"
    response = client.post(reverse("provinceoffice:commune_import", args=[w.a.pk]), {"loai": "ca-nhan", "tep": upload})
    assert response.status_code == 400 and "tệp" in response.content.decode().lower()
    assert ImportBatch.objects.count() == before
    client.force_login(w.auditor)
    assert client.get(reverse("provinceoffice:commune_import", args=[w.a.pk])).status_code == 403


def test_the_communes_page_shows_what_its_records_lack_with_links(client, province_world, django_assert_max_num_queries):
    w = province_world
    client.force_login(w.auditor)
    with django_assert_max_num_queries(16):
        html = client.get(reverse("provinceoffice:commune", args=[w.a.pk])).content.decode()
    # Vũ Văn Đi left his school in 2024 and holds no position now
    assert "1 cá nhân chưa có đơn vị" in html and reverse("org:person", args=[w.gone.pk]) in html
    # no rating at all in the last five years
    assert html.count("Cả năm chưa có xếp loại nào.") == 5
    assert reverse("org:unit", args=[w.a1.pk]) in html
    # Đỗ Thị Cấp's LĐTT 2025 has no decision number
    assert "1 khen thưởng chưa có số quyết định" in html and reverse("org:person", args=[w.p3.pk]) in html
    listing = client.get(reverse("provinceoffice:awards_without_number", args=[w.a.pk])).content.decode()
    assert "Đỗ Thị Cấp" in listing
    assert "Vũ Văn Đi" in client.get(reverse("provinceoffice:people_without_unit", args=[w.a.pk])).content.decode()


def test_the_communes_list_is_in_vietnamese_order_and_finds_names_without_diacritics(client, province_world):
    w = province_world
    client.force_login(w.officer)
    html = client.get(reverse("provinceoffice:communes")).content.decode()
    names = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', html)
    assert names == ["Xã An Bình", "Xã Ấp Bắc", "Xã Bình Minh"]
    html = client.get(reverse("provinceoffice:communes"), {"q": "ap bac"}).content.decode()
    assert re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', html) == ["Xã Ấp Bắc"]
