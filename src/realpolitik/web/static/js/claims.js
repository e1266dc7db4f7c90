// Claims ledger: who claims what and how surely, filterable, each row linked to its evidence.
import { get } from "./api.js";
import { el, excerpt, option } from "./dom.js";
import { go, link } from "./nav.js";

const STATUSES = ["asserted", "reported", "alleged", "unverified", "hedged", "denied"];
const PAGE = 50;

export async function render(root, { params }) {
  const filters = { status: params.get("status") || "", source: params.get("source") || "",
    doc: params.get("doc") || "" };
  const offset = Number(params.get("offset")) || 0;
  const status = el("select", { id: "claims-status" }, option("", "any status"),
    STATUSES.map((s) => option(s, s, s === filters.status)));
  const source = el("input", { id: "claims-source", type: "search", value: filters.source,
    placeholder: "source: actor id, name or 'said by' text" });
  const text = el("input", { id: "claims-text", type: "search", placeholder: "filter this page by text" });
  const submit = () => go("claims", [], { status: status.value, source: source.value.trim(), doc: filters.doc });
  status.addEventListener("change", submit);
  source.addEventListener("keydown", (ev) => { if (ev.key === "Enter") submit(); });
  root.append(el("h2", {}, "Claims ledger"),
    el("div", { class: "controls" }, status, " ", source, " ", el("button", { type: "button", onclick: submit }, "Filter"),
      " ", text, filters.doc ? el("span", { class: "muted" }, " (one document)") : null));

  const page = await get("/claims", { ...filters, limit: PAGE, offset });
  const body = el("tbody", {});
  const rows = page.items.map((c) => {
    const tr = el("tr", { class: "claim-row", dataset: { status: c.status } },
      el("td", {}, c.published || ""),
      el("td", {}, c.publisher || ""),
      el("td", {}, c.source_text || c.source || "?", c.source && c.source_text ? el("div", { class: "muted small" }, c.source) : null),
      el("td", {}, el("span", { class: "badge claim-" + c.status }, c.status)),
      el("td", { class: "claim-text" }, excerpt(c.text, 300)),
      el("td", {}, el("a", { class: "evidence-link", href: link("doc", [c.doc], { focus: "claim:" + c.id }) }, "evidence")));
    tr.dataset.text = (c.text || "").toLowerCase();
    return tr;
  });
  body.append(...rows);
  text.addEventListener("input", () => {
    const q = text.value.trim().toLowerCase();
    for (const tr of rows) tr.hidden = q !== "" && !tr.dataset.text.includes(q);
  });
  root.append(el("table", { class: "grid", id: "claims-table" },
    el("thead", {}, el("tr", {}, ["published", "publisher", "source", "status", "claim", ""].map((h) => el("th", {}, h)))),
    body));
  if (!page.items.length) root.append(el("p", { class: "empty" }, "No claims match."));
  const nav = el("div", { class: "pager" });
  if (offset > 0) nav.append(el("a", { href: link("claims", [], { ...filters, offset: Math.max(0, offset - PAGE) }) }, "← previous"), " ");
  if (page.next_offset !== null) nav.append(el("a", { href: link("claims", [], { ...filters, offset: page.next_offset }) }, "next →"));
  root.append(nav);
}
