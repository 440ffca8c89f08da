"""A small inspection world on the demo commune: a plan, an inspection of a movement at one
school, the team's finding there. Built through the services, as the officer."""
from __future__ import annotations

import datetime

import pytest

from thidua.inspections import services
from thidua.movements import services as movement_services
from thidua.org.models import Organisation, Person


class World:
    def __init__(self, officer, year: int = 2026):
        self.officer = officer
        self.commune = Organisation.objects.get(code="xa-nam-thanh-mien")
        self.school = Organisation.objects.get(code="thcs-thanh-giang")
        self.teacher = Person.objects.get(full_name="Nguyễn Thị Hiền")
        self.movement = movement_services.create_movement(
            actor=officer, commune=self.commune, name="Phong trào thử nghiệm kiểm tra", level="commune",
            launched_by="Ủy ban nhân dân xã", year=year)
        self.plan = services.create_plan(actor=officer, commune=self.commune, year=year,
                                         title=f"Kế hoạch kiểm tra năm {year}")
        self.inspection = services.create_inspection(
            actor=officer, plan=self.plan, topic="movement", movement=self.movement, units=[self.school],
            team="Bà Trần Thị Thảo, Phó Chủ tịch UBND xã — Trưởng đoàn", start_date=datetime.date(year, 3, 2),
            end_date=datetime.date(year, 3, 6))
        self.finding = services.open_finding(actor=officer, inspection=self.inspection, unit=self.school)

    def recommend(self, text: str, *, issued_on: datetime.date, working_days: int = 5):
        return services.add_recommendation(actor=self.officer, finding=self.finding, text=text,
                                           responsible=self.teacher, working_days=working_days, issued_on=issued_on)


@pytest.fixture
def world(db, demo_user):
    return World(demo_user("canbotdkt"))
