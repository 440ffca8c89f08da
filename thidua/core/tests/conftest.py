"""Fixtures of the whole-project tests (access matrix, hostile input on every form)."""
from __future__ import annotations

import pytest
from django.db import transaction
from django.test import Client, override_settings

from .access_world import ROLES, build_world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once for the module inside a transaction rolled back at its end."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        with transaction.atomic():
            yield build_world()
            transaction.set_rollback(True)


@pytest.fixture
def clients(world, db):
    result = {}
    for role, username in ROLES.items():
        client = Client()
        if username:
            client.force_login(world.users[role])
        result[role] = client
    return result
