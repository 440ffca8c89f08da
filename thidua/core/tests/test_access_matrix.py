"""Every URL of the project, asked by every role, answers what thidua/core/tests/access_matrix.py
says; a role that may not write is refused (403/404/login) and nothing is written — not even a
row that a later rollback would undo. A GET never writes. A URL with no entry in the matrix
fails, so no view ships unreviewed. Clerk B asking for unit A's objects gets 404 (IDOR)."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.db import connection, transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from .access_matrix import LOGIN, MATRIX, REDIRECT, ROLE_NAMES

WRITE_SQL = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)
# Rows a request may write without changing anything a user sees: the session, a token's
# "last used" time (API GETs), a login try (django-axes, the login throttle).
BOOKKEEPING = {"django_session", "exchange_apitoken", "axes_accessattempt", "axes_accesslog",
               "axes_accessfailurelog", "axes_accessattemptexpiration"}


def url_names(resolver=None, namespace=""):
    """{"namespace:name": route} of every URL pattern, recursively (the API's routes included)."""
    resolver = resolver or get_resolver()
    found = {}
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}:{p.namespace}".lstrip(":") if p.namespace else namespace
            for name, route in url_names(p, ns).items():
                found[name] = str(p.pattern) + route
        elif isinstance(p, URLPattern):
            name = f"{namespace}:{p.name}".lstrip(":") if p.name else f"(unnamed) {p.pattern}"
            found[name] = str(p.pattern)
    return found


class Writes:
    """The tables a request writes to (statements seen, whatever becomes of the transaction)."""

    def __init__(self):
        self.tables = []

    def __call__(self, execute, sql, params, many, context):
        match = WRITE_SQL.match(sql)
        if match and match.group(1).lower() not in BOOKKEEPING:
            self.tables.append(match.group(1))
        return execute(sql, params, many, context)


def ask(client, method, url, *, data=None, token=None):
    """(outcome, tables written). Each request runs in a savepoint rolled back afterwards, so one
    role's write never changes what the next role sees."""
    writes = Writes()
    headers = {"HTTP_AUTHORIZATION": token} if token else {}
    with transaction.atomic(), connection.execute_wrapper(writes):
        response = getattr(client, method)(url, data or {}, **headers)
        transaction.set_rollback(True)
    if response.status_code in (301, 302, 303):
        path = urlsplit(response["Location"]).path
        outcome = LOGIN if path == reverse("accounts:login") else REDIRECT
    else:
        outcome = response.status_code
    return outcome, writes.tables


def _url(name, entry, world):
    return reverse(name, kwargs=entry.args(world) if entry.args else None)


def _token(entry, world, role):
    return world.tokens.get(role) if entry.api else None


def test_every_url_pattern_has_an_entry_in_the_matrix():
    names = url_names()
    missing = sorted(f"{name}  ({route})" for name, route in names.items() if name not in MATRIX
                     and not name.startswith("admin:"))
    stale = sorted(set(MATRIX) - set(names))
    assert not missing, "URL patterns without an access-matrix entry (add them to access_matrix.py):\n" + \
        "\n".join(missing)
    assert not stale, "Matrix entries for URLs that no longer exist: " + ", ".join(stale)


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_access_matrix(name, world, clients):
    entry = MATRIX[name]
    url = _url(name, entry, world)
    problems = []
    for role in ROLE_NAMES:
        got, wrote = ask(clients[role], "get", url, token=_token(entry, world, role))
        want = entry.expected_get(role)
        if got != want:
            problems.append(f"GET  {role:9} expected {want}, got {got}")
        if wrote:
            problems.append(f"GET  {role:9} wrote to {sorted(set(wrote))}")
        if entry.api:
            continue
        data = entry.data(world) if entry.data else {}
        got, wrote = ask(clients[role], "post", url, data=data)
        if entry.may_write(role):
            if entry.post_ok is not None:
                if got != entry.post_ok:
                    problems.append(f"POST {role:9} expected {entry.post_ok}, got {got}")
            elif got in (LOGIN, 403, 404, 405) or (isinstance(got, int) and got >= 500):
                problems.append(f"POST {role:9} may write but got {got}")
        elif entry.writes:
            refused = {LOGIN} if role == "anonymous" else {403, 404}
            if role == "clerk_b" and entry.unit_a and entry.may_write("clerk_a"):
                refused = {404}
            if got not in refused:
                problems.append(f"POST {role:9} may not write: expected {'/'.join(map(str, refused))}, got {got}")
            if wrote:
                problems.append(f"POST {role:9} may not write but wrote to {sorted(set(wrote))}")
        else:
            if isinstance(got, int) and got >= 500:
                problems.append(f"POST {role:9} (a page that does not write) got {got}")
            if wrote:
                problems.append(f"POST {role:9} (a page that does not write) wrote to {sorted(set(wrote))}")
    assert not problems, f"{name} ({url}):\n" + "\n".join(problems)


@pytest.mark.parametrize("name", sorted(n for n, e in MATRIX.items() if e.unit_a))
def test_clerk_of_unit_b_gets_404_for_unit_a_objects(name, world, clients):
    entry = MATRIX[name]
    url = _url(name, entry, world)
    # Where no clerk may do it at all (a role gate before the object is read), 403 tells nothing either.
    got, wrote = ask(clients["clerk_b"], "get", url, token=_token(entry, world, "clerk_b"))
    if entry.get_allowed:
        assert got == 404 or (got == 403 and "clerk_a" not in entry.readers), f"GET {url}: {got}"
    assert not wrote
    if not entry.api:
        got, wrote = ask(clients["clerk_b"], "post", url, data=entry.data(world) if entry.data else {})
        assert got == 404 or (got == 403 and not entry.may_write("clerk_a")), f"POST {url}: {got}"
        assert not wrote, f"POST {url} wrote to {wrote}"
    own, _ = ask(clients["clerk_a"], "get", url, token=_token(entry, world, "clerk_a"))
    assert own == entry.expected_get("clerk_a"), f"clerk A's own object: {own}"
