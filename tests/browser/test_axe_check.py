"""The axe helper must be able to fail: a page with known violations is reported."""

import pytest


@pytest.mark.browser
def test_axe_reports_violations_on_a_broken_page(new_page, axe_check):
    page = new_page()
    page.set_content('<html><body><img src="x.png"><input type="text"></body></html>')
    with pytest.raises(AssertionError, match="image-alt"):
        axe_check(page, "deliberately broken")
