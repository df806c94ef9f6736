// The measure form: tick the ministries a sector suggests (and a state agency's owning
// ministry) on a new measure, and say which ones are suggested. Never unticks a choice.
document.addEventListener("DOMContentLoaded", () => {
  const data = document.getElementById("ministry-suggestions");
  const hint = document.getElementById("ministry-suggestion");
  const sector = document.querySelector("select[name=sector]");
  if (!data || !hint || !sector) return;
  const { sectors, owners, tick } = JSON.parse(data.textContent);
  const boxes = Array.from(document.querySelectorAll("input[name=responsible_ministries]"));
  const labelOf = (box) => document.querySelector(`label[for="${box.id}"]`)?.textContent.trim();
  const suggest = (ids) => {
    const chosen = boxes.filter((box) => ids.includes(Number(box.value)));
    if (tick) chosen.forEach((box) => { box.checked = true; });
    return chosen.map(labelOf);
  };
  sector.addEventListener("change", () => {
    const names = suggest(sectors[sector.value] || []);
    const label = sector.options[sector.selectedIndex].text;
    hint.textContent = names.length
      ? hint.dataset.template.replace("%(sector)s", label).replace("%(ministries)s", names.join(", "))
      : "";
  });
  const owner = document.querySelector("select[name=organisation]");
  if (owner) owner.addEventListener("change", () => suggest([owners[owner.value]]));
});
