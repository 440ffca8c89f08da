"""Main navigation, by process. Entries whose URL does not exist (yet) are skipped, so
each app only needs to provide its URL name."""
from django.utils.translation import gettext_lazy as _

# (label, url name, who sees it: None for every signed-in user, a set of roles, or a predicate
# on the user that is the same test the page itself applies — a menu never leads to a 403)
MAIN_MENU = [
    (_("Tổ chức"), "org:tree", None),
    (_("Phong trào"), "movements:overview", None),
    (_("Khen thưởng"), "awards:candidates", None),
    (_("Xếp loại"), "awards:ratings", {"admin", "officer", "clerk"}),
    (_("Hồ sơ đề nghị"), "proposals:queue", None),
    (_("Hội đồng"), "proposals:council", lambda user: user.is_commune_wide),
    # The province's office, council and leaders (scope unit: the city), and the administrator.
    (_("Hồ sơ trình thành phố"), "province:queue",
     lambda user: (user.unit_id is not None and user.unit.kind == "city")
     or (user.role == "admin" and not user.unit_id)),
    (_("Kiểm tra"), "inspections:index", lambda user: user.is_commune_wide),
    (_("Cụm thi đua"), "clusters:list", lambda user: user.is_commune_wide),
    (_("Văn bản"), "documents:index", None),
    (_("Chỉ tiêu"), "targets:dashboard", None),
    (_("Quỹ"), "funds:overview", {"admin", "officer", "chairman", "auditor"}),
    (_("Gương điển hình"), "public:manage", {"admin", "officer"}),
    (_("Dữ liệu"), "exchange:index", {"admin", "officer", "clerk"}),
    (_("Nhật ký"), "core:audit", {"admin", "officer", "auditor"}),
    (_("Thư đi"), "accounts:outbox", {"admin"}),
    (_("Quản trị"), "administration:index", {"admin"}),
]
