"""Security issue #22, hole 2, on a live server: a restore while the server runs must not
leave it writing audit rows that name the wrong record type.

The server's workers cache content-type ids. Here the live server runs in this process, so the
test puts back, after the restore, the cache a separate worker process would still hold."""
import copy
import io

import lxml.html
import pytest
import requests
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command

from thidua.conftest import DEMO_PASSWORD
from thidua.core.models import AuditEntry
from thidua.org.models import Person

from .content_types import shift_content_type_ids


def _login(base: str, username: str) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{base}/tai-khoan/dang-nhap/")
    token = lxml.html.fromstring(page.text).xpath("//input[@name='csrfmiddlewaretoken']/@value")[0]
    response = session.post(f"{base}/tai-khoan/dang-nhap/", data={
        "csrfmiddlewaretoken": token, "username": username, "password": DEMO_PASSWORD},
        headers={"Referer": f"{base}/tai-khoan/dang-nhap/"})
    assert response.ok and "dang-nhap" not in response.url
    return session


def _edit_note(session: requests.Session, base: str, person: Person, note: str):
    url = f"{base}/ca-nhan/{person.pk}/sua/"
    page = session.get(url)
    form = next(f for f in lxml.html.fromstring(page.text).forms if "note" in f.fields)
    values = dict(form.form_values())
    values["note"] = note
    return session.post(url, data=values, headers={"Referer": url}, allow_redirects=False)


@pytest.fixture
def isolated(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.THIDUA_MAINTENANCE_FILE = str(tmp_path / "bao-tri.json")
    yield tmp_path
    ContentType.objects.clear_cache()


@pytest.mark.long
def test_audit_rows_written_through_a_running_server_after_a_restore_name_the_right_record(live_demo, isolated):
    base = live_demo.url
    shift_content_type_ids(7)  # the ids of an instance that grew over the years
    person = Person.objects.get(full_name="Nguyễn Thị Mai")
    session = _login(base, "canbotdkt")
    assert _edit_note(session, base, person, "Trước khi sao lưu").status_code == 302  # the worker caches ids
    archive = isolated / "sao-luu.zip"
    call_command("backup", str(archive), stdout=io.StringIO())
    assert _edit_note(session, base, person, "Sau khi sao lưu").status_code == 302

    with pytest.raises(CommandError, match="bảo trì"):  # not while the server serves users
        call_command("restore", str(archive), "--yes", stdout=io.StringIO())

    worker_cache = copy.deepcopy(ContentType.objects._cache)
    call_command("maintenance", "on", stdout=io.StringIO())
    during = requests.get(f"{base}/", cookies=session.cookies)
    assert during.status_code == 503 and "Hệ thống đang bảo trì" in during.text
    call_command("restore", str(archive), "--yes", stdout=io.StringIO())
    ContentType.objects._cache = worker_cache  # what a separate worker process still holds
    call_command("maintenance", "off", stdout=io.StringIO())

    session = _login(base, "canbotdkt")  # sessions are not part of a backup
    for note in ("Sau khi khôi phục 1", "Sau khi khôi phục 2"):
        assert _edit_note(session, base, person, note).status_code == 302
    person.refresh_from_db()
    assert person.note == "Sau khi khôi phục 2"
    latest = list(AuditEntry.objects.select_related("content_type").order_by("-id")[:2])
    assert [(e.content_type.model, e.object_id) for e in latest] == [("person", str(person.pk))] * 2
    assert all(e.after["note"] == n for e, n in zip(latest, ("Sau khi khôi phục 2", "Sau khi khôi phục 1")))
    out = io.StringIO()
    call_command("verify_chain", stdout=out)
    assert "toàn vẹn" in out.getvalue()
