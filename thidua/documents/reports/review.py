"""The interim and final review reports of a movement (báo cáo sơ kết, tổng kết phong trào
thi đua): what the movement set out to do and its results, the units' scores, the inspections
— findings at each unit and the recommendations with their follow-up — the new factors and
good practices found, and the awards of the movement's rounds. Built as blocks like the
annual report and rendered by the same "report" template (``output.render_report_docx``)."""
from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Max, Sum
from django.db.models.functions import Coalesce

from thidua.awards.models import Award
from thidua.core.text import collation_key, format_vnd, nfc, search_key
from thidua.inspections.models import CheckItem
from thidua.inspections.selectors import movement_inspections
from thidua.movements.models import Movement, Score, Scorecard
from thidua.movements.selectors import active_sets, band_for, current_scorecards, rank_entries
from thidua.org.models import EmulationBlock

from ..fmt import place_of
from ..models import ReportKind
from . import sections
from .builder import ReportDocument, Writer, frame
from .statistics import Row, StatTable

ZERO = Decimal(0)
LEVELS = {"central": "Trung ương", "city": "Thành phố", "unit": "cơ quan, đơn vị"}


@dataclass
class ReviewDocument(ReportDocument):
    stem: str = "bao-cao-so-ket"

    @property
    def filename(self) -> str:
        return f"{self.stem}-{search_key(self.period).replace(' ', '-')[:60]}"


def _launcher(movement: Movement) -> str:
    """Who launched the movement, by its level ("xã" or "phường" for the commune's own)."""
    if movement.level == "commune":
        return movement.commune.level_word
    return LEVELS.get(movement.level, "")


def _d(day: datetime.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _year(movement: Movement) -> int:
    return movement.year or (movement.start_date or movement.launched_on or datetime.date.today()).year


def _points(value: Decimal) -> str:
    text = f"{value.normalize():f}" if value else "0"
    return text.replace(".", ",")


def _period_years(movement: Movement, today: datetime.date) -> range:
    """The years the movement runs: its theme year, else from its start to its end (or today)."""
    if movement.year:
        return range(movement.year, movement.year + 1)
    first = _year(movement)
    last = movement.end_date.year if movement.end_date else today.year
    return range(first, max(first, last) + 1)


def _period_text(years: range) -> str:
    return f"năm {years[0]}" if len(years) == 1 else f"giai đoạn {years[0]}-{years[-1]}"


def scored_year(movement: Movement, years: range) -> int | None:
    """The latest of ``years`` in which the commune's units were scored."""
    return (Scorecard.objects.filter(criteria_set__block__commune=movement.commune,
                                     criteria_set__block__year__in=list(years))
            .aggregate(year=Max("criteria_set__block__year"))["year"])


def score_table(movement: Movement, number: int, year: int) -> StatTable | None:
    """The units' totals against their block's current criteria set in ``year`` (participants
    only, when the movement names them), ranked within each block."""
    blocks = list(EmulationBlock.objects.filter(commune=movement.commune, year=year).prefetch_related("members"))
    sets = active_sets(b.pk for b in blocks)
    participants = set(movement.participants.values_list("pk", flat=True))
    cards = current_scorecards(b.pk for b in blocks)  # each unit's scores under the version it was scored by
    totals = defaultdict(lambda: ZERO)
    for row in (Score.objects.filter(scorecard__in=list(cards.values())).values("scorecard_id")
                .annotate(points=Sum(Coalesce("points", "self_points")))):
        totals[row["scorecard_id"]] = row["points"] or ZERO
    rows, unscored = [], 0
    for block in sorted(blocks, key=lambda b: collation_key(b.name)):
        cs = sets.get(block.pk)
        if cs is None:
            continue
        entries = []
        for unit in block.members.all():
            if participants and unit.pk not in participants:
                continue
            card = cards.get((block.pk, unit.pk))
            total = totals[card.pk] if card else ZERO
            entries.append({"unit": unit, "scorecard": card, "total": total, "regular": total, "penalty": ZERO})
        for entry in rank_entries(entries):
            card = entry["scorecard"]
            if card is None:
                unscored += 1
                continue
            band = band_for(card.criteria_set, entry["total"])
            rows.append(Row([entry["unit"].name, block.name, _points(entry["total"]),
                             band.get_code_display() if band else "", entry["rank"], card.get_state_display()]))
    if not rows:
        return None
    note = f"Còn {unscored} đơn vị chưa có kết quả chấm điểm." if unscored else ""
    return StatTable("scores", f"Bảng {number}. Kết quả chấm điểm thi đua năm {year}",
                     ["Đơn vị", "Khối thi đua", "Tổng điểm", "Xếp loại", "Thứ hạng", "Tình trạng"], rows, label_cols=2,
                     note=note)


def results_table(movement: Movement, number: int) -> StatTable | None:
    rows = [Row([r.indicator, r.organisation.name if r.organisation_id else "", r.display_value or r.note[:200],
                 r.period]) for r in movement.results.select_related("organisation")]
    if not rows:
        return None
    return StatTable("results", f"Bảng {number}. Kết quả thực hiện các chỉ tiêu của phong trào",
                     ["Chỉ tiêu, kết quả", "Đơn vị", "Kết quả đạt được", "Thời kỳ"], rows, label_cols=2)


def movement_awards(movement: Movement) -> list[Award]:
    """The awards decided in the movement's award rounds (a thematic round names its movement)."""
    from thidua.proposals.models import Decision

    name = search_key(nfc(movement.name))
    decisions = [d for d in Decision.objects.filter(dossiers__round__commune=movement.commune).distinct()
                 .prefetch_related("dossiers__round")
                 if any(search_key(x.round.movement_name) == name for x in d.dossiers.all())]
    awards: list[Award] = []
    for d in decisions:
        awards += list(Award.objects.filter(decision_number=d.number, decision_date=d.date, issuer_name=d.issuer_name,
                                            revoked=False).select_related("award_type", "person", "organisation",
                                                                          "household"))
    return awards


def awards_table(awards: list[Award], number: int) -> StatTable | None:
    if not awards:
        return None
    counts: Counter = Counter()
    money: Counter = Counter()
    for a in awards:
        kind = "Cá nhân" if a.person_id else "Tập thể" if a.organisation_id else "Hộ gia đình"
        counts[(a.award_type.name, kind)] += 1
        money[(a.award_type.name, kind)] += a.amount or 0
    rows = [Row([name, kind, counts[(name, kind)], format_vnd(money[(name, kind)], suffix="")])
            for name, kind in sorted(counts, key=lambda k: (collation_key(k[0]), k[1]))]
    rows.append(Row(["Tổng cộng", "", sum(counts.values()), format_vnd(sum(money.values()), suffix="")], style="total"))
    return StatTable("awards", f"Bảng {number}. Khen thưởng trong phong trào",
                     ["Danh hiệu, hình thức", "Đối tượng", "Số lượng", "Tiền thưởng (đồng)"], rows, label_cols=2)


def _checklist_summary(items: list[CheckItem]) -> str:
    checked = [i for i in items if i.result]
    if not items:
        return ""
    met = sum(1 for i in checked if i.result == CheckItem.Result.MET)
    partly = sum(1 for i in checked if i.result == CheckItem.Result.PARTLY)
    text = f"Kiểm tra {len(checked)}/{len(items)} nội dung: {met} nội dung đạt"
    if partly:
        text += f", {partly} đạt một phần"
    missing = [i for i in checked if i.result == CheckItem.Result.NOT_MET]
    if missing:
        text += f", {len(missing)} chưa đạt (" + "; ".join(f"{i.code} {i.text[:80]}".strip() for i in missing) + ")"
    return text + "."


def _table_or(w: Writer, table: StatTable | None, fallback: str) -> None:
    """The numbered table, or a sentence saying there is nothing to show."""
    if table is None:
        w.add("p", fallback)
    else:
        w.next_number()
        w.table(table)


def build_review(*, movement: Movement, final: bool, date: datetime.date | None = None) -> ReviewDocument:
    commune = movement.commune
    year = _year(movement)
    word = "tổng kết" if final else "sơ kết"
    texts = sections.load(commune=commune, report_kind=ReportKind.ANNUAL, period=str(year))
    w = Writer(texts, [])
    data = movement_inspections(movement=movement)
    today = date or datetime.date.today()

    w.add("h1", "I. ĐẶC ĐIỂM, TÌNH HÌNH")
    launched = f"Phong trào thi đua “{movement.name}” do {movement.launched_by or _launcher(movement)} phát động"
    if movement.launched_on:
        launched += f" ngày {_d(movement.launched_on)}"
    if movement.start_date and movement.end_date:
        launched += f", thực hiện từ ngày {_d(movement.start_date)} đến ngày {_d(movement.end_date)}"
    w.add("p", launched + ".")
    if movement.theme:
        w.add("p", f"Chủ đề: {movement.theme}.")
    for line in (movement.description or "").splitlines():
        if line.strip():
            w.add("p", line.strip())

    w.add("h1", "II. KẾT QUẢ THỰC HIỆN")
    w.add("h2", "1. Kết quả thực hiện các chỉ tiêu")
    _table_or(w, results_table(movement, w.table_number + 1), "Phong trào chưa ghi nhận chỉ tiêu định lượng.")
    w.add("h2", "2. Kết quả chấm điểm, xếp loại thi đua")
    years = _period_years(movement, today)
    scored = scored_year(movement, years)
    table = score_table(movement, w.table_number + 1, scored) if scored else None
    period = _period_text(years)
    _table_or(w, table, f"{period[:1].upper()}{period[1:]} chưa có kết quả chấm điểm thi đua của các đơn vị.")

    w.add("h1", "III. CÔNG TÁC KIỂM TRA, GIÁM SÁT")
    if not data.inspections:
        w.add("p", "Trong kỳ chưa tổ chức kiểm tra phong trào.")
    for inspection in data.inspections:
        units = sorted(inspection.units.all(), key=lambda u: collation_key(u.name))
        lead = inspection.team_lines[0].split(" — ")[0] if inspection.team_lines else ""
        w.add("p", f"Từ ngày {_d(inspection.start_date)} đến ngày {_d(inspection.end_date)}, thực hiện "
                   f"{inspection.plan.title[:1].lower()}{inspection.plan.title[1:]}, đoàn kiểm tra"
                   f"{f' do {lead} làm trưởng đoàn' if lead else ''} đã kiểm tra {len(units)} đơn vị: "
                   + "; ".join(u.name for u in units) + ".")
    for row in data.findings:
        f = row.finding
        parts = [x for x in (_checklist_summary(row.items),
                             f"Ưu điểm: {f.strengths}" if f.strengths else "",
                             f"Tồn tại, hạn chế: {f.shortcomings}" if f.shortcomings else "",
                             f"Kết luận: {f.conclusion}" if f.conclusion else "") if x]
        when = f" (kiểm tra ngày {_d(f.inspected_on)})" if f.inspected_on else ""
        w.add("p", " ".join(p if p.endswith(".") else p + "." for p in parts), lead=f"- {f.unit.name}{when}: ")
    recs = data.recommendations
    if recs:
        closed = sum(1 for r in recs if r.closed_on)
        still = f", đang thực hiện {len(recs) - closed}" if closed < len(recs) else ""
        w.add("p", f"Đoàn kiểm tra đã kiến nghị {len(recs)} nội dung; đến ngày {_d(today)} đã hoàn thành "
                   f"{closed}{still}.")
        rows = []
        for r in recs:
            who = r.responsible.full_name + (f", {r.responsible_position}" if r.responsible_position else "")
            if r.closed_on:
                status = f"Đã hoàn thành ngày {_d(r.closed_on)}: {r.outcome}"
            elif r.due_on < today:
                status = f"Chưa hoàn thành, quá hạn từ ngày {_d(r.due_on)}"
            else:
                status = "Đang thực hiện"
            rows.append(Row([r.finding.unit.name, r.text, who, f"{_d(r.due_on)} ({r.working_days} ngày làm việc)",
                             status]))
        w.table(StatTable("recommendations", f"Bảng {w.next_number()}. Kiến nghị sau kiểm tra và kết quả khắc phục",
                          ["Đơn vị", "Kiến nghị", "Người chịu trách nhiệm", "Thời hạn", "Kết quả"], rows,
                          label_cols=5))

    w.add("h1", "IV. NHÂN TỐ MỚI, CÁCH LÀM HAY")
    if not data.practices:
        w.add("p", "Trong kỳ chưa ghi nhận nhân tố mới, cách làm hay.")
    for p in data.practices:
        promoted = f" Đã được biểu dương trên Bảng vàng của {commune.level_word} ngày {_d(p.promoted_on)}." if p.promoted_on else ""
        w.add("p", f"{p.practice.strip().rstrip('.')}. Kết quả: {p.result.strip().rstrip('.')}.{promoted}",
              lead=f"- {p.subject_name} — {p.title}: ")

    w.add("h1", "V. CÔNG TÁC KHEN THƯỞNG")
    awards = movement_awards(movement)
    if awards:
        w.add("p", f"Qua {word} phong trào, đã khen thưởng {len(awards)} lượt tập thể, cá nhân.")
    _table_or(w, awards_table(awards, w.table_number + 1),
              "Chưa có quyết định khen thưởng trong các đợt khen thưởng của phong trào.")

    w.add("h1", "VI. ĐÁNH GIÁ CHUNG VÀ PHƯƠNG HƯỚNG")
    overdue = [r for r in recs if not r.closed_on and r.due_on < today]
    summary = [f"Đã kiểm tra {len(data.findings)} lượt đơn vị"] if data.findings else []
    if recs:
        summary.append(f"kiến nghị {len(recs)} nội dung")
    if data.practices:
        summary.append(f"phát hiện {len(data.practices)} nhân tố mới, cách làm hay")
    if summary:  # nothing to count: the sections above already say so
        text = ", ".join(summary)
        w.add("p", f"{text[:1].upper()}{text[1:]}.")
    if overdue:
        w.add("p", "Đề nghị các đơn vị: " + "; ".join(sorted({r.finding.unit.name for r in overdue}, key=collation_key))
              + " khẩn trương hoàn thành các kiến nghị đã quá hạn.")
    w.add("p", "Tiếp tục đẩy mạnh phong trào, nhân rộng các nhân tố mới, cách làm hay; kịp thời khen thưởng, "
               "biểu dương các tập thể, cá nhân tiêu biểu.")

    issuer, signer, recipients = frame(commune, texts)
    return ReviewDocument(
        kind="review", commune=commune, period=f"{word} {movement.name}", issuer=issuer, number="/BC-UBND",
        date=today, place=place_of(commune.name),
        title_lines=[f"{word.upper()} PHONG TRÀO THI ĐUA", f"“{movement.name.upper()}”"],
        blocks=w.blocks, closing=[f"Trên đây là báo cáo {word} phong trào thi đua “{movement.name}” của {commune.issuer_name}./."],
        recipients=recipients, signer=signer, tables=[b.table for b in w.blocks if b.table is not None],
        stem="bao-cao-tong-ket" if final else "bao-cao-so-ket")
