"""Steps the browser journeys share."""


def sign_in(page, base_url: str, email: str, password: str) -> None:
    """Sign in through the real form and land on «Mitt arbeid»."""
    page.goto(f"{base_url}/konto/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(password)
    page.locator("main button[type=submit]:not([form])").click()
    page.wait_for_url("**/mitt/")
