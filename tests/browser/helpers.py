"""Steps the browser journeys share."""


def sign_in(page, base_url: str, email: str, password: str) -> None:
    """Sign in through the real form and land on «Mitt arbeid»."""
    page.goto(f"{base_url}/konto/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(password)
    page.locator("main button[type=submit]:not([form])").click()
    page.wait_for_url("**/mitt/")


# WCAG 1.4.10 (reflow) at a phone's width: what a page does wrong, as sentences (none: fine).
# The page must not scroll sideways (tables scroll inside their own box), the header must take
# less than a third of the screen, no heading or fold's summary may be wider than its box, and
# no heading may break a word over two lines (breaks at spaces, hyphens and slashes are fine).
REFLOW_PROBLEMS = r"""() => {
  const problems = [];
  const width = document.documentElement.scrollWidth;
  if (width > window.innerWidth) problems.push(`the page is ${width} px wide`);
  const header = document.querySelector('.site-header');
  const height = header ? header.getBoundingClientRect().height : 0;
  if (height >= window.innerHeight / 3) {
    problems.push(`the header is ${Math.round(height)} px of ${window.innerHeight} px high`);
  }
  for (const summary of document.querySelectorAll('summary')) {
    if (!summary.getClientRects().length) continue;
    if (summary.scrollWidth > summary.clientWidth + 1) {
      problems.push(`the summary «${summary.textContent.trim()}» is wider than its box`);
    }
  }
  for (const heading of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    if (!heading.getClientRects().length || heading.closest('.ds-sr-only')) continue;
    const text = heading.textContent.trim().replace(/\s+/g, ' ');
    if (heading.scrollWidth > heading.clientWidth + 1) {
      problems.push(`the heading «${text}» is wider than its box`);
    }
    const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/[^\s\-\u2010\u2013\u2014\/]+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
        if (lines.size > 1) problems.push(`the heading «${text}» breaks the word «${word[0]}»`);
      }
    }
  }
  return problems;
}"""
PHONE = {"width": 320, "height": 568}


def reflow_problems(page, viewport: dict | None = None) -> list[str]:
    """The page's reflow problems at a phone's width; the viewport is put back afterwards."""
    before = page.viewport_size
    page.set_viewport_size(viewport or PHONE)
    try:
        return page.evaluate(REFLOW_PROBLEMS)
    finally:
        page.set_viewport_size(before)
