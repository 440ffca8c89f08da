"""Browser-test helpers (Playwright)."""


def sign_in(page, url: str, username: str, password: str):
    """Sign in through the real login form at ``url`` and land on the home page."""
    page.context.clear_cookies()
    page.goto(f"{url}/tai-khoan/dang-nhap/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/")
    return page
