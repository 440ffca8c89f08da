"""Main navigation, by process. Entries whose URL does not exist (yet) are skipped, so
each app only needs to provide its URL name."""
from django.utils.translation import gettext_lazy as _

# (label, url name, roles allowed or None for every signed-in user)
MAIN_MENU = [
    (_("Tổ chức"), "org:tree", None),
    (_("Phong trào"), "movements:overview", None),
    (_("Khen thưởng"), "awards:candidates", None),
    (_("Hồ sơ đề nghị"), "proposals:queue", None),
    (_("Hội đồng"), "proposals:council", None),
    (_("Văn bản"), "documents:index", None),
    (_("Chỉ tiêu"), "targets:dashboard", None),
    (_("Quỹ"), "funds:overview", {"admin", "officer", "chairman", "auditor"}),
    (_("Gương điển hình"), "public:manage", {"admin", "officer"}),
    (_("Dữ liệu"), "exchange:index", {"admin", "officer", "clerk"}),
    (_("Nhật ký"), "core:audit", {"admin", "officer", "auditor"}),
    (_("Thư đi"), "accounts:outbox", {"admin"}),
]
