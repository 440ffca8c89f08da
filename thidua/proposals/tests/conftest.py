"""Fixtures of the proposal flow: ``flow`` drives a dossier through the services, step by step,
on the demo commune (its 2025 year-end round and its council of four demo accounts)."""
from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from thidua.awards.models import AwardType
from thidua.org.models import Organisation, Person
from thidua.proposals import demo, services
from thidua.proposals.models import AwardRound, CouncilTerm, Dossier, Meeting

COUNCIL = ["chutich", "phochutich", "hoidong", "canbotdkt"]
MINUTES = "Biên bản họp bình xét thi đua cuối năm của đơn vị: 20/25 thành viên có mặt, nhất trí đề nghị."


class Flow:
    def __init__(self, demo_user):
        self.user = demo_user
        self.officer = demo_user("canbotdkt")
        self.clerk = demo_user("vanthu_mnhp")
        self.chairman = demo_user("chutich")
        self.round = AwardRound.objects.get(name=demo.ROUND_NAME)
        self.term = CouncilTerm.objects.get(name=demo.TERM_NAME)

    @staticmethod
    def person(name: str) -> Person:
        return Person.objects.get(full_name=name)

    @staticmethod
    def award_type(code: str) -> AwardType:
        return AwardType.objects.get(code=code)

    def draft(self, nominees=(("Nguyễn Thị Mai", "LDTT"),), unit="mn-hong-phong", clerk=None) -> Dossier:
        clerk = clerk or self.clerk
        dossier = services.create_dossier(actor=clerk, award_round=self.round,
                                          unit=Organisation.objects.get(code=unit))
        for subject, code in nominees:
            subject = self.person(subject) if isinstance(subject, str) else subject
            n = services.add_nomination(actor=clerk, dossier=dossier, subject=subject,
                                        award_type=self.award_type(code))
            if n.needs_report:  # the CSTĐ titles and the forms of reward; not LĐTT, TTLĐTT
                services.update_report(actor=clerk, nomination=n,
                                       report=n.report + "\nHoàn thành xuất sắc nhiệm vụ; dạy giỏi cấp xã.")
        services.update_dossier(actor=clerk, dossier=dossier, unit_minutes=MINUTES)
        return Dossier.objects.get(pk=dossier.pk)

    def submitted(self, *args, **kwargs) -> Dossier:
        clerk = kwargs.get("clerk") or self.clerk
        return services.submit_dossier(actor=clerk, dossier=self.draft(*args, **kwargs))

    def accepted(self, *args, **kwargs) -> Dossier:
        return services.accept_dossier(actor=self.officer, dossier=self.submitted(*args, **kwargs))

    def published(self, *args, **kwargs) -> Dossier:
        return services.publish_dossier(actor=self.officer, dossier=self.accepted(*args, **kwargs))

    @staticmethod
    def end_publicity(dossier: Dossier) -> Dossier:
        """Time passes: the publicity period is over."""
        Dossier.objects.filter(pk=dossier.pk).update(
            published_until=timezone.localdate() - datetime.timedelta(days=1))
        return Dossier.objects.get(pk=dossier.pk)

    def meeting(self, present=COUNCIL) -> Meeting:
        meeting = services.schedule_meeting(actor=self.officer, term=self.term, held_on=timezone.localdate(),
                                            location="Hội trường UBND xã")
        ids = {m.pk for m in self.term.members.all() if m.user.username in present}
        services.record_attendance(actor=self.officer, meeting=meeting, present=ids)
        return meeting

    def at_council(self, dossier: Dossier, meeting: Meeting | None = None) -> Dossier:
        meeting = meeting or self.meeting()
        return services.put_on_agenda(actor=self.officer, dossier=self.end_publicity(dossier), meeting=meeting)

    def open_vote(self, *args, **kwargs) -> Dossier:
        dossier = self.at_council(self.published(*args, **kwargs))
        services.open_meeting(actor=self.officer, meeting=dossier.meeting)
        return Dossier.objects.get(pk=dossier.pk)

    def vote(self, dossier: Dossier, choices: dict | None = None) -> dict[str, str]:
        """Every present member of COUNCIL submits her one ballot paper of the dossier's meeting (every
        nominee on it: yes, unless ``choices`` gives her a choice for all, or {nomination id:
        choice}). Returns each member's receipt code, by username."""
        meeting = Meeting.objects.get(pk=dossier.meeting_id)
        present = set(meeting.attendance.filter(present=True).values_list("member__user__username", flat=True))
        receipts = {}
        for member in meeting.term.members.select_related("user__person"):
            username = member.user.username
            if username not in present or username not in COUNCIL:
                continue
            paper = services.paper_nominations(meeting, member)
            if not paper:
                continue
            mine = (choices or {}).get(username, "yes")
            receipts[username] = services.cast_paper(actor=member.user, meeting=meeting, choices={
                n.pk: (mine.get(n.pk, "yes") if isinstance(mine, dict) else mine) for n in paper})
        return receipts

    def voted(self, *args, choices=None, **kwargs) -> Dossier:
        dossier = self.open_vote(*args, **kwargs)
        self.vote(dossier, choices)
        services.close_meeting(actor=self.officer, meeting=dossier.meeting)
        return Dossier.objects.get(pk=dossier.pk)

    def decided(self, *args, signer="chutich", **kwargs) -> Dossier:
        dossier = self.voted(*args, **kwargs)
        services.sign_decision(actor=self.user(signer), dossier=dossier)
        return Dossier.objects.get(pk=dossier.pk)


@pytest.fixture
def flow(db, demo_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return Flow(demo_user)
