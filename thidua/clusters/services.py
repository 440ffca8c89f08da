"""Writes of the clusters app: keyword-only, atomic, permission-checked, audited. The pact, the
criteria sets and the scorecards are the movements app's, written through its services where
their rules fit and through its models and checks where the cluster's differ (the leader's
officer scores the member communes)."""
from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.audit import log_event, log_transition
from thidua.core.models import AuditEntry
from thidua.core.services import create_record, update_record
from thidua.core.text import nfc
from thidua.movements import services as movement_services
from thidua.movements.files import validate_evidence
from thidua.movements.models import CriteriaSet, Criterion, LockedError, Movement, Score, Scorecard
from thidua.movements.selectors import current_scorecard
from thidua.org.models import EmulationBlock, Organisation
from thidua.proposals import services as proposal_services
from thidua.proposals.access import is_signer

from .access import can_manage_clusters, city_of, is_leader_officer
from .models import Cluster, ClusterProposal, ClusterYear

MERIT_COUNT = 2  # communes after the leading one proposed for the city chairman's Bằng khen


def _require_manager(actor) -> Organisation:
    if not can_manage_clusters(actor):
        raise PermissionDenied(_("Chỉ cán bộ thi đua – khen thưởng của thành phố quản lý cụm thi đua."))
    return city_of(actor)


def _require_leader(actor, cluster_year: ClusterYear) -> None:
    if not is_leader_officer(actor, cluster_year):
        raise PermissionDenied(_("Chỉ cán bộ thi đua – khen thưởng của xã cụm trưởng năm %(year)s được làm việc này.")
                               % {"year": cluster_year.year})


def _check_communes(city: Organisation, communes) -> list[Organisation]:
    communes = list(communes)
    for commune in communes:
        if commune.kind != Organisation.Kind.COMMUNE or not commune.path.startswith(city.path) or commune.is_former:
            raise ValidationError(_("“%(name)s” không phải xã, phường trực thuộc %(city)s.")
                                  % {"name": commune, "city": city})
    return communes


@transaction.atomic
def create_cluster(*, actor, name: str) -> Cluster:
    city = _require_manager(actor)
    name = nfc(name)
    if not name:
        raise ValidationError({"name": _("Phải ghi tên cụm thi đua.")})
    if Cluster.objects.filter(city=city, name=name).exists():
        raise ValidationError({"name": _("Đã có cụm thi đua “%(name)s”.") % {"name": name}})
    return create_record(actor=actor, model=Cluster, city=city, name=name)


@transaction.atomic
def open_year(*, actor, cluster: Cluster, year: int, members, leader: Organisation | None = None,
              leader_note: str = "") -> ClusterYear:
    """The cluster's year: its member communes (an emulation block of the city), its emulation
    movement (which its criteria sets score) and, optionally, its leader."""
    city = _require_manager(actor)
    if cluster.city_id != city.pk:
        raise PermissionDenied(_("Cụm thi đua không thuộc thành phố của bạn."))
    if not 2000 <= int(year) <= 2100:
        raise ValidationError({"year": _("Năm không hợp lệ.")})
    if cluster.years.filter(year=year).exists():
        raise ValidationError({"year": _("Cụm đã có năm thi đua %(year)s.") % {"year": year}})
    members = _check_communes(city, members)
    if len(members) < 2:
        raise ValidationError({"members": _("Cụm thi đua phải có ít nhất hai xã, phường.")})
    block = create_record(actor=actor, model=EmulationBlock, commune=city, year=year, name=cluster.name)
    block.members.set(members)
    log_event(actor=actor, instance=block, action=AuditEntry.Action.UPDATE,
              after={"members": sorted(m.pk for m in members)}, note="Thành viên cụm thi đua")
    movement = movement_services.create_movement(
        actor=actor, commune=city, name=f"Thi đua {cluster.name} năm {year}", level=Movement.Level.CITY,
        launched_by=city.name, kind=Movement.Kind.REGULAR, year=year, state=Movement.State.RUNNING,
        launched_on=timezone.localdate().replace(year=int(year), month=1, day=1)
        if int(year) <= timezone.localdate().year else None, participants=members)
    cluster_year = create_record(actor=actor, model=ClusterYear, cluster=cluster, year=year, block=block,
                                 movement=movement)
    if leader is not None:
        set_leader(actor=actor, cluster_year=cluster_year, leader=leader, note=leader_note)
    return cluster_year


@transaction.atomic
def set_leader(*, actor, cluster_year: ClusterYear, leader: Organisation, note: str = "") -> ClusterYear:
    """The year's cluster leader (cụm trưởng), one of its members; the leaders of the years are
    the rotation's history."""
    _require_manager(actor)
    if not cluster_year.block.members.filter(pk=leader.pk).exists():
        raise ValidationError({"leader": _("Cụm trưởng phải là một xã, phường thành viên của cụm.")})
    return update_record(actor=actor, instance=cluster_year, leader=leader, leader_note=nfc(note))


@transaction.atomic
def create_criteria(*, actor, cluster_year: ClusterYear, name: str, bands: dict[str, Decimal],
                    top_award: str = "", note: str = "") -> CriteriaSet:
    _require_manager(actor)
    return movement_services.create_criteria_set(actor=actor, block=cluster_year.block, movement=cluster_year.movement,
                                                 name=name, bands=bands, top_award=top_award, note=note)


def _scorecard(actor, cluster_year: ClusterYear, commune: Organisation) -> Scorecard:
    """The commune's current scorecard in the cluster (kept with its criteria-set version), or a
    new one under the newest set; the leader's scores are the scorers', so it starts submitted."""
    card = current_scorecard(organisation=commune, block=cluster_year.block)
    if card is not None:
        return card
    latest = CriteriaSet.objects.filter(block=cluster_year.block).order_by("-version").first()
    if latest is None:
        raise ValidationError(_("Cụm chưa có bộ tiêu chí năm %(year)s.") % {"year": cluster_year.year})
    return create_record(actor=actor, model=Scorecard, criteria_set=latest, organisation=commune,
                         state=Scorecard.State.SUBMITTED, submitted_at=timezone.now(), submitted_by=actor)


@transaction.atomic
def enter_score(*, actor, cluster_year: ClusterYear, commune: Organisation, criterion: Criterion, points,
                note: str = "", files=()) -> Score:
    """The leader's officer scores one criterion of a member commune, with its evidence."""
    _require_leader(actor, cluster_year)
    if not cluster_year.block.members.filter(pk=commune.pk).exists():
        raise ValidationError(_("%(unit)s không thuộc cụm thi đua.") % {"unit": commune})
    card = movement_services.lock_for_update(_scorecard(actor, cluster_year, commune))
    if card.is_locked:
        raise LockedError(_("Kết quả chấm điểm của %(unit)s đã khóa; không ai được sửa.") % {"unit": commune},
                          code="locked")
    if criterion.criteria_set_id != card.criteria_set_id:
        raise ValidationError(_("Tiêu chí không thuộc bộ tiêu chí của bảng điểm này."))
    points = movement_services.parse_points(points)
    if points is None:
        raise ValidationError({"points": _("Phải nhập số điểm.")})
    points = movement_services.check_points(criterion, points)
    for upload in files:
        validate_evidence(upload)
    return movement_services.record_score(actor=actor, scorecard=card, criterion=criterion, note=note, files=files,
                                          points=points)


@transaction.atomic
def lock_scores(*, actor, cluster_year: ClusterYear) -> int:
    """Lock every member's scorecard; each regular criterion must have been scored."""
    _require_leader(actor, cluster_year)
    members = list(cluster_year.block.members.all())
    locked = 0
    for commune in members:
        card = current_scorecard(organisation=commune, block=cluster_year.block)
        if card is None:
            raise ValidationError(_("%(unit)s chưa được chấm điểm.") % {"unit": commune})
        card = movement_services.lock_for_update(card)
        if card.is_locked:
            continue
        scored = set(card.scores.filter(points__isnull=False).values_list("criterion_id", flat=True))
        missing = [c.code for c in card.criteria_set.criteria.filter(kind=Criterion.Kind.REGULAR) if c.pk not in scored]
        if missing:
            raise ValidationError(_("%(unit)s còn tiêu chí chưa chấm: %(codes)s.")
                                  % {"unit": commune, "codes": ", ".join(missing)})
        card.state, card.locked_at, card.locked_by = Scorecard.State.LOCKED, timezone.now(), actor
        card.save()
        log_transition(actor=actor, instance=card, from_state=Scorecard.State.SUBMITTED, to_state=card.state)
        locked += 1
    return locked


@transaction.atomic
def propose_awards(*, actor, cluster_year: ClusterYear, ranking: dict) -> list[ClusterProposal]:
    """The cluster proposes the city's Cờ thi đua for its leading commune and the city chairman's
    Bằng khen for the next ones, once every member's scores are locked."""
    _require_leader(actor, cluster_year)
    if not ranking["final"]:
        raise ValidationError(_("Chưa khóa hết kết quả chấm điểm của cụm; chưa đề nghị khen thưởng được."))
    if cluster_year.proposals.exists():
        raise ValidationError(_("Cụm đã đề nghị khen thưởng năm %(year)s.") % {"year": cluster_year.year})
    proposals = []
    for entry in ranking["entries"][:1 + MERIT_COUNT]:
        award = ClusterProposal.Award.FLAG if entry["rank"] == 1 else ClusterProposal.Award.MERIT
        proposals.append(create_record(actor=actor, model=ClusterProposal, cluster_year=cluster_year,
                                       commune=entry["unit"], award=award, rank=entry["rank"], total=entry["total"],
                                       scorecard=entry["scorecard"], proposed_by=actor))
    return proposals


@transaction.atomic
def send_to_city(*, actor, cluster_year: ClusterYear, day=None) -> ClusterYear:
    """The leader commune's chairman (or a vice-chairman) signs the cluster's tờ trình: it takes
    the number of the leader commune's register and the proposal waits in the city's queue,
    where the city's office receives it like a commune's upward dossier."""
    cluster_year = ClusterYear.objects.select_for_update(of=("self",)).select_related("leader", "cluster").get(
        pk=cluster_year.pk)
    leader = cluster_year.leader
    if leader is None or not is_signer(actor, leader):
        raise PermissionDenied(_("Chỉ Chủ tịch, Phó Chủ tịch UBND xã cụm trưởng năm %(year)s ký tờ trình gửi thành phố.")
                               % {"year": cluster_year.year})
    if cluster_year.sent_at is not None:
        raise ValidationError(_("Tờ trình số %(number)s đã gửi thành phố.") % {"number": cluster_year.submission_number})
    if not cluster_year.proposals.exists():
        raise ValidationError(_("Cụm chưa đề nghị khen thưởng; chưa có gì để trình thành phố."))
    day = day or timezone.localdate()
    if day > timezone.localdate():
        raise ValidationError(_("Ngày ký không được sau hôm nay."))
    series = proposal_services.decisions.SUBMISSION_SERIES
    number = proposal_services.format_number(
        proposal_services.next_number(issuer=leader, year=day.year, series=series), series)
    before = {"sent_at": None}
    cluster_year.submission_number, cluster_year.submission_date = number, day
    cluster_year.sent_at, cluster_year.sent_by = timezone.now(), actor
    cluster_year.save(update_fields=["submission_number", "submission_date", "sent_at", "sent_by"])
    log_event(actor=actor, instance=cluster_year, action=AuditEntry.Action.UPDATE, before=before,
              after={"submission_number": number, "submission_date": f"{day:%d/%m/%Y}"},
              note=f"Ký tờ trình số {number} gửi thành phố đề nghị khen thưởng các xã dẫn đầu cụm")
    return cluster_year
