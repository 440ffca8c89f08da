import os

import pytest
from django.apps import apps
from django.core.management import call_command

from thidua.org.models import EmulationBlock, Membership, Organisation, Person

pytestmark = pytest.mark.django_db


def _counts():
    return {m._meta.label: m._default_manager.count() for m in apps.get_models()
            if m._meta.app_label not in {"sessions", "contenttypes", "auth", "admin"}}


def test_running_the_loader_again_changes_nothing():
    before = _counts()
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))
    assert _counts() == before


def test_people_named_in_the_seed_hold_their_positions():
    mai = Membership.objects.get(person__full_name="Nguyễn Thị Mai")
    assert (mai.organisation.name, mai.position) == ("Trường Mầm non Hồng Phong", "Phó Hiệu trưởng")
    kien = Person.objects.get(full_name="Đào Duy Kiên")
    assert kien.category == Person.Category.LUC_LUONG_VU_TRANG
    assert Person.objects.get(full_name="Phạm Ngọc Gốt").household.village.name == "Thôn Thống Nhất"


def test_former_bodies_keep_their_names_and_point_to_the_new_commune():
    commune = Organisation.objects.get(code="xa-nam-thanh-mien")
    former = Organisation.objects.get(name="Công an xã Chi Lăng Nam (cũ)")
    assert former.valid_until.isoformat() == "2025-06-30"
    assert former.merged_into.name == "Công an xã Nam Thanh Miện"
    assert set(commune.merged_from.values_list("name", flat=True)) == {
        "Xã Chi Lăng Nam", "Xã Chi Lăng Bắc", "Xã Thanh Giang", "Xã Hồng Phong"}
    assert Organisation.objects.get(code="huyen-thanh-mien").issuer_name == "UBND huyện Thanh Miện"


def test_the_commune_has_seventeen_villages_and_yearly_blocks():
    commune = Organisation.objects.get(code="xa-nam-thanh-mien")
    assert commune.children.filter(kind=Organisation.Kind.VILLAGE).count() == 17
    villages = EmulationBlock.objects.get(commune=commune, year=2025, name="Khối các thôn")
    assert villages.members.count() == 17
    schools = EmulationBlock.objects.get(commune=commune, year=2025, name="Khối các trường học")
    assert schools.members.filter(name="Trường THCS Thanh Giang").exists()
