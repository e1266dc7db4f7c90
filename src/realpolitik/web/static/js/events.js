// Events table: every event with facets (type, actor, date range, claim status, publisher) whose
// options count what each choice would show, paging, and a CSV download of exactly this view.
import { download, get } from "./api.js";
import { el, excerpt, option } from "./dom.js";
import { fail, go, link, status } from "./nav.js";

const PAGE = 100;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
export const FILTERS = ["type", "actor", "since", "until", "status", "publisher"];

export async function render(root, { params }) {
  const filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) || ""]));
  const offset = Number(params.get("offset")) || 0;
  const [facets, page] = await Promise.all([get("/events/facets", filters), get("/events", { ...filters, limit: PAGE, offset })]);
  const apply = (changes) => go("events", [], { ...filters, ...changes, offset: "" });

  const facet = (id, label, entries, current) => {
    const known = entries.some(([v]) => v === current);
    return el("label", { class: "facet" }, label + " ",
      el("select", { id: "events-" + id, onchange: (ev) => apply({ [id]: ev.target.value }) },
        option("", "any"),
        entries.map(([v, text, n]) => option(v, `${text} (${n})`, v === current)),
        current && !known ? option(current, `${current} (0)`, true) : null));
  };
  const since = el("input", { id: "events-since", type: "text", size: 11, value: filters.since, placeholder: "YYYY[-MM[-DD]]" });
  const until = el("input", { id: "events-until", type: "text", size: 11, value: filters.until, placeholder: "YYYY[-MM[-DD]]" });
  const dates = el("form", { class: "inline", id: "events-dates", onsubmit: (ev) => {
    ev.preventDefault();
    const bad = [since, until].find((x) => x.value.trim() && !DATE.test(x.value.trim()));
    if (bad) { status(`"${bad.value}" is not a date: give YYYY, YYYY-MM or YYYY-MM-DD`, "error"); return; }
    apply({ since: since.value.trim(), until: until.value.trim() });
  } }, el("label", {}, "from ", since), " ", el("label", {}, "to ", until), " ", el("button", { type: "submit" }, "Apply"));
  const csv = el("button", { type: "button", id: "events-csv", onclick: async () => {
    try {
      const name = await download("/events.csv", filters, "realpolitik-events.csv");
      status(`Downloaded ${facets.total} events as ${name}.`, "ok");
    } catch (err) { fail(err); }
  } }, `Download CSV (${facets.total})`);
  const active = FILTERS.filter((k) => filters[k]);
  root.append(el("h2", {}, "Events"),
    el("div", { class: "controls facets", id: "events-facets" },
      facet("type", "type", Object.entries(facets.type).map(([t, n]) => [t, t, n]), filters.type),
      facet("actor", "actor", facets.actor.map((a) => [a.id, `${a.name} (${a.id})`, a.events]), filters.actor),
      facet("status", "status", Object.entries(facets.status).map(([s, n]) => [s, s, n]), filters.status),
      facet("publisher", "publisher", Object.entries(facets.publisher).map(([p, n]) => [p, excerpt(p, 60), n]), filters.publisher),
      dates),
    el("div", { class: "controls" },
      el("span", { id: "events-count" }, `${facets.total} event${facets.total === 1 ? "" : "s"}`),
      facets.first ? el("span", { class: "muted" }, ` dated ${facets.first} to ${facets.last}`) : null, " ",
      csv, " ",
      active.length ? el("a", { href: link("events"), id: "events-clear" }, "clear filters") : null));

  const rows = page.items.map((e) => el("tr", { class: "event-row", dataset: { id: e.id, type: e.type, status: e.status } },
    el("td", { class: "date" }, e.dated || "undated"),
    el("td", {}, el("span", { class: "type" }, e.type), e.cameo ? el("div", { class: "muted small" }, "CAMEO " + e.cameo) : null),
    el("td", {}, actorCell(e.source), " → ", actorCell(e.target)),
    el("td", {}, el("span", { class: "badge claim-" + e.status }, e.status),
      e.negated ? el("span", { class: "badge" }, "negated") : null,
      e.hypothetical ? el("span", { class: "badge" }, "hypothetical") : null),
    el("td", { class: "num" }, e.goldstein === null ? "–" : (e.goldstein > 0 ? "+" : "") + e.goldstein.toFixed(1)),
    el("td", { class: "small" }, excerpt(e.publisher || "", 40)),
    el("td", { class: "sentence" }, excerpt(e.sentence, 220)),
    el("td", { class: "small" }, el("a", { class: "evidence-link", href: link("doc", [e.doc], { focus: "event:" + e.id }) }, "evidence"),
      el("div", { class: "muted small ident" }, e.id))));
  root.append(el("table", { class: "grid", id: "events-table" },
    el("thead", {}, el("tr", {}, ["date", "type", "source → target", "status", "Goldstein", "publisher", "sentence", ""]
      .map((h) => el("th", {}, h)))),
    el("tbody", {}, rows)));
  if (!page.items.length) root.append(el("p", { class: "empty", id: "events-empty" }, "No events match these filters."));
  const nav = el("div", { class: "pager" });
  if (offset > 0) nav.append(el("a", { href: link("events", [], { ...filters, offset: Math.max(0, offset - PAGE) }) }, "← previous"), " ");
  if (page.items.length) nav.append(el("span", { class: "muted" }, `${offset + 1}–${offset + page.items.length} of ${facets.total} `));
  if (page.next_offset !== null) nav.append(el("a", { href: link("events", [], { ...filters, offset: page.next_offset }), id: "events-next" }, "next →"));
  root.append(nav, await corpusDownloads());

  function actorCell(id) {
    if (!id) return "?";
    const known = facets.actor.find((a) => a.id === id);
    return el("a", { href: link("events", [], { ...filters, actor: id, offset: "" }), title: "only this actor's events" },
      known ? known.name : id);
  }
}

// The whole corrected corpus in each export format the server knows (GET /exports).
async function corpusDownloads() {
  const formats = await get("/exports");
  return el("section", { id: "corpus-downloads", class: "small" },
    el("h3", {}, "Download the whole corpus"),
    el("p", { class: "muted" }, "Corrections applied; the same files as `realpolitik export FORMAT`."),
    el("div", { class: "controls" }, formats.map((f) => el("button", {
      type: "button", class: "export-download", dataset: { format: f.name }, title: f.help,
      onclick: async () => {
        try {
          const name = await download(f.href, {}, `realpolitik-${f.name}`);
          status(`Downloaded ${name}.`, "ok");
        } catch (err) { fail(err); }
      } }, f.name + (f.zip ? " (zip)" : "")))));
}
