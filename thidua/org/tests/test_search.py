import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["nguyen thi mai", "Nguyễn Thị Mai", "NGUYEN  THI   MAI", "thi mai"])
def test_search_finds_a_person_with_or_without_diacritics(client_as, query):
    html = client_as("canbotdkt").get("/tim-kiem/", {"q": query}).content.decode()
    assert "Nguyễn Thị Mai" in html
    assert "Trường Mầm non Hồng Phong" in html


def test_search_finds_units_without_diacritics(client_as):
    html = client_as("canbotdkt").get("/tim-kiem/", {"q": "cong an chi lang"}).content.decode()
    assert "Công an xã Chi Lăng Nam (cũ)" in html


def test_empty_and_unmatched_queries_say_so(client_as):
    client = client_as("canbotdkt")
    assert client.get("/tim-kiem/", {"q": ""}).status_code == 200
    assert "Không tìm thấy cá nhân nào." in client.get("/tim-kiem/", {"q": "zzzz"}).content.decode()


def test_search_query_count_does_not_grow_with_results(client_as, django_assert_max_num_queries):
    client = client_as("canbotdkt")
    with django_assert_max_num_queries(9):
        client.get("/tim-kiem/", {"q": "nguyen"})
