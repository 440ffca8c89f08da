"""A reader of PostgreSQL's raw pages cannot tie a ballot to its voter.

Every row version PostgreSQL writes carries ``xmin``, the id of the transaction that wrote it,
and old (dead) versions stay in the page until vacuum. ``pageinspect`` shows them all. A ballot
written in the same transaction as its voter's ``Participation`` row would carry that
participation's ``xmin``: the probe of issue #22 linked every ballot to its voter this way.
Here the members vote one by one (each vote its own committed transaction, as in the
application), the meeting closes, and no ballot row version — live or dead — carries the
``xmin`` of any participation row.
"""
import pytest
from django.db import connection, connections, transaction

from thidua.proposals import services
from thidua.proposals.models import Ballot, Nomination, Participation

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="reads PostgreSQL's raw heap pages (pageinspect)"),
]


@pytest.fixture
def flow(live_demo, demo_user, settings, tmp_path):
    from thidua.proposals.tests.conftest import Flow

    settings.MEDIA_ROOT = tmp_path
    return Flow(demo_user)


@pytest.fixture
def pageinspect():
    with connection.cursor() as cursor:
        try:
            with transaction.atomic():
                cursor.execute("CREATE EXTENSION IF NOT EXISTS pageinspect")
        except Exception as exc:  # noqa: BLE001 — not a superuser: the probe cannot run here
            pytest.skip(f"pageinspect is not available: {exc}")


def raw_xmins(table: str) -> set[str]:
    """The xmin of every row version in the table's heap pages, dead or alive."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_relation_size(%s) / current_setting('block_size')::int", [table])
        blocks = cursor.fetchone()[0]
        xmins = set()
        for block in range(blocks):
            cursor.execute("SELECT t_xmin::text FROM heap_page_items(get_raw_page(%s, %s)) "
                           "WHERE t_xmin IS NOT NULL", [table, block])
            xmins.update(row[0] for row in cursor.fetchall())
    return xmins


def test_no_ballot_row_version_carries_the_transaction_of_a_voters_participation(flow, demo_user, pageinspect):
    dossier = flow.open_vote(nominees=[("Nguyễn Thị Mai", "LDTT"), ("Bùi Thị Thu", "LDTT")])
    nominations = [n for n in dossier.nominations.all() if n.goes_to_council]
    assert len(nominations) == 2
    choices = {"chutich": "yes", "phochutich": "no", "hoidong": "yes", "canbotdkt": "yes"}
    for username, choice in choices.items():  # one ballot paper each, both nominees on it
        services.cast_paper(actor=demo_user(username), meeting=dossier.meeting,
                            choices={n.pk: choice for n in nominations})
    assert not connection.in_atomic_block  # each vote was its own committed transaction
    # Mid-vote: a reader of the raw pages finds no ballot written by a voter's transaction.
    ours = [n.pk for n in nominations]
    with connection.cursor() as cursor:
        cursor.execute("SELECT DISTINCT xmin::text FROM proposals_participation WHERE nomination_id = ANY(%s)", [ours])
        voters = {row[0] for row in cursor.fetchall()}
    assert len(voters) == len(choices)  # one transaction per paper
    assert not raw_xmins(Ballot._meta.db_table) & voters

    services.close_meeting(actor=flow.officer, meeting=dossier.meeting)
    connections.close_all()
    ballot_xmins = raw_xmins(Ballot._meta.db_table)
    assert ballot_xmins, "the ballots were stored"
    assert not ballot_xmins & voters, "a ballot row version was written in a voter's transaction"
    assert not ballot_xmins & raw_xmins(Participation._meta.db_table) - _demo_xmins(ours)
    # The count is unchanged: 3 of 4 for each nomination.
    for nomination in Nomination.objects.filter(pk__in=ours):
        assert (nomination.tally["yes"], nomination.tally["no"]) == (3, 1)
        assert Ballot.objects.filter(nomination=nomination).count() == 4


def _demo_xmins(ours) -> set[str]:
    """xmins of the demo commune's own participation rows (loaded before this test)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT DISTINCT xmin::text FROM proposals_participation WHERE NOT nomination_id = ANY(%s)",
                       [ours])
        return {row[0] for row in cursor.fetchall()}
