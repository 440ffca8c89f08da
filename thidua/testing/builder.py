"""A small explicit world for a test — as healthchecks' ``hc/test.py`` — so a new test says
what it stands on instead of leaning on demo names ("quantri", "xa-nam-thanh-mien").

    from thidua.testing.builder import Builder

    def test_a_clerk_sees_only_her_unit(db):
        b = Builder()
        commune = b.commune()                       # "Xã Thử Nghiệm 1", under a fresh province
        school = b.unit(commune, kind="primary")    # a unit of the commune
        clerk = b.user("clerk", unit=school)
        officer = b.user("officer", unit=commune)
        …

Every name is made unique by a counter, so a builder's world sits beside the demo data of the
session database without clashing. Nothing here is imported by product code.
"""
from __future__ import annotations

import itertools

from django.contrib.auth import get_user_model

from thidua.accounts.models import Role
from thidua.org.models import Membership, Organisation, Person

PASSWORD = "Mật-khẩu-thử-nghiệm-2026"  # noqa: S105 — a test password, never a real one
_serial = itertools.count(1)


class Builder:
    """Makes organisations, people and users. Each method returns the saved object."""

    def __init__(self, prefix: str = "thu", *, province: Organisation | None = None) -> None:
        """``province``: an existing city to build the communes under (e.g. one whose council a
        fixture has set up); by default a fresh one."""
        self.prefix = prefix
        self._province: Organisation | None = province

    def _code(self, what: str) -> str:
        return f"{self.prefix}-{what}-{next(_serial)}"

    def province(self) -> Organisation:
        """The province (city) above the builder's communes, made once per builder."""
        if self._province is None:
            code = self._code("tinh")
            self._province = Organisation.objects.create(code=code, name=f"Tỉnh Thử {code}",
                                                         kind=Organisation.Kind.CITY)
        return self._province

    def commune(self, name: str | None = None) -> Organisation:
        code = self._code("xa")
        return Organisation.objects.create(code=code, name=name or f"Xã Thử {code}",
                                           kind=Organisation.Kind.COMMUNE, parent=self.province())

    def unit(self, parent: Organisation, *, kind: str = Organisation.Kind.PRIMARY_SCHOOL,
             name: str | None = None) -> Organisation:
        code = self._code("dv")
        return Organisation.objects.create(code=code, name=name or f"Đơn vị {code}", kind=kind, parent=parent)

    def person(self, *, unit: Organisation | None = None, full_name: str | None = None, **fields) -> Person:
        fields.setdefault("gender", Person.Gender.MALE)
        fields.setdefault("category", Person.Category.CONG_CHUC)
        person = Person.objects.create(full_name=full_name or f"Nguyễn Văn {next(_serial)}", **fields)
        if unit is not None:
            Membership.objects.create(person=person, organisation=unit)
        return person

    def user(self, role: str = Role.CLERK, *, unit: Organisation | None, username: str | None = None,
             superuser: bool = False, **fields):
        """An account of ``role`` scoped to ``unit`` (None: the administrator without a unit).
        It can log in with ``PASSWORD`` (``client.force_login(user)`` is quicker)."""
        User = get_user_model()
        user = User.objects.create_user(username=username or self._code(str(role)), password=PASSWORD,
                                        role=role, unit=unit, is_superuser=superuser, **fields)
        return user
