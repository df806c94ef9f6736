// Small enhancements only: every page works without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  // Move focus to the error summary so keyboard and screen-reader users hear the errors first.
  const summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
    // A link in the summary puts the cursor in the field it names (for a group of boxes,
    // the first of them), not only scrolls to it.
    summary.addEventListener("click", (event) => {
      const link = event.target.closest("a[href^='#']");
      const target = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!target) return;
      const field = target.matches("input, select, textarea, button")
        ? target
        : target.querySelector("input:not([type=hidden]), select, textarea");
      if (field) {
        event.preventDefault();
        target.scrollIntoView({ block: "center" });
        field.focus();
      }
    });
  }
});

// When htmx replaces part of a page, say what changed: the new text of the elements marked
// data-announce (a count, and a corrected search) goes into the page's live region, which
// stays in place and is read out.
document.addEventListener("htmx:afterSettle", () => {
  const sources = Array.from(document.querySelectorAll("[data-announce]"));
  const region = document.getElementById("live-announcer");
  if (sources.length && region) {
    const text = sources.map((source) => source.textContent.trim()).join(" ");
    region.textContent = "";
    window.setTimeout(() => { region.textContent = text; }, 50);
  }
});

// A folded part the person opened (data-keep-open, with an id) stays open when htmx replaces
// it: the filters on a phone, while ticking one box after another.
document.addEventListener("htmx:beforeSwap", (event) => {
  if (typeof event.detail.serverResponse !== "string") return;
  document.querySelectorAll("details[data-keep-open][open][id]").forEach((details) => {
    event.detail.serverResponse = event.detail.serverResponse.replace(
      `id="${details.id}"`, `id="${details.id}" open`);
  });
});

// Wide screens show the menu and the filters open: CSS does it where ::details-content is
// known, this opens them elsewhere (folded, they still work there).
if (!CSS.supports("selector(::details-content)")) {
  [[".site-menu", "64.01rem"], [".overview__more", "48.01rem"]].forEach(([selector, width]) => {
    const wide = window.matchMedia(`(min-width: ${width})`);
    const follow = () => document.querySelectorAll(selector).forEach((d) => { d.open = wide.matches; });
    follow();
    wide.addEventListener("change", follow);
  });
}
