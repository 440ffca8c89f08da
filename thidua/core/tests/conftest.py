"""Fixtures of the whole-project tests (access matrix, hostile input on every form)."""
from __future__ import annotations

import os

import pytest
from django.db import transaction
from django.test import Client, override_settings

from .access_world import ROLES, build_world


def ensure_demo() -> None:
    from django.core.management import call_command

    from thidua.accounts.models import User

    if not User.objects.filter(username__in=[u for u in ROLES.values() if u]).exists():
        call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once for the module inside a transaction rolled back at its end."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        with transaction.atomic():
            ensure_demo()  # a live-server test before this module flushed the database
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
