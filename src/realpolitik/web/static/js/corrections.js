// Corrections: every analyst decision (newest first) with undo, and forms for new ones.
import { get } from "./api.js";
import { el, option } from "./dom.js";
import { decide, undo } from "./correct.js";

function describe(d) {
  if (d.kind === "reject") return `reject ${d.target}`;
  if (d.kind === "merge") return `merge ${d.target} into ${d.value}`;
  return `${d.target} is really ${d.value}` + (d.scope && d.scope !== "*" ? ` in ${d.scope.slice(0, 19)}…` : " everywhere");
}

export async function render(root) {
  const [decisions, actorsPage] = await Promise.all([get("/corrections"), get("/actors", { limit: 1000 })]);
  const actors = [...actorsPage.items].sort((a, b) => a.name.localeCompare(b.name));
  const actorSelect = (id) => el("select", { id }, option("", "actor…"), actors.map((a) => option(a.id, `${a.name} (${a.id})`)));

  const rejectKind = el("select", { id: "reject-kind" }, ["event", "claim", "quantity"].map((k) => option(k, k)));
  const rejectId = el("input", { id: "reject-id", placeholder: "id, e.g. ev-…" });
  const fixFrom = actorSelect("fix-from");
  const fixTo = actorSelect("fix-to");
  const mergeFrom = actorSelect("merge-from");
  const mergeInto = actorSelect("merge-into");
  const note = el("input", { id: "correction-note", placeholder: "note (optional)" });
  const n = () => note.value.trim() || null;
  root.append(el("h2", {}, "Corrections"),
    el("p", { class: "muted" }, "Decisions are kept beside the machine output, attributed to the token's name, and can be undone. ",
      "Every view and export applies them."),
    el("div", { class: "forms" },
      el("div", { class: "row" }, "Reject ", rejectKind, " ", rejectId, " ",
        el("button", { type: "button", onclick: () => rejectId.value.trim() &&
          decide({ kind: "reject", target: `${rejectKind.value}:${rejectId.value.trim()}`, note: n() }) }, "Reject")),
      el("div", { class: "row" }, "Fix actor ", fixFrom, " → really ", fixTo, " ",
        el("button", { type: "button", onclick: () => fixFrom.value && fixTo.value &&
          decide({ kind: "resolve", target: fixFrom.value, value: fixTo.value, note: n() }) }, "Fix everywhere")),
      el("div", { class: "row" }, "Merge ", mergeFrom, " into ", mergeInto, " ",
        el("button", { type: "button", onclick: () => mergeFrom.value && mergeInto.value &&
          decide({ kind: "merge", target: mergeFrom.value, value: mergeInto.value, note: n() }) }, "Merge")),
      el("div", { class: "row" }, note)));

  const rows = [...decisions].reverse().map((d) => el("tr", { class: d.undone_at ? "undone" : null, dataset: { id: d.id } },
    el("td", { class: "num" }, "#" + d.id),
    el("td", {}, d.kind),
    el("td", {}, describe(d)),
    el("td", {}, d.analyst || ""),
    el("td", {}, (d.created_at || "").replace("T", " ").slice(0, 19)),
    el("td", {}, d.note || ""),
    el("td", {}, d.undone_at ? `undone by ${d.undone_by || "?"}`
      : el("button", { type: "button", class: "undo", onclick: () => undo(d.id) }, "Undo"))));
  root.append(el("table", { class: "grid", id: "corrections-table" },
    el("thead", {}, el("tr", {}, ["", "kind", "decision", "analyst", "when", "note", ""].map((h) => el("th", {}, h)))),
    el("tbody", {}, rows)));
  if (!decisions.length) root.append(el("p", { class: "empty" }, "No corrections yet."));
}
