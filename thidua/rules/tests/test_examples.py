"""Every worked case of shared/domain/eligibility-examples.json gives its expected verdict."""

import json

import pytest

from thidua.rules.jsonio import run_cases

from thidua.rules.tests.examples import BUNDLED, EXAMPLES, SHARED


def _examples():
    if not EXAMPLES.exists():
        return [pytest.param(None, marks=pytest.mark.skip(
            reason=f"eligibility examples not found at {EXAMPLES} (shared/domain is beside the repo)"),
            id="examples-file-absent")]
    return [pytest.param(e, id=e["case"]["id"]) for e in json.loads(EXAMPLES.read_text("utf-8"))]


@pytest.mark.parametrize("example", _examples())
def test_shared_example_gives_the_expected_verdict(example):
    [verdict] = run_cases([example["case"]])
    expect = example["expect"]
    assert "error" not in verdict, verdict
    assert verdict["id"] == example["case"]["id"]
    assert verdict["eligible"] is expect["eligible"]
    if "authority" in expect:
        assert verdict["authority"] == expect["authority"]
    if "amount_vnd" in expect:
        assert verdict.get("amount_vnd") == expect["amount_vnd"]
    if "failed_article_contains" in expect:
        failed = [c["article"] for c in verdict["checks"] if not c["passed"]]
        assert any(expect["failed_article_contains"] in a for a in failed), failed
    assert verdict["eligible"] == all(c["passed"] for c in verdict["checks"])


@pytest.mark.skipif(not SHARED.exists(), reason="no shared copy beside this checkout")
def test_the_bundled_examples_are_the_shared_ones():
    assert json.loads(BUNDLED.read_text("utf-8")) == json.loads(SHARED.read_text("utf-8"))
