"""The province-level rows of the access matrix (``province:*``, ``provinceoffice:*``,
``clusters:*``) asked by the city's own office officer (access_world: ``so_tdkt_ma_tran``,
whose scope unit is the city): she reads what ``province`` says she reads, writes where it says
"write", and is refused elsewhere with nothing written. The commune roles of the same rows are
test_access_matrix.py's."""
from __future__ import annotations

import pytest
from django.test import Client

from .access_matrix import LOGIN, MATRIX
from .test_access_matrix import _url, ask

PREFIXES = ("province:", "provinceoffice:", "clusters:")
ROWS = sorted(n for n in MATRIX if n.startswith(PREFIXES))


def test_every_province_level_row_says_what_the_citys_officer_may_do():
    assert ROWS and all(MATRIX[n].province is not None for n in ROWS), \
        [n for n in ROWS if MATRIX[n].province is None]


@pytest.mark.parametrize("name", ROWS)
def test_the_citys_office_officer(name, world, db):
    entry = MATRIX[name]
    url = _url(name, entry, world)
    client = Client()
    client.force_login(world.province_officer)
    reads = entry.province in ("read", "write")
    problems = []
    got, wrote = ask(client, "get", url)
    want = (entry.ok if reads else entry.province) if entry.get_allowed else 405
    if got != want:
        problems.append(f"GET  expected {want}, got {got}")
    if wrote:
        problems.append(f"GET  wrote to {sorted(set(wrote))}")
    data = entry.data(world) if entry.data else {}
    got, wrote = ask(client, "post", url, data=data)
    if entry.province == "write":
        if got in (LOGIN, 403, 404, 405) or (isinstance(got, int) and got >= 500):
            problems.append(f"POST may write but got {got}")
    elif entry.writes:
        if got not in (403, 404):
            problems.append(f"POST may not write: expected 403/404, got {got}")
        if wrote:
            problems.append(f"POST may not write but wrote to {sorted(set(wrote))}")
    elif isinstance(got, int) and got >= 500 or wrote:
        problems.append(f"POST (a page that does not write) got {got}, wrote {sorted(set(wrote))}")
    assert not problems, f"{name} ({url}):\n" + "\n".join(problems)
