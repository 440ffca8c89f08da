"""The annual report counts the year's awards and lists the year's exemplars with that
year's record only."""
from thidua.awards import selectors as award_selectors
from thidua.documents.reports import builder


def _people(report):
    return {(g.key, s.key if s else ""): {e.name: e for e in (s.people if s else g.people)}
            for g in report.exemplars for s in [None, *g.subgroups]}


def test_exemplars_of_2025_carry_2025_records_only(commune):
    report = builder.build_report(kind="annual", commune=commune, year=2025)
    people = _people(report)
    preschool = people[("giao_duc", "mam_non")]
    assert "Nguyễn Thị Mai" not in preschool  # her CSTĐ cấp tỉnh is from 2022
    assert preschool["Vũ Thị Phương"].items == ["Bằng khen UBND tỉnh (2025)"]
    assert "Vũ Thị Mỵ" not in people.get(("mttq", "doan"), {})  # no union award in 2025
    every_item = [item for group in people.values() for e in group.values() for item in e.items]
    assert not [item for item in every_item if "(2022)" in item or "(2023)" in item]


def test_the_years_table_counts_the_years_ledger(commune, demo_user):
    report = builder.build_report(kind="annual", commune=commune, year=2024)
    table = report.tables[-1]
    ledger = award_selectors.ledger(user=demo_user("canbotdkt")).filter(revoked=False, year=2024)
    assert table.value("Cộng", "", column="Cộng") == ledger.count()
    assert report.stats.count(code="LDTT") == ledger.filter(award_type__code="LDTT").count()
