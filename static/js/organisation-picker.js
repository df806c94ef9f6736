// Organisation pickers: a multi-select (which works without JavaScript) becomes an ARIA 1.2
// combobox that searches as you type (the server matches names, short names and parallel
// Sami names), with the chosen organisations as removable chips. The select stays in the
// form, hidden, and carries the choice.
(() => {
  const texts = document.getElementById("organisation-picker-texts");
  if (!texts) return;
  const t = texts.dataset;
  const format = (template, values) =>
    template.replace(/%\((\w+)\)s/g, (_m, key) => values[key] ?? "");

  function enhance(select) {
    const id = select.id;
    const label = document.querySelector(`label[for="${id}"]`);
    const input = document.createElement("input");
    const listbox = document.createElement("ul");
    const chips = document.createElement("ul");
    const status = document.createElement("p");
    const hint = document.createElement("p");
    const name = label ? label.textContent.trim() : "";
    let results = [];
    let active = -1;
    let timer = null;
    let asked = 0;

    input.type = "text";
    input.id = `${id}_search`;
    input.className = "ds-input";
    input.autocomplete = "off";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", `${id}_listbox`);
    hint.id = `${id}_pickerhint`;
    hint.className = "ds-paragraph field-help";
    hint.dataset.size = "sm";
    hint.textContent = t.hint;
    const described = [hint.id, select.getAttribute("aria-describedby")].filter(Boolean);
    input.setAttribute("aria-describedby", described.join(" "));
    listbox.id = `${id}_listbox`;
    listbox.className = "organisation-picker__results";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", name);
    listbox.hidden = true;
    chips.className = "organisation-picker__chips ds-list--unstyled";
    chips.setAttribute("aria-label", format(t.chosen, { label: name }));
    status.className = "ds-sr-only";
    status.setAttribute("role", "status");
    if (label) label.htmlFor = input.id;

    const wrapper = document.createElement("div");
    wrapper.className = "organisation-picker";
    select.after(wrapper);
    wrapper.append(hint, chips, input, listbox, status);
    select.hidden = true;
    // the select's help on Ctrl-clicking gives way to the hint above
    select.closest(".form-field")?.querySelector("[data-without-script]")?.remove();

    const say = (message) => {
      status.textContent = "";
      window.setTimeout(() => { status.textContent = message; }, 50);
    };

    function drawChips() {
      chips.replaceChildren();
      for (const option of select.selectedOptions) {
        const item = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.className = "ds-chip";
        button.dataset.removable = "";
        button.dataset.value = option.value;
        button.textContent = option.text;
        button.setAttribute("aria-label", format(t.remove, { name: option.text }));
        item.append(button);
        chips.append(item);
      }
      chips.hidden = chips.children.length === 0;
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      const options = listbox.querySelectorAll("[role=option]");
      if (!options.length) return;
      active = (index + options.length) % options.length;
      options.forEach((option, i) => option.classList.toggle("is-active", i === active));
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    }

    function draw(count) {
      listbox.replaceChildren();
      results.forEach((result, index) => {
        const option = document.createElement("li");
        const chosen = Array.from(select.selectedOptions).some((o) => o.value === String(result.id));
        option.id = `${id}_option_${result.id}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", chosen ? "true" : "false");
        option.textContent = result.also ? `${result.name} (${result.also})` : result.name;
        option.addEventListener("mousedown", (event) => event.preventDefault());
        option.addEventListener("click", () => choose(index));
        listbox.append(option);
      });
      listbox.hidden = results.length === 0;
      input.setAttribute("aria-expanded", results.length ? "true" : "false");
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (count === 0) say(t.none);
      else if (count === 1) say(t.one);
      else say(format(t.many, { count }));
    }

    async function lookUp() {
      const text = input.value.trim();
      if (!text) { close(); return; }
      const ask = ++asked;
      const url = `${t.url}?q=${encodeURIComponent(text)}`;
      try {
        const response = await fetch(url, { headers: { Accept: "application/json" } });
        if (!response.ok || ask !== asked) return;
        const data = await response.json();
        results = data.results.filter((r) => select.querySelector(`option[value="${r.id}"]`));
        draw(data.count);
      } catch {
        // offline or the server failed: the list stays as it was
      }
    }

    function choose(index) {
      const result = results[index];
      if (!result) return;
      const option = select.querySelector(`option[value="${result.id}"]`);
      if (option && !option.selected) {
        option.selected = true;
        drawChips();
        say(format(t.added, { name: option.text }));
      }
      input.value = "";
      results = [];
      close();
      input.focus();
    }

    input.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(lookUp, 200);
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (listbox.hidden && results.length) {
          listbox.hidden = false;
          input.setAttribute("aria-expanded", "true");
        }
        highlight(event.key === "ArrowDown" ? active + 1 : active - 1);
      } else if (event.key === "Enter") {
        event.preventDefault();  // Enter in the search chooses; it never sends the form
        if (active >= 0 && !listbox.hidden) choose(active);
      } else if (event.key === "Escape") {
        if (!listbox.hidden) { event.preventDefault(); close(); } else { input.value = ""; }
      } else if (event.key === "Tab") {
        close();
      }
    });
    input.addEventListener("blur", () => window.setTimeout(close, 150));
    chips.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-value]");
      if (!button) return;
      const option = select.querySelector(`option[value="${button.dataset.value}"]`);
      if (option) option.selected = false;
      drawChips();
      say(format(t.removed, { name: option ? option.text : "" }));
      input.focus();
    });
    drawChips();
  }

  document.querySelectorAll("select[data-organisation-picker]").forEach(enhance);
})();
