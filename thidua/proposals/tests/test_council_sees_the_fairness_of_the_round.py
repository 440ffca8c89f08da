"""On the meeting page the council sees who the round's proposals go to — leaders, staff,
people who work directly in production, women, per proposing unit — against the seed's goal
("tăng tỷ lệ khen thưởng cán bộ cơ sở, người trực tiếp lao động sản xuất"). Read-only."""
import re

import pytest

from thidua.proposals import services

pytestmark = pytest.mark.django_db
PASS_REASON = "Thành tích đột xuất trong phòng chống bão số 3, được nhân dân ghi nhận."
COMMUNE_NOMINEES = [("Phạm Ngọc Gốt", "GIAY_KHEN_XA"), ("Nguyễn Thị Kim Nhài", "GIAY_KHEN_XA"),
                    ("Vũ Văn Nguyễn", "GIAY_KHEN_XA"), ("Lê Bình Giang", "GIAY_KHEN_XA")]
SCHOOL_NOMINEES = [("Nguyễn Thị Mai", "LDTT"), ("Bùi Thị Thu", "LDTT")]


def to_council(flow, dossier):
    for n in dossier.nominations.all():
        if not n.goes_to_council:
            services.pass_nominee(actor=flow.officer, nomination=n, reason=PASS_REASON)
    return services.publish_dossier(actor=flow.officer, dossier=dossier)


def cell(html: str, attribute: str) -> str:
    return re.search(rf'{attribute}="[a-z]+">([^<]*)<', html).group(1).strip()


def test_the_panels_direct_worker_share_equals_a_count_by_hand(flow, client_as):
    meeting = flow.meeting()
    commune = flow.accepted(nominees=COMMUNE_NOMINEES, unit="xa-nam-thanh-mien", clerk=flow.officer)
    school = flow.accepted(nominees=SCHOOL_NOMINEES)
    for dossier in (commune, school):
        flow.at_council(to_council(flow, dossier), meeting)

    agenda = [n for d in meeting.dossiers.all() for n in d.nominations.select_related("person")
              if n.goes_to_council]
    individual = [n for n in agenda if n.organisation_id is None]
    direct = [n for n in individual if n.household_id or n.person.category in ("nguoi_lao_dong", "nhan_dan")]
    women = [n for n in individual if n.person_id and n.person.gender == "F"]
    assert (len(individual), len(direct), len(women)) == (6, 2, 3)  # Gốt and Nhài are villagers

    html = client_as("hoidong").get(f"/de-nghi/hoi-dong/hop/{meeting.pk}/").content.decode()
    panel = html.split(f'id="co-cau-dot-{flow.round.pk}"')[1].split("</section>")[0]
    assert "tăng tỷ lệ khen thưởng cán bộ cơ sở, người trực tiếp lao động sản xuất" in panel
    assert int(cell(panel, "data-group")) == len(individual)
    assert int(re.search(r'data-group="direct">(\d+)<', panel).group(1)) == len(direct)
    assert int(re.search(r'data-group="women">(\d+)<', panel).group(1)) == len(women)
    share = round(100 * len(direct) / len(individual), 1)
    assert cell(panel, "data-share") == f"{share:.1f}".replace(".", ",") + " %"  # 33,3 %
    assert "Trường Mầm non Hồng Phong 2" in panel  # two proposals from the school
    assert "<form" not in panel and "<input" not in panel


def test_a_meeting_without_an_agenda_shows_no_panel(flow, client_as):
    meeting = flow.meeting()
    html = client_as("hoidong").get(f"/de-nghi/hoi-dong/hop/{meeting.pk}/").content.decode()
    assert 'id="co-cau-dot-' not in html


def test_a_province_wide_user_compares_the_round_with_its_communes_year_not_the_provinces(flow, demo_user):
    from thidua.accounts.models import Role, User
    from thidua.awards import fairness
    from thidua.awards.models import Award, AwardType
    from thidua.org.models import Organisation, Person
    from thidua.proposals import selectors

    commune = flow.round.commune
    elsewhere = Organisation.objects.create(code="xa-khac-2", name="Xã Thanh Hà", kind=Organisation.Kind.COMMUNE,
                                            parent=commune.parent)
    farmer = Person.objects.create(full_name="Đỗ Văn Cày", gender="M", category=Person.Category.NGUOI_LAO_DONG)
    farmer.memberships.create(organisation=elsewhere)
    Award.objects.create(person=farmer, award_type=AwardType.objects.get(code="GIAY_KHEN_XA"),
                         year=flow.round.year - 1, issuer_name="UBND xã Thanh Hà")
    province_officer = User.objects.create(username="sonv_tdkt", role=Role.OFFICER, unit=commune.parent)
    dossier = flow.accepted(nominees=SCHOOL_NOMINEES)
    dossier.agenda = list(dossier.nominations.all())

    [panel] = selectors.round_fairness(user=province_officer, dossiers=[dossier])
    [communes_own] = fairness.figures(user=flow.officer, years=range(flow.round.year - 1, flow.round.year))
    before = panel["before"]
    assert (before.individual, before.direct) == (communes_own.individual, communes_own.direct)
