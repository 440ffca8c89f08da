import pytest


@pytest.fixture
def token_for(demo_user):
    """token_for("vanthu_mnhp") -> the Authorization header value of a fresh API token."""
    from thidua.exchange import services

    def make(username: str) -> str:
        _token, key = services.create_token(actor=demo_user(username), name="kiểm thử")
        return f"Bearer {key}"

    return make
