import pytest

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_json_once_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_static_assets_are_served_by_the_app(client):
    # Offline intranet: no CDN, the app serves its own CSS and htmx.
    for asset in ("/static/thidua/app.css", "/static/thidua/htmx.min.js"):
        response = client.get(asset)
        assert response.status_code == 200, asset


def test_pages_reference_no_external_hosts(client_as):
    html = client_as("canbotdkt").get("/").content.decode()
    assert "http://" not in html and "https://" not in html
