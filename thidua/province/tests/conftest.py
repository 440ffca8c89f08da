"""Fixtures of the province's side: ``upward`` drives a commune's dossier for a province-level
award through the commune's process up to the chairman's submission to the city (the demo
commune's round and council, via ``proposals.tests.conftest.Flow``), and builds the city's own
office, council and chairmen (accounts whose scope unit is the city)."""
from __future__ import annotations

import datetime

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
