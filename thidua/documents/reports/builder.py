"""The annual and five-year reports as a list of blocks (headings, paragraphs, tables) built
from the ledger, the sibling apps' data and the narrative sections. The page, the DOCX, the
Excel workbook and the ``report`` command all start from ``build_report``."""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Callable

from thidua.accounts import people
from thidua.org.models import Organisation
from thidua.proposals.selectors import current_term

from ..data import IssuerBlock, SignerBlock
from ..fmt import paragraphs, place_of
from ..models import ReportKind
from . import exemplars as ex
from . import sections, sources, statistics

Progress = Callable[[int, str], None]


@dataclass
class Block:
    kind: str                  # part | title | h1 | h2 | h3 | p | table | missing
    text: str = ""
    lead: str = ""             # bold lead-in of a paragraph
    table: statistics.StatTable | None = None


@dataclass
class ReportDocument:
    kind: str
    commune: Organisation
    period: str
    issuer: IssuerBlock
    number: str
    date: datetime.date | None
    place: str
    title_lines: list[str]
    blocks: list[Block]
    closing: list[str]
    recipients: list[str]
    signer: SignerBlock
    exemplars: list[ex.SectorGroup] = field(default_factory=list)
    tables: list[statistics.StatTable] = field(default_factory=list)
    stats: statistics.Statistics | None = None

    @property
    def filename(self) -> str:
        from thidua.core.text import search_key

        slug = search_key(self.commune.name).replace(" ", "-")
        stem = "bao-cao-tong-ket-5-nam" if self.kind == ReportKind.FIVE_YEAR else "bao-cao-tong-ket-nam"
        return f"{stem}-{self.period}-{slug}"

    def text(self) -> str:
        """Plain text of the whole report (tests, search, the command's --text)."""
        out = [*self.title_lines]
        for block in self.blocks:
            if block.table is not None:
                out.append(block.table.title)
                out += [" | ".join(str(c) for c in row.cells) for row in block.table.rows]
            else:
                out.append(f"{block.lead}{block.text}")
        return "\n".join(out + self.closing)


class _Writer:
    def __init__(self, texts: dict[str, str], specs: list[sections.SectionSpec]):
        self.blocks: list[Block] = []
        self.texts = texts
        self.labels = {s.key: s.label for s in specs}
        self.table_number = 0

    def add(self, kind: str, text: str = "", lead: str = "") -> None:
        self.blocks.append(Block(kind, text, lead))

    def section(self, key: str) -> None:
        """A narrative section, verbatim; a visible placeholder while nobody has written it."""
        lines = paragraphs(self.texts.get(key, ""))
        if not lines:
            self.add("missing", f"[Chưa nhập nội dung: {self.labels.get(key, key)}]")
        for line in lines:
            self.add("p", line)

    def outline(self, *rows: tuple[str, str, str | None]) -> None:
        """The report's outline in order, one row each: ``(kind, heading, section key)`` — the
        heading (part, title, h1, h2), then the narrative section ``key`` under it, if any."""
        for kind, heading, key in rows:
            self.add(kind, heading)
            if key is not None:
                self.section(key)

    def lines_or_section(self, lines: list[str] | None, key: str) -> None:
        """Lines read from the records when there are any, else the narrative section ``key``."""
        if not lines:
            self.section(key)
        for line in lines or []:
            self.add("p", line)

    def table(self, table: statistics.StatTable | None) -> None:
        if table is not None:
            self.blocks.append(Block("table", table=table))

    def next_number(self) -> int:
        self.table_number += 1
        return self.table_number


def _exemplar_blocks(w: _Writer, groups: list[ex.SectorGroup]) -> None:
    for group in groups:
        lead_text = " ".join(paragraphs(w.texts.get(f"lead_{group.key}", "")))
        parts = [lead_text] if lead_text else []
        if group.collectives:
            parts.append("Tiêu biểu như " + "; ".join(f"{c.name} với {c.summary}" for c in group.collectives) + ".")
        w.add("p", " ".join(parts), lead=f"- {group.label}: ")
        has_people = group.people or any(sub.people for sub in group.subgroups)
        if parts and has_people and not any(sub.collectives for sub in group.subgroups):
            w.add("p", "Cá nhân tiêu biểu như:")
        if group.people:
            for person in group.people:
                w.add("p", f"{person.summary}.", lead=f"{person.heading}: ")
        for sub in group.subgroups:
            text = "; ".join(f"{c.name} với {c.summary}" for c in sub.collectives)
            w.add("h3", text + (";" if text and sub.people else "." if text else ""), lead=f"+ {sub.label}: ")
            for person in sub.people:
                w.add("p", f"{person.summary}.", lead=f"{person.heading}: ")


def _practice_blocks(w: _Writer, lines: list[str] | None) -> None:
    """New factors and good practices (nhân tố mới, cách làm hay) of the period."""
    if lines:
        w.add("p", lines[0], lead="- Nhân tố mới, cách làm hay: ")
        for line in lines[1:]:
            w.add("p", line)


NAME_TO_FILL = "…" * 16  # the signer's name, written by hand when the data names nobody


def default_signer(commune: Organisation) -> SignerBlock:
    """The committee's signature by name: the vice-chairman in charge of emulation (the one who
    is vice-chairman of the commune's council) "KT. CHỦ TỊCH", else the chairman, else any
    vice-chairman; with a line to write the name on when the accounts name nobody."""
    chairman, deputies = people.committee_signers(commune)
    term = current_term(commune)
    in_charge = {m.user_id for m in term.members.all() if m.role == m.Role.VICE_CHAIRMAN} if term else set()
    deputy = next((u for u in deputies if u.pk in in_charge), None)
    if deputy is None and chairman is not None:
        return SignerBlock.committee_chairman(people.full_name(chairman))
    deputy = deputy or next(iter(deputies), None)
    if deputy is not None:
        return SignerBlock.committee_deputy(people.full_name(deputy))
    return SignerBlock.committee_chairman(NAME_TO_FILL)


def default_recipients(commune: Organisation) -> list[str]:
    """Where the commune's report goes: the province's (city's) committee and its emulation
    board, the standing bodies of the commune's Party committee and People's Council, the archive."""
    province = next((a for a in reversed(commune.ancestors()) if a.kind == Organisation.Kind.CITY), None)
    lines = [f"- {province.issuer_name} (Ban Thi đua - Khen thưởng);"] if province else []
    return [*lines, f"- Thường trực Đảng ủy, HĐND {commune.level_word};", "- Lưu: VT."]


def _frame(commune: Organisation, texts: dict[str, str]):
    """Issuer, signer and recipients: what the commune wrote in its sections, else the data's."""
    signer_lines = paragraphs(texts.get("signer_lines", ""))
    signer_name = " ".join(paragraphs(texts.get("signer_name", "")))
    if signer_lines or signer_name:
        default = SignerBlock.committee_deputy()
        signer = SignerBlock(lines=signer_lines or default.lines, name=signer_name or NAME_TO_FILL)
    else:
        signer = default_signer(commune)
    recipients = paragraphs(texts.get("recipients", "")) or default_recipients(commune)
    return IssuerBlock.commune_committee(commune.name), signer, recipients


def _writer(*, commune: Organisation, kind: str, period: str, specs: list[sections.SectionSpec]) -> _Writer:
    """The writer of one report, holding what the commune wrote in its sections for ``period``."""
    return _Writer(sections.load(commune=commune, report_kind=kind, period=period), specs)


def _movement_table(w: _Writer, *, commune: Organisation, year_from: int, year_to: int):
    """The movements' results of the years as the next numbered table, when there were any."""
    table = sources.movement_results(commune=commune, year_from=year_from, year_to=year_to,
                                     number=w.table_number + 1)
    if table is not None:
        w.next_number()
        w.table(table)
    return table


def build_five_year(*, commune: Organisation, year_from: int, year_to: int, date: datetime.date | None = None,
                    progress: Progress | None = None) -> ReportDocument:
    step = progress or (lambda pct, text: None)
    period = sections.period_of(ReportKind.FIVE_YEAR, year_from=year_from, year_to=year_to)
    w = _writer(commune=commune, kind=ReportKind.FIVE_YEAR, period=period, specs=sections.FIVE_YEAR)
    step(10, "Đọc nội dung các mục")

    w.outline(
        ("part", "PHẦN THỨ NHẤT", None),
        ("title", f"KẾT QUẢ PHONG TRÀO THI ĐUA YÊU NƯỚC VÀ CÔNG TÁC KHEN THƯỞNG 5 NĂM ({year_from}-{year_to})", None),
        ("h1", "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO", None),
        ("h2", "1. Công tác lãnh đạo, chỉ đạo của cấp ủy Đảng, chính quyền", "leadership"),
        ("h2", "2. Công tác xây dựng văn bản chỉ đạo và tổ chức thực hiện", "directives"),
        ("h1", "II. KẾT QUẢ NỔI BẬT CỦA PHONG TRÀO THI ĐUA YÊU NƯỚC", None),
        ("h2", "1. Kết quả thực hiện các phong trào do Thủ tướng Chính phủ phát động", "movements_central"),
        ("h2", "2. Kết quả phong trào thi đua do Thành phố phát động trong các ngành, lĩnh vực", "movements_city"))
    step(20, "Đọc kết quả các phong trào")
    movement_table = _movement_table(w, commune=commune, year_from=year_from, year_to=year_to)

    w.outline(
        ("h1", "III. CÔNG TÁC TUYÊN TRUYỀN, NHÂN RỘNG ĐIỂN HÌNH TIÊN TIẾN", None),
        ("h2", "1. Công tác tuyên truyền, xây dựng, nhân rộng, biểu dương tôn vinh các điển hình tiên tiến",
         "propaganda"),
        ("h2", "2. Một số gương điển hình được nhân rộng, biểu dương", "exemplars_intro"))
    step(35, "Lập danh sách gương điển hình theo lĩnh vực")
    groups = ex.build(commune=commune, year_from=year_from, year_to=year_to)
    _exemplar_blocks(w, groups)
    _practice_blocks(w, sources.good_practices(commune=commune, year_from=year_from, year_to=year_to))

    w.outline(
        ("h1", "IV. KẾT QUẢ CÔNG TÁC KHEN THƯỞNG", None),
        ("h2", "1. Đổi mới khen thưởng", "commendation_renewal"),
        ("h2", "2. Kết quả cụ thể", "commendation_results"))
    step(60, "Thống kê sổ khen thưởng")
    stats = statistics.collect(commune=commune, year_from=year_from, year_to=year_to)
    tables = [statistics.by_year(stats, number=w.next_number()), statistics.by_type(stats, number=w.next_number()),
              statistics.by_level(stats, number=w.next_number())]
    for table in tables:
        w.table(table)

    w.outline(
        ("h1", "V. HOẠT ĐỘNG CỦA HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", "council"),
        ("h1", "VI. ĐÁNH GIÁ CHUNG", None),
        ("h2", "1. Ưu điểm", "strengths"),
        ("h2", "2. Tồn tại", "weaknesses"),
        ("h2", "3. Nguyên nhân", "causes"),
        ("h2", "4. Bài học kinh nghiệm", "lessons"))

    step(75, "Mục tiêu, chỉ tiêu giai đoạn sau")
    nxt_from, nxt_to = year_to + 1, year_to + 5
    w.outline(
        ("part", "PHẦN THỨ HAI", None),
        ("title", f"MỤC TIÊU, NHIỆM VỤ VÀ CÁC GIẢI PHÁP CHỦ YẾU GIAI ĐOẠN {nxt_from}-{nxt_to}", None),
        ("h1", "I. MỤC TIÊU", "goals"),
        ("h1", "II. CHỈ TIÊU VÀ NHIỆM VỤ CHỦ YẾU", None),
        ("h2", "1. Một số chỉ tiêu chủ yếu", None))
    w.lines_or_section(sources.target_lines(commune=commune, year_from=nxt_from, year_to=nxt_to), "targets")
    w.outline(
        ("h2", "2. Những nhiệm vụ chủ yếu", "tasks"),
        ("h1", "III. GIẢI PHÁP THỰC HIỆN", "solutions"))

    step(85, "Hoàn thiện báo cáo")
    return _document(
        w, kind=ReportKind.FIVE_YEAR, commune=commune, period=period, date=date,
        title_lines=["TỔNG KẾT PHONG TRÀO THI ĐUA, CÔNG TÁC KHEN THƯỞNG",
                     f"GIAI ĐOẠN {year_from}-{year_to}; PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN {nxt_from}-{nxt_to}"],
        closing=f"Trên đây là báo cáo tổng kết phong trào thi đua, công tác khen thưởng 5 năm giai đoạn "
                f"{year_from}-{year_to} và phương hướng, nhiệm vụ giai đoạn {nxt_from}-{nxt_to} của "
                f"{_committee_of(commune)}./.",
        exemplars=groups, tables=([movement_table] if movement_table else []) + tables, stats=stats)


def build_annual(*, commune: Organisation, year: int, date: datetime.date | None = None,
                 progress: Progress | None = None) -> ReportDocument:
    step = progress or (lambda pct, text: None)
    period = sections.period_of(ReportKind.ANNUAL, year=year)
    w = _writer(commune=commune, kind=ReportKind.ANNUAL, period=period, specs=sections.ANNUAL)
    step(10, "Đọc nội dung các mục")
    w.outline(
        ("part", "PHẦN THỨ NHẤT", None),
        ("title", f"KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM {year}", None),
        ("h1", "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO", "leadership"),
        ("h1", "II. KẾT QUẢ CÁC PHONG TRÀO THI ĐUA", "movements"))
    step(25, "Đọc kết quả các phong trào")
    movement_table = _movement_table(w, commune=commune, year_from=year, year_to=year)
    w.outline(("h1", "III. CÔNG TÁC KHEN THƯỞNG", "commendation"))
    step(45, "Thống kê sổ khen thưởng")
    stats = statistics.collect(commune=commune, year_from=year, year_to=year)
    tables = [statistics.by_type_and_level(stats, number=w.next_number())]
    w.table(tables[0])
    w.outline(("h1", "IV. GƯƠNG ĐIỂN HÌNH TIÊN TIẾN", "exemplars_intro"))
    step(65, "Lập danh sách gương điển hình")
    groups = ex.build(commune=commune, year_from=year, year_to=year, history_from=year)
    _exemplar_blocks(w, groups)
    _practice_blocks(w, sources.good_practices(commune=commune, year_from=year, year_to=year))
    w.outline(
        ("h1", "V. ĐÁNH GIÁ CHUNG", "assessment"),
        ("part", "PHẦN THỨ HAI", None),
        ("title", f"PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {year + 1}", "plan"),
        ("h2", "Một số chỉ tiêu chủ yếu", None))
    w.lines_or_section(sources.target_lines(commune=commune, year_from=year + 1, year_to=year + 1), "targets")
    step(85, "Hoàn thiện báo cáo")
    return _document(
        w, kind=ReportKind.ANNUAL, commune=commune, period=period, date=date,
        title_lines=[f"TỔNG KẾT CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM {year}",
                     f"VÀ PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {year + 1}"],
        closing=f"Trên đây là báo cáo tổng kết công tác thi đua, khen thưởng năm {year} và phương hướng, nhiệm vụ "
                f"năm {year + 1} của {_committee_of(commune)}./.",
        exemplars=groups, tables=([movement_table] if movement_table else []) + tables, stats=stats)


def _committee_of(commune: Organisation) -> str:
    """"UBND xã …" (or "UBND phường …") inside a sentence."""
    return commune.issuer_name


def _document(w: _Writer, *, kind: str, commune: Organisation, period: str, date: datetime.date | None,
              title_lines: list[str], closing: str, **content) -> ReportDocument:
    """The report around its written blocks: issuer, number, place and date, the closing (the
    commune's own text when it wrote one, else ``closing``), the signer and the recipients."""
    issuer, signer, recipients = _frame(commune, w.texts)
    return ReportDocument(
        kind=kind, commune=commune, period=period, issuer=issuer, number="/BC-UBND",
        date=date if date is not None else datetime.date.today(), place=place_of(commune.name),
        title_lines=title_lines, blocks=w.blocks, closing=paragraphs(w.texts.get("closing", "")) or [closing],
        recipients=recipients, signer=signer, **content)


def build_report(*, kind: str, commune: Organisation, year_from: int | None = None, year_to: int | None = None,
                 year: int | None = None, date: datetime.date | None = None,
                 progress: Progress | None = None) -> ReportDocument:
    if kind == ReportKind.FIVE_YEAR:
        return build_five_year(commune=commune, year_from=year_from, year_to=year_to, date=date, progress=progress)
    return build_annual(commune=commune, year=year, date=date, progress=progress)


# For the other reports built from the same blocks (a movement's review report, reports.review).
Writer, frame = _Writer, _frame
