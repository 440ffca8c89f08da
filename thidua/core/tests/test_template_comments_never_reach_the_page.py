"""Django's ``{# … #}`` comment holds on one line only: one that spans lines is printed on the
page as text (a user saw "{# The transitions of the workflow table …" on a dossier). Every
template's multi-line comment must be a ``{% comment %}`` block."""
import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR) / "thidua"
OPEN_WITHOUT_CLOSE = re.compile(r"\{#(?:(?!#\}).)*$", re.MULTILINE)


def test_no_template_has_a_comment_that_spans_lines():
    leaks = []
    for template in sorted(ROOT.rglob("templates/**/*.html")) + sorted(ROOT.rglob("templates/**/*.txt")):
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
            if OPEN_WITHOUT_CLOSE.search(line):
                leaks.append(f"{template.relative_to(ROOT)}:{number}: {line.strip()[:80]}")
    assert leaks == []


def test_the_check_sees_a_comment_that_spans_lines():
    assert OPEN_WITHOUT_CLOSE.search("{# a comment\n") and not OPEN_WITHOUT_CLOSE.search("{# one line #} text")
