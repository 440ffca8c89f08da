"""Every list of records a page offers in a <select> is in Vietnamese alphabetical order (ICU):
"Thôn Lại Xá" before "Thôn Lưu Xá", "Đ" after "D", "Ngô" before "Nguyễn"; people by given name
(issue #16, item 6). Opens every page of the access matrix as the officer and as a clerk.

A select of records is one whose options carry record ids; selects of codes (ratings, states,
years, roles) keep the order of their meaning and are not judged here."""
from __future__ import annotations

import html as htmllib
import re

import pytest
from django.urls import reverse

from thidua.core.text import collation_key, given_name_key

from .access_matrix import MATRIX

SELECT = re.compile(r"<select\b([^>]*)>(.*?)</select>", re.S)
OPTION = re.compile(r'<option value="([^"]*)"[^>]*>(.*?)</option>', re.S)


def _in_order(labels: list[str]) -> bool:
    """In Vietnamese order of the labels, or — people — of their names by given name (a label
    may add the position after " — ")."""
    names = [label.split(" — ")[0] for label in labels]
    return labels == sorted(labels, key=collation_key) or names == sorted(names, key=given_name_key)


def record_selects(page: str) -> list[tuple[str, list[str]]]:
    found = []
    for attrs, body in SELECT.findall(page):
        options = [(value, htmllib.unescape(re.sub(r"<[^>]+>", "", label)).strip())
                   for value, label in OPTION.findall(body)]
        records = [label for value, label in options if value.isdigit()]
        if len(records) < 2 or all(label.isdigit() for label in records):
            continue  # not a list of records (years, or a single choice)
        if len(records) != len([v for v, _ in options if v]):
            continue  # codes mixed in: a select of meanings, not of records
        name = re.search(r'name="([^"]+)"', attrs)
        found.append((name.group(1) if name else "?", records))
    return found


@pytest.mark.parametrize("role", ["officer", "clerk_a"])
def test_every_select_of_records_on_every_page_is_in_vietnamese_order(world, clients, role):
    client = clients[role]
    wrong = []
    for name, entry in MATRIX.items():
        if entry.api or not entry.get_allowed or entry.expected_get(role) != 200:
            continue
        url = reverse(name, kwargs=entry.args(world) if entry.args else None)
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for select, labels in record_selects(response.content.decode()):
            if not _in_order(labels):
                first = next(i for i, (a, b) in enumerate(zip(labels, sorted(labels, key=collation_key))) if a != b)
                wrong.append(f"{url} <select name={select}>: … {labels[max(0, first - 1):first + 2]} …")
    assert not wrong, "selects not in Vietnamese order:\n" + "\n".join(wrong)
