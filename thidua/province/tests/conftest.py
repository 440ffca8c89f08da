"""Fixtures of the province's side: ``upward`` drives a commune's dossier for a province-level
award through the commune's process up to the chairman's submission to the city (the demo
commune's round and council, via ``proposals.tests.conftest.Flow``), and builds the city's own
office, council and chairmen (accounts whose scope unit is the city)."""
from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from thidua.accounts.models import Role, User
from thidua.org.models import Organisation
from thidua.proposals import services
from thidua.proposals.models import CouncilMember, Dossier, Meeting
from thidua.proposals.tests.conftest import Flow
from thidua.province import services as province_services

PASSWORD = "thidua-demo"
PASS_REASON = "Đủ thành tích theo quy định khen thưởng của thành phố, đã xác minh hồ sơ."


def report_pdf(name="bao-cao-thanh-tich.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n",
                              content_type="application/pdf")


def commune_voted(flow: Flow, person, code="CSTD_TINH") -> Dossier:
    """The commune's dossier proposing ``person`` for ``code`` (with a report file), checked,
    published and passed by the commune's council: its chairman may now send it upward."""
    unit = person.memberships.first().organisation
    dossier = flow.draft(nominees=[(person, code)], unit=unit.code, clerk=flow.officer)
    services.add_attachment(actor=flow.officer, dossier=dossier, upload=report_pdf(),
                            description="Báo cáo thành tích có xác nhận của thủ trưởng đơn vị")
    dossier = services.accept_dossier(actor=flow.officer,
                                      dossier=services.submit_dossier(actor=flow.officer, dossier=dossier))
    for n in dossier.nominations.filter(eligible=False):
        services.pass_nominee(actor=flow.officer, nomination=n, reason=PASS_REASON)
    dossier = flow.at_council(services.publish_dossier(actor=flow.officer, dossier=dossier))
    services.open_meeting(actor=flow.officer, meeting=dossier.meeting)
    flow.vote(dossier)
    services.close_meeting(actor=flow.officer, meeting=dossier.meeting)
    return Dossier.objects.get(pk=dossier.pk)


class Upward(Flow):
    def __init__(self, demo_user):
        super().__init__(demo_user)
        self.city = Organisation.objects.get(kind="city", parent__isnull=True, valid_until__isnull=True)
        self.p_officer = self._account("kt_tp_canbo", "Lương Thị Thu", Role.OFFICER, "Chuyên viên Ban TĐKT thành phố")
        self.p_chairman = self._account("kt_tp_chutich", "Trịnh Quốc Bảo", Role.CHAIRMAN, "Chủ tịch UBND thành phố")
        self.p_member = self._account("kt_tp_uyvien", "Mạc Văn Hải", Role.COUNCIL, "Giám đốc Sở Nội vụ")
        self.p_term = services.create_term(actor=self.p_officer, commune=self.city, name="Hội đồng TĐKT thành phố (kiểm thử)",
                                           start=datetime.date(2025, 7, 1))
        for user, seat in ((self.p_chairman, CouncilMember.Role.CHAIRMAN), (self.p_member, CouncilMember.Role.MEMBER),
                           (self.p_officer, CouncilMember.Role.SECRETARY)):
            services.add_member(actor=self.p_officer, term=self.p_term, user=user, role=seat)

    def _account(self, username, name, role, title) -> User:
        user = User(username=username, first_name=name, role=role, title=title, unit=self.city)
        user.set_password(PASSWORD)
        user.save()
        return user

    def sent(self, person, code="CSTD_TINH") -> Dossier:
        """A commune dossier proposing ``person`` for ``code``, voted by the commune's council
        and sent to the city by the commune's chairman."""
        return services.send_to_province(actor=self.chairman, dossier=commune_voted(self, person, code))

    def province_vote(self, dossier: Dossier) -> Dossier:
        """The city council meets after the publicity, every member votes yes, the vote closes."""
        dossier = self.end_publicity(dossier)
        meeting = services.schedule_meeting(actor=self.p_officer, term=self.p_term, held_on=timezone.localdate(),
                                            location="Trụ sở UBND thành phố")
        services.record_attendance(actor=self.p_officer, meeting=meeting,
                                   present={m.pk for m in self.p_term.members.all()})
        services.put_on_agenda(actor=self.p_officer, dossier=dossier, meeting=meeting)
        services.open_meeting(actor=self.p_officer, meeting=meeting)
        for user in (self.p_chairman, self.p_member, self.p_officer):
            member = self.p_term.members.get(user=user)
            paper = services.paper_nominations(meeting, member)
            province_services.cast_council_paper(actor=user, meeting=meeting,
                                                 choices={n.pk: "yes" for n in paper})
        services.close_meeting(actor=self.p_officer, meeting=Meeting.objects.get(pk=meeting.pk))
        return Dossier.objects.get(pk=dossier.pk)


@pytest.fixture
def upward(db, demo_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return Upward(demo_user)


def proposed_cluster(city_officer, *, year=2026, name="Cụm Ven biển") -> dict:
    """Four communes of ``city_officer``'s city in one cluster, Xã Tiên Lãng leading (its
    officer and chairman built here), scored, locked and proposed: Ân Thi leads (Cờ thi đua),
    Đồ Sơn and Tiên Lãng follow (Bằng khen), Bạch Long is last."""
    from thidua.clusters import services as cluster_services
    from thidua.clusters.selectors import ranking
    from thidua.movements import services as movement_services
    from thidua.movements.models import Criterion
    from thidua.testing.builder import Builder

    city = city_officer.unit
    b = Builder(province=city)
    communes = [b.commune(n) for n in ("Xã Tiên Lãng", "Xã Ân Thi", "Phường Đồ Sơn", "Xã Bạch Long")]
    leader = communes[0]
    people = {"officer": b.user(Role.OFFICER, unit=leader), "chairman": b.user(Role.CHAIRMAN, unit=leader),
              "an_thi": b.user(Role.OFFICER, unit=communes[1]), "bach_long": b.user(Role.OFFICER, unit=communes[3])}
    cy = cluster_services.open_year(actor=city_officer,
                                    cluster=cluster_services.create_cluster(actor=city_officer, name=name),
                                    year=year, members=communes, leader=leader)
    bands = {"xuat_sac": Decimal(90), "tot": Decimal(70), "hoan_thanh": Decimal(50), "chua_hoan_thanh": Decimal(0)}
    cs = cluster_services.create_criteria(actor=city_officer, cluster_year=cy, name=f"Tiêu chí {year}", bands=bands)
    criterion = movement_services.add_criterion(actor=city_officer, criteria_set=cs, code="1", text="Kinh tế",
                                                kind=Criterion.Kind.REGULAR, max_points=Decimal(100), order=1)
    for commune, points in zip(communes, (80, 95, 88, 60)):
        cluster_services.enter_score(actor=people["officer"], cluster_year=cy, commune=commune, criterion=criterion,
                                     points=points)
    cluster_services.lock_scores(actor=people["officer"], cluster_year=cy)
    cluster_services.propose_awards(actor=people["officer"], cluster_year=cy,
                                    ranking=ranking(user=people["officer"], cluster_year=cy))
    return {"cy": cy, "communes": communes, "users": people}
