"""A mistyped environment value stops the start-up with its name, never a silent default."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from thidua.env import env_bool, env_int, env_list

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("raw, expected", [("1", True), ("yes", True), (" On ", True), ("0", False),
                                           ("false", False), ("", False)])
def test_a_boolean_is_one_of_the_known_words(monkeypatch, raw, expected):
    monkeypatch.setenv("THIDUA_TEST_FLAG", raw)
    assert env_bool("THIDUA_TEST_FLAG", False) is expected


@pytest.mark.parametrize("raw", ["2", "yes please", "tắt", "null"])
def test_an_unexpected_boolean_is_an_error(monkeypatch, raw):
    monkeypatch.setenv("THIDUA_TEST_FLAG", raw)
    with pytest.raises(ImproperlyConfigured, match="THIDUA_TEST_FLAG"):
        env_bool("THIDUA_TEST_FLAG", False)


def test_a_number_that_is_not_a_number_is_an_error(monkeypatch):
    monkeypatch.setenv("THIDUA_TEST_PORT", "25a")
    with pytest.raises(ImproperlyConfigured, match="THIDUA_TEST_PORT"):
        env_int("THIDUA_TEST_PORT", 25)
    monkeypatch.setenv("THIDUA_TEST_PORT", " 587 ")
    assert env_int("THIDUA_TEST_PORT", 25) == 587


def test_a_list_drops_blanks(monkeypatch):
    monkeypatch.setenv("THIDUA_TEST_LIST", "a.vn, ,b.vn,")
    assert env_list("THIDUA_TEST_LIST") == ["a.vn", "b.vn"]


def test_the_development_settings_refuse_a_mistyped_debug_flag():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "thidua.settings", "DJANGO_DEBUG": "có"}
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode != 0 and "DJANGO_DEBUG='có'" in result.stderr
