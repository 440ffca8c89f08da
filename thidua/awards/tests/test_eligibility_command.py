import io
import json

import pytest
from django.core.management import CommandError, call_command

from thidua.rules.tests.examples import EXAMPLES

pytestmark = pytest.mark.django_db


def _run(path) -> list[dict]:
    out = io.StringIO()
    call_command("eligibility", str(path), stdout=out)
    return json.loads(out.getvalue())


def test_the_worked_examples_get_their_expected_verdicts():
    examples = json.loads(EXAMPLES.read_text(encoding="utf-8"))
    verdicts = _run(EXAMPLES)
    assert [v["id"] for v in verdicts] == [e["case"]["id"] for e in examples]
    for example, verdict in zip(examples, verdicts):
        expect = example["expect"]
        assert verdict["eligible"] == expect["eligible"], verdict["id"]
        if "authority" in expect:
            assert verdict["authority"] == expect["authority"], verdict["id"]
        if "amount_vnd" in expect:
            assert verdict["amount_vnd"] == expect["amount_vnd"], verdict["id"]
        if "failed_article_contains" in expect:
            failed = [c["article"] for c in verdict["checks"] if not c["passed"]]
            assert any(expect["failed_article_contains"] in a for a in failed), verdict["id"]
        assert all({"rule", "passed", "article", "detail"} <= set(c) for c in verdict["checks"])


def test_an_unreadable_case_gets_a_vietnamese_error_and_the_others_still_run(tmp_path):
    cases = [{"id": "thieu"}, {"id": "ok", "subject": "individual", "category": "vien_chuc", "target": "LDTT",
                               "year": 2025, "history": [{"year": 2025, "rating": "HTTNV"}]}]
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(cases), encoding="utf-8")
    verdicts = _run(path)
    assert verdicts[0]["id"] == "thieu" and "subject" in verdicts[0]["error"]
    assert verdicts[1]["eligible"] is True


def test_a_file_that_is_not_json_is_refused_with_a_reason(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{không phải json", encoding="utf-8")
    with pytest.raises(CommandError, match="JSON"):
        _run(path)


def test_the_command_reads_the_edited_catalogue(tmp_path):
    from thidua.awards.models import RuleParameter

    RuleParameter.objects.filter(key="coefficient.LDTT.individual").update(value_text="0.5")
    path = tmp_path / "c.json"
    path.write_text(json.dumps([{"id": "a", "subject": "individual", "category": "vien_chuc", "target": "LDTT",
                                 "year": 2025, "decision_date": "2025-12-20",
                                 "history": [{"year": 2025, "rating": "HTTNV"}]}]), encoding="utf-8")
    assert _run(path)[0]["amount_vnd"] == 1_170_000  # 0,5 × 2.340.000
