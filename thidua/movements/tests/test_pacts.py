"""Pacts: the units of a block sign their joint commitment, each with a date."""
import pytest
from django.core.exceptions import ValidationError

from thidua.movements import services
from thidua.movements.models import Pact, PactSignature

from .conftest import schools_block, unit

pytestmark = pytest.mark.django_db


def test_a_clerk_signs_her_units_pact_with_the_date(client_as):
    pact = Pact.objects.get(block=schools_block(2026))
    school = unit("mn-hong-phong")
    response = client_as("vanthu_mnhp").post(f"/phong-trao/giao-uoc/{pact.pk}/ky/{school.pk}/",
                                             {"signed_on": "26/02/2026", "signatory": "Hiệu trưởng"})
    assert response.status_code == 302
    signature = PactSignature.objects.get(pact=pact, organisation=school)
    assert signature.signed_on.isoformat() == "2026-02-26"
    html = client_as("vanthu_mnhp").get(f"/phong-trao/giao-uoc/{pact.pk}/").content.decode()
    assert "26/02/2026" in html and "10/10 đơn vị đã ký" in html


def test_a_clerk_cannot_sign_for_another_unit_nor_sign_twice(client_as, demo_user):
    pact = Pact.objects.get(block=schools_block(2026))
    other = unit("th-chi-lang-bac")
    count = PactSignature.objects.count()
    response = client_as("vanthu_mnhp").post(f"/phong-trao/giao-uoc/{pact.pk}/ky/{other.pk}/",
                                             {"signed_on": "26/02/2026"})
    assert response.status_code == 404
    with pytest.raises(ValidationError, match="đã ký giao ước"):
        services.sign_pact(actor=demo_user("vanthu_thcstg"), pact=pact, organisation=unit("thcs-thanh-giang"),
                           signed_on=pact.block.pact.signatures.first().signed_on)
    assert PactSignature.objects.count() == count


def test_a_unit_outside_the_block_cannot_sign_its_pact(demo_user):
    pact = Pact.objects.get(block=schools_block(2026))
    with pytest.raises(ValidationError, match="không thuộc"):
        services.sign_pact(actor=demo_user("canbotdkt"), pact=pact, organisation=unit("thon-hoi-yen"),
                           signed_on=pact.signatures.first().signed_on)
