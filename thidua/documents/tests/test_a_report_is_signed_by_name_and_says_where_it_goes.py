"""An annual, five-year or movement review report is signed by a person — the vice-chairman in
charge of emulation (vice-chairman of the commune's council) for the chairman, else the
chairman — named under the signature, with a line to write the name on when the accounts name
nobody; and it goes to the city's committee, the commune's Party and People's Council standing
bodies and the archive, with the instance's own city and the commune's own level word."""
from __future__ import annotations

import datetime

import pytest

from thidua.accounts.models import Role
from thidua.documents.reports import builder, output, review
from thidua.documents.tests.conftest import docx_text
from thidua.movements.models import Movement
from thidua.org.models import Membership, Organisation
from thidua.proposals.models import CouncilMember, CouncilTerm
from thidua.testing.builder import Builder

pytestmark = pytest.mark.django_db


def _world(commune_name: str = "Xã Hòa Bình"):
    city = Organisation.objects.create(code="tp-cang-bien-thu", name="Thành phố Cảng Biển",
                                       kind=Organisation.Kind.CITY)
    b = Builder(province=city)
    return b, b.commune(commune_name)


def _signer(b: Builder, commune: Organisation, full_name: str, position: str):
    person = b.person(full_name=full_name)
    Membership.objects.create(person=person, organisation=commune, position=position)
    return b.user(Role.CHAIRMAN, unit=commune, person=person)


def _annual(commune: Organisation) -> str:
    return docx_text(output.render_report_docx(builder.build_report(kind="annual", commune=commune, year=2025)))


def test_the_annual_report_is_signed_by_the_chairman_by_name_and_goes_to_the_city():
    b, commune = _world()
    _signer(b, commune, "Trần Văn Bình", "Chủ tịch UBND xã")

    text = _annual(commune)

    assert "TM. ỦY BAN NHÂN DÂN" in text and "KT. CHỦ TỊCH" not in text
    assert "Trần Văn Bình" in text
    assert "- UBND thành phố Cảng Biển (Ban Thi đua - Khen thưởng);" in text
    assert "- Thường trực Đảng ủy, HĐND xã;" in text and "- Lưu: VT." in text
    assert "Hải Phòng" not in text


def test_the_vice_chairman_in_charge_of_emulation_signs_for_the_chairman():
    b, commune = _world()
    _signer(b, commune, "Trần Văn Bình", "Chủ tịch UBND xã")
    other = _signer(b, commune, "Lê Văn Cường", "Phó Chủ tịch UBND xã")
    deputy = _signer(b, commune, "Phạm Thị Dung", "Phó Chủ tịch UBND xã")
    term = CouncilTerm.objects.create(commune=commune, name="Hội đồng TĐKT xã", start=datetime.date(2025, 7, 1))
    CouncilMember.objects.create(term=term, user=deputy, role=CouncilMember.Role.VICE_CHAIRMAN)
    CouncilMember.objects.create(term=term, user=other, role=CouncilMember.Role.MEMBER)

    text = docx_text(output.render_report_docx(
        builder.build_report(kind="five_year", commune=commune, year_from=2021, year_to=2025)))

    assert "KT. CHỦ TỊCH" in text and "PHÓ CHỦ TỊCH" in text and "Phạm Thị Dung" in text
    assert "Trần Văn Bình" not in text and "Lê Văn Cường" not in text


def test_a_report_nobody_can_sign_yet_keeps_a_line_for_the_name_and_a_ward_is_a_phuong():
    _b, ward = _world("Phường Lê Chân")

    report = builder.build_report(kind="annual", commune=ward, year=2025)
    text = docx_text(output.render_report_docx(report))

    assert report.signer.name == builder.NAME_TO_FILL and builder.NAME_TO_FILL in text
    assert "- Thường trực Đảng ủy, HĐND phường;" in text


def test_the_movement_review_report_is_signed_by_name_and_goes_to_the_city():
    b, commune = _world()
    _signer(b, commune, "Trần Văn Bình", "Chủ tịch UBND xã")
    movement = Movement.objects.create(commune=commune, name="Thi đua văn hóa công sở", level=Movement.Level.CENTRAL,
                                       start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2025, 12, 31))

    text = docx_text(output.render_report_docx(review.build_review(movement=movement, final=True)))

    assert "Trần Văn Bình" in text
    assert "- UBND thành phố Cảng Biển (Ban Thi đua - Khen thưởng);" in text
