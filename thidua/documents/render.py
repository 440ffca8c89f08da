"""Public renderers: plain data (``thidua.documents.data``) in, document bytes out.

    render_decision_docx(data: DecisionData) -> bytes
    render_decision_pdf(data: DecisionData) -> bytes
    render_submission_docx(data: SubmissionData, *, collectives=False) -> bytes
    render_submission_pdf(data: SubmissionData, *, collectives=False) -> bytes
    render_minutes_docx(data: MinutesData) -> bytes
    render_minutes_pdf(data: MinutesData) -> bytes
    render_invitation_docx(data: InvitationData) -> bytes
    render_invitation_pdf(data: InvitationData) -> bytes
    render_achievement_docx(data: AchievementReportData) -> bytes
    render_achievement_pdf(data: AchievementReportData) -> bytes
    render_certificate_pdf(data: CertificateData) -> bytes
    render_certificate_docx(data: CertificateData) -> bytes

They read no model except the uploaded templates, so the proposals app can call them with
its own Decision, Dossier and Meeting turned into these dataclasses.
"""
from __future__ import annotations

import dataclasses
import io

import segno

from thidua.core.text import format_vnd

from . import certificate_docx, engine
from .data import (
    AchievementReportData, CertificateData, DecisionData, InvitationData, MinutesData, SubmissionData,
)
from .fmt import BLANK, date_line, day_words, dmy, number_line, split_lead, time_words
from .models import TemplateKind


def _body(paragraphs: list[str]) -> list[dict]:
    out = []
    for text in paragraphs:
        lead, rest = split_lead(text)
        out.append({"lead": lead, "rest": rest, "text": text})
    return out


def _common(data, doc_title: str) -> dict:
    return {
        "issuer": data.issuer,
        "number_line": number_line(getattr(data, "number", "")),
        "date_line": date_line(data.place, data.date),
        "doc_title": doc_title,
        "title": getattr(data, "title", ""),
        "signer": getattr(data, "signer", None),
        "recipients": list(getattr(data, "recipients", []) or []),
        "body": _body(list(getattr(data, "body", []) or [])),
    }


def _lines(data) -> dict:
    """The attached list; a list where no line carries money (e.g. Gia đình văn hóa rebuilt from
    the ledger) prints no money column, no total and no total in words."""
    return {"lines": list(data.lines), "with_amount": any(line.amount for line in data.lines), "total": data.total,
            "total_text": format_vnd(data.total, suffix=""), "total_in_words": data.total_in_words}


def _annex(data, *, document: str, by: str, subtitle: str, heads: dict) -> dict:
    """The list attached after the signature (ND 30/2020): its subtitle, the line "(Kèm theo
    <document> số … ngày … của …)" and its column heads — the same in the DOCX and the PDF."""
    number = data.number if not data.number.startswith("/") else f"{'…' * 3}{data.number}"
    note = f"(Kèm theo {document} số {number} ngày {dmy(data.date) or '…/…/…'} của {by})"
    return {**_lines(data), "list_subtitle": subtitle, "list_note": note, "heads": heads}


# The column heads of an attached list: people (and collectives among them) by name, position
# and unit; a list of collectives only (a cluster's communes) by name and achievement.
PEOPLE_HEADS = {"name": "Họ và tên", "detail": "Chức vụ, đơn vị", "award": "Danh hiệu, hình thức"}
PROPOSED_HEADS = {**PEOPLE_HEADS, "award": "Danh hiệu, hình thức đề nghị"}
COLLECTIVE_HEADS = {"name": "Tên tập thể", "detail": "Thành tích", "award": "Hình thức đề nghị"}


def decision_context(data: DecisionData) -> dict:
    annex = _annex(data, document="Quyết định", by=data.decided_by or "người có thẩm quyền",
                   subtitle=data.list_subtitle, heads=PEOPLE_HEADS)
    return {**_common(data, "QUYẾT ĐỊNH"), **annex, "authority": data.authority,
            "legal_bases": list(data.legal_bases), "marking": data.marking}


def render_decision_docx(data: DecisionData) -> bytes:
    return engine.render_docx(TemplateKind.DECISION, decision_context(data))


def render_decision_pdf(data: DecisionData) -> bytes:
    return engine.render_pdf("documents/pdf/decision.html", decision_context(data))


def submission_context(data: SubmissionData, *, collectives: bool = False) -> dict:
    """``collectives``: the list names collectives only (a cluster's communes), under their
    own column heads."""
    subtitle = "CÁC TẬP THỂ ĐỀ NGHỊ KHEN THƯỞNG" if collectives else "TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG"
    annex = _annex(data, document="Tờ trình", by=proper_name(data.issuer), subtitle=subtitle,
                   heads=COLLECTIVE_HEADS if collectives else PROPOSED_HEADS)
    return {**_common(data, "TỜ TRÌNH"), **annex, "addressee": data.addressee}


def render_submission_docx(data: SubmissionData, *, collectives: bool = False) -> bytes:
    return engine.render_docx(TemplateKind.SUBMISSION, submission_context(data, collectives=collectives))


def render_submission_pdf(data: SubmissionData, *, collectives: bool = False) -> bytes:
    return engine.render_pdf("documents/pdf/submission.html", submission_context(data, collectives=collectives))


def minutes_context(data: MinutesData) -> dict:
    intro = [
        f"Thời gian: Vào hồi {time_words(data.opened_at)}.",
        f"Địa điểm: {data.location}.",
        f"Chủ trì: {data.chair}.",
        f"Thư ký: {data.secretary}.",
        f"Thành phần: có mặt {len(data.attendees)}/{data.members_total} thành viên Hội đồng"
        + (f", vắng {len(data.absentees)} ({'; '.join(data.absentees)})." if data.absentees else "."),
    ]
    if data.attendees:
        intro.append("Thành viên có mặt: " + "; ".join(data.attendees) + ".")
    if data.written_opinions:
        intro.append("Ý kiến bằng văn bản của thành viên vắng mặt: " + "; ".join(data.written_opinions) + ".")
    ballots = [{**dataclasses.asdict(v), "percent_text": v.percent_text,
                "result": "Đạt" if v.is_passed else "Không đạt"} for v in data.ballots]
    closing = list(data.closing)
    if data.closed_at:
        closing.append(f"Cuộc họp kết thúc vào hồi {time_words(data.closed_at)}; biên bản đã được đọc lại "
                       "cho các thành viên dự họp cùng nghe và nhất trí thông qua.")
    context = _common(data, "BIÊN BẢN")
    context.update(body=_body(intro + list(data.body)), ballots=ballots, closing=closing,
                   chair_signature=data.chair_signature, secretary_signature=data.secretary_signature)
    return context


def render_minutes_docx(data: MinutesData) -> bytes:
    return engine.render_docx(TemplateKind.MINUTES, minutes_context(data))


def render_minutes_pdf(data: MinutesData) -> bytes:
    return engine.render_pdf("documents/pdf/minutes.html", minutes_context(data))


LEVEL_WORDS = ("THÀNH PHỐ", "XÃ", "PHƯỜNG", "ĐẶC KHU", "THỊ TRẤN", "HUYỆN", "TỈNH", "QUẬN", "THỊ XÃ")


def proper_name(issuer) -> str:
    """'ỦY BAN NHÂN DÂN' / 'XÃ NAM THANH MIỆN' -> 'Ủy ban nhân dân xã Nam Thanh Miện'."""
    lines = list(issuer.name_lines)
    if not lines:
        return ""
    head = lines[0][:1] + lines[0][1:].lower()
    rest = " ".join(lines[1:])
    for level in LEVEL_WORDS:
        if rest.startswith(level + " "):
            return f"{head} {level.lower()} {rest[len(level) + 1:].title()}"
    return f"{head} {rest.title()}".strip()


def invitation_context(data: InvitationData) -> dict:
    issuer = data.host or proper_name(data.issuer)
    details = [{"label": "Nội dung: ", "value": data.purpose}]
    when = (time_words(data.meeting_at) if data.meeting_at or not data.meeting_day
            else f"{BLANK}giờ{BLANK}phút, {day_words(data.meeting_day)}")
    details.append({"label": "Thời gian: ", "value": when})
    details.append({"label": "Địa điểm: ", "value": data.location})
    context = _common(data, "GIẤY MỜI")
    agenda = [f"- {item}" for item in data.agenda]
    context.update(greeting=f"{issuer} trân trọng kính mời:", invitees=list(data.invitees), details=details,
                   body=_body(agenda + ([data.note] if data.note else [])))
    return context


def render_invitation_docx(data: InvitationData) -> bytes:
    return engine.render_docx(TemplateKind.INVITATION, invitation_context(data))


def render_invitation_pdf(data: InvitationData) -> bytes:
    return engine.render_pdf("documents/pdf/invitation.html", invitation_context(data))


def achievement_context(data: AchievementReportData) -> dict:
    none = "Không có"
    profile = [{"label": label, "value": value} for label, value in (
        ("Họ và tên", data.full_name), ("Giới tính", data.gender), ("Ngày sinh", data.date_of_birth),
        ("Đối tượng", data.category), ("Đơn vị công tác", data.unit), ("Chức vụ", data.position)) if value]
    context = _common(data, "BÁO CÁO THÀNH TÍCH")
    context.update(
        title=f"ĐỀ NGHỊ {data.proposed.upper()}" if data.proposed else "",
        profile=profile, duties=list(data.duties) or ["…"],
        achievements=list(data.achievements) or ["…"],
        ratings=[{"year": y, "rating": r} for y, r in data.ratings] or [{"year": "", "rating": none}],
        initiatives=[{"year": y, "title": t, "recognition": r} for y, t, r in data.initiatives]
        or [{"year": "", "title": none, "recognition": ""}],
        titles=[dataclasses.asdict(a) for a in data.titles] or [{"year": "", "name": none, "decision": ""}],
        forms=[dataclasses.asdict(a) for a in data.forms] or [{"year": "", "name": none, "decision": ""}],
        head_title=data.head_title, head_name=data.head_name, full_name=data.full_name, period=data.period)
    return context


def render_achievement_docx(data: AchievementReportData) -> bytes:
    return engine.render_docx(TemplateKind.ACHIEVEMENT, achievement_context(data))


def render_achievement_pdf(data: AchievementReportData) -> bytes:
    return engine.render_pdf("documents/pdf/achievement.html", achievement_context(data))


def qr_data_uri(url: str) -> str:
    """The verification QR code as an SVG data URI (segno), for <img src>."""
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2)


NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"


def qr_png(url: str) -> bytes:
    """The same verification QR code as a PNG (segno), for the DOCX."""
    buf = io.BytesIO()
    segno.make(url, error="m").save(buf, kind="png", scale=10, border=2)
    return buf.getvalue()


def certificate_context(data: CertificateData) -> dict:
    """The certificate as printed — every text of it, composed once: the PDF template and the
    DOCX builder (``certificate_docx``) both lay out exactly these texts."""
    return {
        "cert": data, "national_name": NATIONAL_NAME, "national_motto": NATIONAL_MOTTO,
        "authority_lines": list(data.authority_lines), "verb": data.verb, "award_name": data.award_name,
        "long_name": len(data.award_name) > 18, "recipient": data.recipient,
        "recipient_detail": data.recipient_detail, "achievement": data.achievement,
        "revoked_mark": "ĐÃ THU HỒI" if data.revoked else "",
        "number_line": number_line(data.number), "date_line": date_line(data.place, data.date),
        "signer": data.signer,
        "verification_note": f"Bản in từ sổ khen thưởng — mã xác minh: {data.verification_code}",
        "verification_url": data.verification_url,
        "qr_alt": "Mã QR dẫn tới trang xác minh giấy khen",
        "qr": qr_data_uri(data.verification_url),
        "doc_title": data.award_name, "title": data.recipient,
    }


def render_certificate_pdf(data: CertificateData) -> bytes:
    return engine.render_pdf("documents/pdf/certificate.html", certificate_context(data))


def render_certificate_docx(data: CertificateData) -> bytes:
    return certificate_docx.build_certificate(certificate_context(data), qr_png(data.verification_url))
