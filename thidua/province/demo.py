"""Demo accounts of the province level (password thidua-demo): the city's emulation &
commendation office, its council and its chairman and vice-chairman; the city council's term.
Their scope unit is the city itself (``accounts.scoping.province_of``). Idempotent."""
from __future__ import annotations

import datetime

from django.db import transaction

from thidua.accounts.models import Role, User
from thidua.core.audit import log_create
from thidua.org.models import Organisation
from thidua.proposals import services as proposal_services
from thidua.proposals.models import CouncilMember, CouncilTerm

DEMO_PASSWORD = "thidua-demo"
CITY = "hai-phong"
TERM_NAME = "Hội đồng Thi đua – Khen thưởng thành phố Hải Phòng nhiệm kỳ 2025–2030"

# (username, full name, role, title, seat in the city council or None)
ACCOUNTS = [
    ("tp_canbotdkt", "Hoàng Thu Trang", Role.OFFICER, "Chuyên viên Ban Thi đua – Khen thưởng thành phố",
     CouncilMember.Role.SECRETARY),
    ("tp_chutich", "Phạm Minh Đức", Role.CHAIRMAN, "Chủ tịch UBND thành phố", CouncilMember.Role.CHAIRMAN),
    ("tp_phochutich", "Đỗ Thị Lan", Role.CHAIRMAN, "Phó Chủ tịch UBND thành phố", CouncilMember.Role.VICE_CHAIRMAN),
    ("tp_hoidong", "Bùi Văn Toàn", Role.COUNCIL, "Giám đốc Sở Nội vụ, Ủy viên Hội đồng TĐKT thành phố",
     CouncilMember.Role.MEMBER),
]


@transaction.atomic
def load(log=print) -> None:
    city = Organisation.objects.filter(code=CITY).first()
    if city is None:
        return
    for username, name, role, title, _seat in ACCOUNTS:
        if User.objects.filter(username=username).exists():
            continue
        user = User(username=username, first_name=name, role=role, title=title, unit=city)
        user.set_password(DEMO_PASSWORD)
        user.save()
        log_create(actor=None, instance=user, note="Tài khoản mẫu cấp thành phố")
        log(f"  + tài khoản {username} ({user.get_role_display()}, {city.name})")
    if CouncilTerm.objects.filter(commune=city, name=TERM_NAME).exists():
        return
    officer = User.objects.get(username="tp_canbotdkt")
    term = proposal_services.create_term(actor=officer, commune=city, name=TERM_NAME,
                                         start=datetime.date(2025, 7, 1))
    for username, _name, _role, title, seat in ACCOUNTS:
        proposal_services.add_member(actor=officer, term=term, user=User.objects.get(username=username), role=seat,
                                     position=title)
    log(f"  + {TERM_NAME}")
