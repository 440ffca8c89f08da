"""Reads of the province's queue, scoped by the user: the province's own users (its office,
council, chairman) and the system's administrator see the dossiers the communes send to the
province; a commune's users do not (the queue is the province's), they follow their own
dossier on its page (``panels.dossier_case``)."""
from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page, Paginator
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404

from thidua.accounts.scoping import province_of, visible_organisations
from thidua.clusters.models import ClusterYear
from thidua.core.models import AuditEntry
from thidua.core.text import collation_key
from thidua.org.models import Organisation
from thidua.proposals.models import Attachment, Dossier, Nomination

from .models import UpwardCase

S = Dossier.State


def province_for(user) -> Organisation | None:
    """The province whose queue the user reads: her own, or for the system's administrator
    (who sees everything) the one current province of the instance."""
    if not user.is_authenticated:
        return None
    province = province_of(user)
    if province is not None:
        return province
    if user.is_superuser or (user.role == "admin" and not user.unit_id):
        return (visible_organisations(user).filter(kind=Organisation.Kind.CITY, parent__isnull=True,
                                                   valid_until__isnull=True).order_by("pk").first())
    return None


def require_province(user) -> Organisation:
    province = province_for(user)
    if province is None:
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied("Trang này dành cho Ban Thi đua – Khen thưởng, Hội đồng và lãnh đạo thành phố.")
    return province


def _waiting(province: Organisation) -> QuerySet[Dossier]:
    return (Dossier.objects.filter(state=S.SENT_TO_PROVINCE, round__commune__path__startswith=province.path,
                                   province_case__isnull=True)
            .exclude(round__commune=province))  # the city's own, sent on to the Ministry


def incoming(province: Organisation, *, page=None, per_page: int = 50) -> Page:
    """Dossiers the communes' chairmen sent to the province, not yet received: by commune in
    Vietnamese order, one page of them. The order is made on the waiting dossiers' keys alone
    (one narrow query), then only the page's dossiers are read with their counts."""
    keys = sorted(_waiting(province).values_list("pk", "round__commune__name", "submission_date", "round__deadline"),
                  key=lambda k: (collation_key(k[1]), k[2] or k[3], k[0]))
    chosen = Paginator([k[0] for k in keys], per_page).get_page(page)
    rows = {d.pk: d for d in Dossier.objects.filter(pk__in=list(chosen.object_list)).select_related(
        "round__commune", "unit").annotate(
        n_passed=Count("nominations", filter=Q(nominations__outcome=Nomination.Outcome.PASSED)))}
    chosen.object_list = [rows[pk] for pk in chosen.object_list if pk in rows]
    return chosen


def incoming_clusters(province: Organisation) -> list[ClusterYear]:
    """The clusters' proposals their leader communes' chairmen sent, not yet received (a few a
    year: one per cluster), by cluster in Vietnamese order."""
    waiting = (ClusterYear.objects.filter(cluster__city=province, sent_at__isnull=False, city_case__isnull=True)
               .select_related("cluster", "leader").annotate(n_proposals=Count("proposals")))
    return sorted(waiting, key=lambda cy: (collation_key(cy.cluster.name), cy.year, cy.pk))


def get_sent_cluster_year(*, user, pk: int) -> ClusterYear:
    province = require_province(user)
    cy = ClusterYear.objects.filter(pk=pk, cluster__city=province).select_related("cluster", "leader").first()
    if cy is None:
        raise Http404("Không tìm thấy đề nghị của cụm thi đua.")
    return cy


def cases(province: Organisation, *, ministry: bool | None = None) -> QuerySet[UpwardCase]:
    """The dossiers received, newest first."""
    nominations = (Nomination.objects.filter(dossier=OuterRef("province_dossier")).order_by().values("dossier")
                   .annotate(n=Count("pk")).values("n"))
    qs = UpwardCase.objects.filter(province=province).select_related(
        "commune_dossier__round__commune", "cluster_year__cluster", "cluster_year__leader",
        "province_dossier__decision").annotate(
        n_nominations=Coalesce(Subquery(nominations), 0))  # a row's count, no GROUP BY over the page
    if ministry is not None:
        qs = qs.filter(for_ministry=ministry)
    return qs.order_by("-received_at", "-pk")


def ministry_cases(province: Organisation) -> QuerySet[UpwardCase]:
    """The dossiers received for the Prime Minister or the President, newest first (no counts:
    the queue's own section names them)."""
    return (UpwardCase.objects.filter(province=province, for_ministry=True)
            .select_related("commune_dossier__round__commune", "province_dossier").order_by("-received_at", "-pk"))


def get_sent_dossier(*, user, pk: int) -> Dossier:
    province = require_province(user)
    dossier = (Dossier.objects.filter(pk=pk, round__commune__path__startswith=province.path)
               .select_related("round__commune", "unit").first())
    if dossier is None:
        raise Http404("Không tìm thấy hồ sơ.")
    return dossier


CHANGES_NOTE = "Thay đổi sau khi thành phố trả lại"


def changes_since_return(dossier: Dossier) -> list[str]:
    """What the commune (or the cluster's leader) changed in the city's copy after the city's
    last return, read from the audit log: nominees withdrawn, reports and minutes corrected,
    files added or removed. Empty when the city never returned it. Reads the audit rows written
    after the return (once, when the copy is resubmitted: ``record_changes``)."""
    kinds = ContentType.objects.get_for_models(Dossier, Nomination, Attachment)
    returned = (AuditEntry.objects.filter(content_type=kinds[Dossier], object_id=str(dossier.pk),
                                          action=AuditEntry.Action.TRANSITION, after__state=S.RETURNED)
                .order_by("-id").values_list("id", flat=True).first())
    if returned is None:
        return []
    nominations = {str(n.pk): n for n in dossier.nominations.select_related("person", "organisation", "household")}
    attachments = {str(a.pk): a for a in dossier.attachments.all()}
    later = AuditEntry.objects.filter(id__gt=returned).order_by("id")
    changes = []
    for e in later.filter(content_type=kinds[Nomination], action=AuditEntry.Action.DELETE, before__dossier=dossier.pk):
        changes.append(f"Rút đề nghị: {e.object_repr}")
    reports = {e.object_id for e in later.filter(content_type=kinds[Nomination], action=AuditEntry.Action.UPDATE,
                                                 object_id__in=list(nominations))}
    changes += [f"Sửa báo cáo thành tích: {nominations[pk].subject}" for pk in nominations if pk in reports]
    if later.filter(content_type=kinds[Dossier], object_id=str(dossier.pk), action=AuditEntry.Action.UPDATE) \
            .exclude(note=CHANGES_NOTE).exists():
        changes.append("Sửa biên bản, tờ trình kèm theo hồ sơ")
    added = {e.object_id for e in later.filter(content_type=kinds[Attachment], action=AuditEntry.Action.CREATE,
                                               object_id__in=list(attachments))}
    changes += [f"Bổ sung tệp: {attachments[pk].description} ({attachments[pk].original_name})"
                for pk in attachments if pk in added]
    for e in later.filter(content_type=kinds[Attachment], action=AuditEntry.Action.DELETE, before__dossier=dossier.pk):
        changes.append(f"Gỡ tệp: {(e.before or {}).get('description') or e.object_repr}")
    return changes


def recorded_changes(dossier: Dossier) -> list[str] | None:
    """The changes recorded when the copy the city returned was last resubmitted (the dossier's
    own audit rows: one indexed read), or None when it never was."""
    entry = (AuditEntry.objects.filter(content_type=ContentType.objects.get_for_model(Dossier),
                                       object_id=str(dossier.pk), action=AuditEntry.Action.UPDATE, note=CHANGES_NOTE)
             .order_by("-id").values_list("after", flat=True).first())
    return None if entry is None else list(entry.get("changes", []))
