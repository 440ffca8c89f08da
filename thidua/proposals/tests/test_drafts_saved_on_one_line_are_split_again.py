"""A decision draft saved before the line-break fix stands on one line; the migration splits
its căn cứ, articles and recipients again, so the chairman does not sign Điều 1–3 run together."""
import importlib

split_line = importlib.import_module(
    "thidua.proposals.migrations.0007_split_decision_drafts_saved_as_one_line").split_line


def test_a_one_line_draft_is_split_into_its_bases_articles_and_recipients():
    bases = ("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022; Căn cứ Nghị định số 152/2025/NĐ-CP; "
             "Theo đề nghị của Trường Mầm non Hồng Phong và của công chức phụ trách thi đua - khen thưởng xã.")
    assert split_line("legal_bases", bases).split("\n") == [
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", "Căn cứ Nghị định số 152/2025/NĐ-CP;",
        "Theo đề nghị của Trường Mầm non Hồng Phong và của công chức phụ trách thi đua - khen thưởng xã."]
    articles = ("Điều 1. Tặng Giấy khen cho 03 cá nhân. Điều 2. Tiền thưởng theo Điều 73 của Luật. "
                "Điều 3. Quyết định có hiệu lực kể từ ngày ký./.")
    assert split_line("articles", articles).split("\n") == [
        "Điều 1. Tặng Giấy khen cho 03 cá nhân.", "Điều 2. Tiền thưởng theo Điều 73 của Luật.",
        "Điều 3. Quyết định có hiệu lực kể từ ngày ký./."]
    assert split_line("recipients", "Như Điều 3; Hội đồng Thi đua - Khen thưởng xã; Lưu: VT.").split("\n") == [
        "Như Điều 3;", "Hội đồng Thi đua - Khen thưởng xã;", "Lưu: VT."]


def test_a_draft_already_on_several_lines_is_left_as_it_is():
    text = "Điều 1. Một. Điều 2. Hai.\nĐiều 3. Ba./."
    assert split_line("articles", text) == text
