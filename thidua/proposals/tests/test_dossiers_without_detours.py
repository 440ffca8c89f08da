"""Dossiers without detours (issue #16, item 4): an achievement report only where the dossier
rules ask for one, the guidance as a placeholder never saved, refusals listed per nomination
with the page that fixes each, and every LĐTT-eligible member nominated in one action."""
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from thidua.awards import candidates
from thidua.core.models import AuditEntry
from thidua.org.models import Organisation
from thidua.proposals import services
from thidua.proposals.models import Dossier, Nomination

from .conftest import MINUTES

OLD_LINE = "(Đơn vị ghi thành tích nổi bật, số liệu cụ thể của năm 2025.)"


def _empty_dossier(flow):
    return services.create_dossier(actor=flow.clerk, award_round=flow.round, unit=flow.clerk.unit)


def _add(client, dossier, name, code, flow):
    person = flow.person(name)
    return client.post(reverse("proposals:nomination_add", args=[dossier.pk]),
                       {"subject": f"person:{person.pk}", "award_type": flow.award_type(code).pk})


def test_an_ldtt_nomination_goes_back_to_the_dossier_and_is_submitted_with_the_minutes(flow, client_as):
    dossier = _empty_dossier(flow)
    client = client_as("vanthu_mnhp")
    response = _add(client, dossier, "Nguyễn Thị Mai", "LDTT", flow)
    assert response.status_code == 302 and response["Location"].endswith(f"/ho-so/{dossier.pk}/#de-nghi")
    nomination = dossier.nominations.get()
    assert nomination.report == "" and not nomination.needs_report
    page = client.get(reverse("proposals:dossier", args=[dossier.pk])).content.decode()
    assert "Không cần báo cáo thành tích" in page
    assert reverse("proposals:nomination_edit", args=[nomination.pk]) not in page
    services.update_dossier(actor=flow.clerk, dossier=dossier, unit_minutes=MINUTES)
    client.post(reverse("proposals:transition", args=[dossier.pk, "nop"]))
    assert Dossier.objects.get(pk=dossier.pk).state == Dossier.State.SUBMITTED


def test_ten_ldtt_nominations_make_no_detour(flow, client_as):
    dossier = _empty_dossier(flow)
    client = client_as("vanthu_mnhp")
    unit = flow.clerk.unit
    people = (Organisation.objects.get(pk=unit.pk).memberships.select_related("person")
              .order_by("person__full_name")[:10])
    for membership in people:
        response = client.post(reverse("proposals:nomination_add", args=[dossier.pk]),
                               {"subject": f"person:{membership.person_id}",
                                "award_type": flow.award_type("LDTT").pk})
        assert "/bao-cao/" not in response["Location"]
    assert dossier.nominations.count() == len(people) > 1


def test_a_cstd_nomination_opens_its_report_with_the_guidance_as_a_placeholder(flow, client_as):
    dossier = _empty_dossier(flow)
    client = client_as("vanthu_mnhp")
    response = _add(client, dossier, "Nguyễn Thị Mai", "CSTD_CO_SO", flow)
    nomination = dossier.nominations.get()
    assert response["Location"] == reverse("proposals:nomination_edit", args=[nomination.pk])
    assert "Đơn vị ghi" not in nomination.report and "Ghi thành tích nổi bật" not in nomination.report
    page = client.get(response["Location"]).content.decode()
    textarea = re.search(r'<textarea[^>]*name="achievements"[^>]*>(.*?)</textarea>', page, re.DOTALL)
    assert 'placeholder="Ghi thành tích nổi bật, số liệu cụ thể của năm 2025' in textarea.group(0)
    assert textarea.group(1).strip() == ""                       # the guidance is not content
    assert "Phó Hiệu trưởng" in page                             # the record part is pre-filled
    record = re.search(r'<textarea[^>]*name="record"[^>]*>(.*?)</textarea>', page, re.DOTALL).group(1)
    client.post(response["Location"], {"record": record.strip(), "achievements": "Dạy giỏi cấp xã; 100 % trẻ đạt chuẩn."})
    nomination.refresh_from_db()
    assert nomination.report.endswith("Thành tích năm 2025:\nDạy giỏi cấp xã; 100 % trẻ đạt chuẩn.")
    assert "Phó Hiệu trưởng" in nomination.report and "Ghi thành tích nổi bật" not in nomination.report


def test_a_report_with_no_achievements_is_not_saved(flow, client_as):
    dossier = _empty_dossier(flow)
    client = client_as("vanthu_mnhp")
    _add(client, dossier, "Nguyễn Thị Mai", "CSTD_CO_SO", flow)
    nomination = dossier.nominations.get()
    before = nomination.report
    page = client.post(reverse("proposals:nomination_edit", args=[nomination.pk]), {"record": "x", "achievements": ""})
    assert page.status_code == 200 and "Hãy ghi thành tích năm 2025." in page.content.decode()
    nomination.refresh_from_db()
    assert nomination.report == before


def test_an_old_guidance_line_is_refused_saying_exactly_what_to_delete(flow):
    dossier = _empty_dossier(flow)
    n = services.add_nomination(actor=flow.clerk, dossier=dossier, subject=flow.person("Nguyễn Thị Mai"),
                                award_type=flow.award_type("CSTD_CO_SO"))
    old = n.report + "\n" + OLD_LINE   # a report prefilled before the guidance became a placeholder
    Nomination.objects.filter(pk=n.pk).update(report=old)
    services.update_dossier(actor=flow.clerk, dossier=dossier, unit_minutes=MINUTES)
    with pytest.raises(ValidationError) as error:
        services.submit_dossier(actor=flow.clerk, dossier=dossier)
    message = " ".join(error.value.messages)
    assert f"còn dòng hướng dẫn “{OLD_LINE}”: hãy xóa nguyên dòng này" in message
    assert "Nguyễn Thị Mai" in message
    with pytest.raises(ValidationError, match="hãy xóa nguyên dòng này"):
        services.update_report(actor=flow.clerk, nomination=Nomination.objects.get(pk=n.pk),
                               report=old + "\nDạy giỏi cấp xã.")
    assert Nomination.objects.get(pk=n.pk).report == old
    services.update_report(actor=flow.clerk, nomination=Nomination.objects.get(pk=n.pk),
                           report=old.replace(OLD_LINE, "Dạy giỏi cấp xã."))
    assert services.submit_dossier(actor=flow.clerk, dossier=dossier).state == Dossier.State.SUBMITTED


def test_refusals_are_listed_per_nomination_with_the_page_that_fixes_each(flow, client_as):
    dossier = _empty_dossier(flow)
    client = client_as("vanthu_mnhp")
    for name in ("Nguyễn Thị Mai", "Bùi Thị Thu"):
        services.add_nomination(actor=flow.clerk, dossier=dossier, subject=flow.person(name),
                                award_type=flow.award_type("GIAY_KHEN_XA"))
    services.add_nomination(actor=flow.clerk, dossier=dossier, subject=flow.person("Nguyễn Thị Mai"),
                            award_type=flow.award_type("LDTT"))
    response = client.post(reverse("proposals:transition", args=[dossier.pk, "nop"]), follow=True)
    assert Dossier.objects.get(pk=dossier.pk).state == Dossier.State.DRAFT
    page = response.content.decode()
    assert "Chưa nộp được hồ sơ: còn 3 việc phải làm" in page
    shown = [str(m) for m in response.context["messages"]]
    assert len(shown) == 1, shown  # one message: the list itself is on the page, not repeated above it
    section = re.search(r'<section class="errors" id="can-bo-sung".*?</section>', page, re.DOTALL).group(0)
    items = re.findall(r'<li><strong>(.*?)</strong>.*?<a href="([^"]+)">', section, re.DOTALL)
    giay_khen = flow.award_type("GIAY_KHEN_XA")
    expected = {f"{n.subject} — {giay_khen.name}": reverse("proposals:nomination_edit", args=[n.pk])
                for n in dossier.nominations.filter(award_type=giay_khen)}
    expected["Biên bản họp xét"] = reverse("proposals:dossier", args=[dossier.pk]) + "#bien-ban"
    assert dict(items) == expected   # one entry each, the LĐTT nomination is not among them
    assert "chưa ghi thành tích năm 2025" in section


def test_the_officers_check_lists_the_report_only_where_one_is_required(flow):
    dossier = flow.accepted(nominees=[("Nguyễn Thị Mai", "LDTT"), ("Nguyễn Thị Mai", "GIAY_KHEN_XA")])
    rows = {n.award_type.code: [c["rule"] for c in n.verdict["checks"]] for n in dossier.nominations.all()}
    assert "Có báo cáo thành tích" in rows["GIAY_KHEN_XA"]
    assert "Có báo cáo thành tích" not in rows["LDTT"]


def _eligible_ldtt(flow, unit):
    lists = candidates.build(user=flow.clerk, year=flow.round.year, unit=unit, targets=["LDTT"],
                             round_id=flow.round.pk)
    return {c.subject.pk for tl in lists for c in tl.eligible if c.kind == "individual"}


def test_every_ldtt_eligible_member_is_nominated_in_one_action_and_once(flow, client_as):
    unit = flow.clerk.unit
    eligible = _eligible_ldtt(flow, unit)
    assert len(eligible) > 1
    already = services.add_nomination(actor=flow.clerk, dossier=_empty_dossier(flow),
                                      subject=flow.person("Nguyễn Thị Mai"), award_type=flow.award_type("LDTT"))
    client = client_as("vanthu_mnhp")
    page = client.get(reverse("awards:candidates"), {"nam": flow.round.year, "doi_tuong": "LDTT"}).content.decode()
    assert f"Đề nghị {len(eligible) - 1} người đủ điều kiện vào hồ sơ đợt" in page
    assert "1 người đã được đề nghị trong đợt này (bỏ qua)" in page
    url = reverse("proposals:nominate_qualifying", args=[flow.round.pk])
    response = client.post(url, {"unit": unit.pk}, follow=True)
    text = response.content.decode()
    assert f"Đã đề nghị “Lao động tiên tiến” cho {len(eligible) - 1} người" in text
    assert "1 người đã được đề nghị trong đợt này nên được bỏ qua: Nguyễn Thị Mai" in text
    nominated = Nomination.objects.filter(dossier__round=flow.round, award_type__code="LDTT")
    assert set(nominated.values_list("person_id", flat=True)) == eligible
    assert set(nominated.values_list("dossier_id", flat=True)) == {already.dossier_id}
    notes = AuditEntry.objects.filter(note__startswith="Đề nghị tất cả người đủ điều kiện “Lao động tiên tiến”")
    assert notes.count() == len(eligible) - 1 and {e.actor_id for e in notes} == {flow.clerk.pk}
    again = client.post(url, {"unit": unit.pk}, follow=True).content.decode()   # idempotent
    assert nominated.count() == len(eligible)
    assert "Đã đề nghị" not in again and f"{len(eligible)} người đã được đề nghị trong đợt này" in again


def test_a_clerk_cannot_nominate_for_another_unit(flow, client_as):
    other = Organisation.objects.exclude(pk=flow.clerk.unit_id).filter(kind=flow.clerk.unit.kind).first()
    response = client_as("vanthu_mnhp").post(reverse("proposals:nominate_qualifying", args=[flow.round.pk]),
                                             {"unit": other.pk})
    assert response.status_code == 404
    assert not Nomination.objects.filter(dossier__unit=other).exists()


def test_the_report_page_of_an_old_report_refuses_its_guidance_line_by_name(flow, client_as):
    dossier = _empty_dossier(flow)
    n = services.add_nomination(actor=flow.clerk, dossier=dossier, subject=flow.person("Nguyễn Thị Mai"),
                                award_type=flow.award_type("CSTD_CO_SO"))
    Nomination.objects.filter(pk=n.pk).update(report=n.report + "\n" + OLD_LINE)
    url = reverse("proposals:nomination_edit", args=[n.pk])
    client = client_as("vanthu_mnhp")
    page = client.get(url).content.decode()
    shown = re.search(r'<textarea[^>]*name="achievements"[^>]*>(.*?)</textarea>', page, re.DOTALL).group(1)
    assert shown.strip() == OLD_LINE   # the old line is there to be deleted, never hidden
    response = client.post(url, {"record": "Họ và tên: Nguyễn Thị Mai", "achievements": OLD_LINE + "\nDạy giỏi."})
    assert response.status_code == 200
    assert f"còn dòng hướng dẫn “{OLD_LINE}”: hãy xóa nguyên dòng này" in response.content.decode()
    assert Nomination.objects.get(pk=n.pk).report.endswith(OLD_LINE)


def test_an_ldtt_report_stays_optional(flow, client_as):
    dossier = _empty_dossier(flow)
    n = services.add_nomination(actor=flow.clerk, dossier=dossier, subject=flow.person("Nguyễn Thị Mai"),
                                award_type=flow.award_type("LDTT"))
    response = client_as("vanthu_mnhp").post(reverse("proposals:nomination_edit", args=[n.pk]),
                                             {"record": "", "achievements": ""})
    assert response.status_code == 302
    assert Nomination.objects.get(pk=n.pk).report == ""
