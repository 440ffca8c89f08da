"""Demo accounts, one per role. Created only by the demo loader; password thidua-demo."""
from __future__ import annotations

from django.db import transaction

from thidua.core.audit import log_create
from thidua.org.models import Organisation, Person

from .models import Role, User

DEMO_PASSWORD = "thidua-demo"

# (username, first name shown in the app, role, unit code, title, person name or None)
ACCOUNTS = [
    ("quantri", "Quản trị hệ thống", Role.ADMIN, "xa-nam-thanh-mien", "Quản trị viên", None),
    ("canbotdkt", "Cán bộ TĐKT xã", Role.OFFICER, "xa-nam-thanh-mien", "Công chức phụ trách thi đua – khen thưởng",
     "Trần Thị Hương"),
    ("vanthu_mnhp", "Văn thư MN Hồng Phong", Role.CLERK, "mn-hong-phong", "Văn thư", None),
    ("vanthu_thcstg", "Văn thư THCS Thanh Giang", Role.CLERK, "thcs-thanh-giang", "Văn thư", None),
    ("hoidong", "Thành viên Hội đồng", Role.COUNCIL, "xa-nam-thanh-mien", "Ủy viên Hội đồng TĐKT xã", "Nguyễn Thúy Hoa"),
    ("chutich", "Chủ tịch UBND xã", Role.CHAIRMAN, "xa-nam-thanh-mien", "Chủ tịch UBND xã", "Nguyễn Văn Thịnh"),
    ("phochutich", "Vũ Văn Nguyễn", Role.CHAIRMAN, "xa-nam-thanh-mien", "Phó Chủ tịch UBND xã", "Vũ Văn Nguyễn"),
    ("kiemtra", "Kiểm tra viên", Role.AUDITOR, "xa-nam-thanh-mien", "Ủy ban Kiểm tra (chỉ xem)", None),
]


@transaction.atomic
def load(log=print) -> None:
    for username, name, role, unit_code, title, person_name in ACCOUNTS:
        if User.objects.filter(username=username).exists():
            continue
        user = User(username=username, first_name=name, role=role, title=title,
                    unit=Organisation.objects.get(code=unit_code),
                    person=Person.objects.filter(full_name=person_name).first() if person_name else None,
                    is_staff=role == Role.ADMIN)
        user.set_password(DEMO_PASSWORD)
        user.save()
        log_create(actor=None, instance=user, note="Tài khoản mẫu")
        log(f"  + tài khoản {username} ({user.get_role_display()})")
