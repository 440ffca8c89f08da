from django.db.models import QuerySet

from .models import AuditEntry
from .queries import filter_given


def audit_entries(*, user, model: str = "", actor: str = "", action: str = "",
                  object_id: str = "", record: str = "", date_from=None, date_to=None) -> QuerySet[AuditEntry]:
    """The audit log, for roles allowed to read it, filtered."""
    if not (user.is_authenticated and (user.is_superuser or user.can_read_audit)):
        return AuditEntry.objects.none()
    qs = AuditEntry.objects.select_related("content_type")
    if model:
        app_label, _, model_name = model.partition(".")
        qs = qs.filter(content_type__app_label=app_label, content_type__model=model_name)
    return filter_given(qs, actor_name__icontains=actor, action=action, object_id=object_id,
                        object_repr__icontains=record, at__date__gte=date_from, at__date__lte=date_to)
