"""Reads of the clusters app. The province's users see their city's clusters; a commune's users
only the clusters their commune belongs to (anything else answers 404)."""
from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet
from django.http import Http404

from thidua.core.text import collation_key
from thidua.movements.models import CriteriaSet, Pact
from thidua.movements.selectors import grouped_criteria, ranked_blocks
from thidua.org.models import EmulationBlock, Organisation

from .access import can_manage_clusters, city_of, commune_of, is_leader_officer
from .models import Cluster, ClusterYear


def visible_clusters(user) -> QuerySet[Cluster]:
    city = city_of(user)
    if city is not None:
        return Cluster.objects.filter(city=city)
    commune = commune_of(user)
    if commune is None:
        return Cluster.objects.none()
    return Cluster.objects.filter(years__block__members=commune).distinct()


def cluster_list(*, user, page=None, per_page: int = 50) -> Page:
    """One page of the user's clusters in Vietnamese order, each with its latest year: the order
    is made on the names alone, then only the page's clusters are read with their years."""
    names = sorted(visible_clusters(user).values_list("pk", "name"), key=lambda r: (collation_key(r[1]), r[0]))
    chosen = Paginator([pk for pk, _name in names], per_page).get_page(page)
    clusters = {c.pk: c for c in Cluster.objects.filter(pk__in=list(chosen.object_list)).prefetch_related(
        Prefetch("years", queryset=ClusterYear.objects.select_related("leader").order_by("-year")))}
    chosen.object_list = [{"cluster": clusters[pk], "latest": next(iter(clusters[pk].years.all()), None)}
                          for pk in chosen.object_list if pk in clusters]
    return chosen


def get_cluster(*, user, pk: int) -> Cluster:
    cluster = visible_clusters(user).filter(pk=pk).first()
    if cluster is None:
        raise Http404("Không tìm thấy cụm thi đua.")
    return cluster


def _visible_years(user, cluster: Cluster) -> QuerySet[ClusterYear]:
    years = cluster.years.select_related("block", "movement", "leader").order_by("-year")
    if city_of(user) is None:  # a commune sees only the years her commune was a member
        years = years.filter(block__members=commune_of(user))
    return years


def get_cluster_year(*, user, pk: int) -> ClusterYear:
    cy = ClusterYear.objects.filter(pk=pk, cluster__in=visible_clusters(user)).select_related(
        "cluster", "block", "movement", "leader").first()
    if cy is None or not _visible_years(user, cy.cluster).filter(pk=pk).exists():
        raise Http404("Không tìm thấy năm thi đua của cụm.")
    return cy


def ranking(*, user, cluster_year: ClusterYear) -> dict:
    """The cluster's ranking of its communes (the movements app's ranking of its block)."""
    manager, leader = can_manage_clusters(user), is_leader_officer(user, cluster_year)
    own = commune_of(user)
    blocks = EmulationBlock.objects.filter(pk=cluster_year.block_id)
    return ranked_blocks(blocks, year=cluster_year.year,
                         visible=lambda unit: manager or leader or (own is not None and unit.pk == own.pk))[0]


def cluster_page(*, user, cluster: Cluster, year: int | None) -> dict:
    years = list(_visible_years(user, cluster))
    chosen = next((y for y in years if y.year == year), years[0] if years else None)
    context = {"cluster": cluster, "years": years, "cy": chosen}
    if chosen is None:
        return context
    members = sorted(chosen.block.members.all(), key=lambda o: collation_key(o.name))
    criteria_set = CriteriaSet.objects.filter(block=chosen.block).prefetch_related("bands").order_by("-version").first()
    pact = Pact.objects.filter(block=chosen.block).prefetch_related("signatures").first()
    signed = {s.organisation_id: s for s in pact.signatures.all()} if pact else {}
    context.update({
        "members": [{"commune": m, "signature": signed.get(m.pk)} for m in members],
        "criteria_set": criteria_set,
        "groups": grouped_criteria(list(criteria_set.criteria.all())) if criteria_set else [],
        "pact": pact,
        "ranking": ranking(user=user, cluster_year=chosen),
        "proposals": list(chosen.proposals.select_related("commune").order_by("rank")),
        "city": city_outcome(chosen),
        "leaders": [(y.year, y.leader, y.leader_note) for y in years],
    })
    return context


def member(*, cluster_year: ClusterYear, pk: int) -> Organisation:
    commune = cluster_year.block.members.filter(pk=pk).first()
    if commune is None:
        raise Http404("Không tìm thấy xã, phường trong cụm.")
    return commune


def city_outcome(cluster_year: ClusterYear) -> dict | None:
    """Where the city stands with the cluster's proposal once received: its dossier (state,
    return reason, decision) and, commune by commune, the outcome of its nomination."""
    from thidua.province.models import UpwardCase

    if cluster_year.sent_at is None:  # not sent: nothing at the city (and no query)
        return None
    case = (UpwardCase.objects.filter(cluster_year=cluster_year)
            .select_related("province_dossier__decision", "province").first())
    if case is None:
        return None
    dossier = case.province_dossier
    outcomes = {n.organisation_id: n for n in dossier.nominations.select_related("award", "award_type")}
    return {"case": case, "dossier": dossier, "outcomes": outcomes}
