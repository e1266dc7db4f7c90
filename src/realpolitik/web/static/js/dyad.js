// Dyad view: two actors, the cooperation–conflict index over time, and the event timeline
// beneath it with filters; every event links to its sentence in its document.
import { enc, get } from "./api.js";
import { clear, el, option } from "./dom.js";
import { go, link } from "./nav.js";

const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const STATUSES = ["asserted", "reported", "alleged", "unverified", "hedged", "denied"];

let chart = null;

export function leave() {
  if (chart) { chart.destroy(); chart = null; }
}

// "2019", "2019-Q2", "2019-06" -> seconds since the epoch at the period's start.
export function periodStart(label) {
  const y = Number(label.slice(0, 4));
  let m = 0;
  if (/-Q\d$/.test(label)) m = (Number(label.slice(-1)) - 1) * 3;
  else if (label.length >= 7) m = Number(label.slice(5, 7)) - 1;
  return Date.UTC(y, m, 1) / 1000;
}

export async function render(root, { params }) {
  const actors = (await get("/actors", { limit: 1000 })).items;
  if (actors.length < 2) {
    root.append(el("p", { class: "empty" }, "Not enough actors yet: ingest some documents first."));
    return;
  }
  const busiest = [...actors].sort((x, y) => y.events - x.events);
  const a = params.get("a") || busiest[0].id;
  const b = params.get("b") || busiest.find((x) => x.id !== a).id;
  const by = params.get("by") || "year";
  const pick = (id, value) => el("select", { id, class: "actor-select" },
    busiest.map((x) => option(x.id, `${x.name} (${x.id}) · ${x.events}`, x.id === value)));
  const selA = pick("dyad-a", a);
  const selB = pick("dyad-b", b);
  const selBy = el("select", { id: "dyad-by" }, ["month", "quarter", "year"].map((p) => option(p, "by " + p, p === by)));
  const update = () => go("dyad", [], { a: selA.value, b: selB.value, by: selBy.value });
  for (const s of [selA, selB, selBy]) s.addEventListener("change", update);
  root.append(el("div", { class: "controls" }, selA, " and ", selB, " ", selBy));

  const report = await get(`/dyads/${enc(a)}/${enc(b)}`, { by, evidence: 5 });
  const na = report.names[report.a] || report.a;
  const nb = report.names[report.b] || report.b;
  const idx = report.index === null ? "–" : (report.index > 0 ? "+" : "") + report.index.toFixed(2);
  root.append(el("h2", { id: "dyad-title" }, `${na} – ${nb}`),
    el("p", { id: "dyad-summary" }, `${report.n} events; cooperation–conflict index ${idx} `,
      el("span", { class: "muted" }, "(mean Goldstein score: above 0 cooperation, below 0 conflict)")));
  const notes = Object.entries(report.excluded).map(([why, n]) => `${n} ${why}`);
  if (report.unplaced) notes.push(`${report.unplaced} dated too coarsely for a ${by}`);
  if (notes.length) root.append(el("p", { class: "muted small" }, "Left out of the index: " + notes.join(", ")));

  const chartBox = el("div", { id: "dyad-chart", class: "chart" });
  root.append(chartBox);
  drawChart(chartBox, report);
  root.append(periodTable(report));

  const timeline = el("section", { id: "timeline" });
  root.append(timeline);
  await renderTimeline(timeline, report, params);
}

// The label of the period after `label` ("2019" -> "2020", "2019-Q4" -> "2020-Q1", "2019-12" -> "2020-01").
export function nextPeriod(label) {
  const y = Number(label.slice(0, 4));
  if (label.length === 4) return String(y + 1);
  if (/-Q\d$/.test(label)) {
    const q = Number(label.slice(-1));
    return q === 4 ? `${y + 1}-Q1` : `${y}-Q${q + 1}`;
  }
  const m = Number(label.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

// Every period from the first to the last scored one, null where none is scored: uPlot breaks
// its line at a null, so a gap in the record is drawn as a gap, not bridged.
export function gapSeries(periods) {
  const scored = periods.filter((p) => p.index !== null);
  if (!scored.length) return [];
  const byLabel = new Map(scored.map((p) => [p.period, p]));
  const out = [];
  const last = scored[scored.length - 1].period;
  for (let label = scored[0].period; ; label = nextPeriod(label)) {
    out.push(byLabel.get(label) || { period: label, index: null, n: null });
    if (label === last || out.length > 5000) break;
  }
  return out;
}

function drawChart(box, report) {
  leave();
  const points = gapSeries(report.periods);
  if (!points.length || typeof uPlot === "undefined") {
    box.append(el("p", { class: "muted" }, points.length ? "(chart library missing)" : "No scored events between these two."));
    return;
  }
  const xs = points.map((p) => periodStart(p.period));
  const data = [xs, points.map((p) => p.index), points.map((p) => p.n)];
  box.dataset.periods = String(points.length);
  box.dataset.gaps = String(points.filter((p) => p.index === null).length);
  const width = Math.max(320, Math.min(box.clientWidth || 900, 1100));
  // eslint-disable-next-line no-undef
  chart = new uPlot({
    width, height: 260,
    scales: { x: { time: true }, idx: { range: [-10, 10] }, n: { range: (u, min, max) => [0, Math.max(1, max)] } },
    series: [
      { label: report.by },
      { label: "index", scale: "idx", stroke: "#2b6cb0", width: 2, points: { show: true, size: 7 }, spanGaps: false },
      { label: "events", scale: "n", stroke: "#a0aec0", dash: [4, 4], points: { show: true, size: 4 }, spanGaps: false },
    ],
    axes: [{}, { scale: "idx", label: "mean Goldstein" }, { scale: "n", side: 1, label: "events", grid: { show: false } }],
  }, data, box);
}

function periodTable(report) {
  const types = Object.keys(report.totals);
  return el("table", { class: "grid small", id: "dyad-periods" },
    el("thead", {}, el("tr", {}, el("th", {}, report.by), types.map((t) => el("th", {}, t)), el("th", {}, "n"), el("th", {}, "index"))),
    el("tbody", {}, report.periods.map((p) => el("tr", {},
      el("td", {}, p.period), types.map((t) => el("td", { class: "num" }, p.counts[t] || "")),
      el("td", { class: "num" }, p.n), el("td", { class: "num" }, p.index === null ? "–" : p.index.toFixed(2) + ` (n=${p.scored})`)))));
}

async function renderTimeline(box, report, params) {
  const filters = { type: params.get("type") || "", status: params.get("status") || "",
    source: params.get("source") || "", publisher: params.get("publisher") || "" };
  const all = (await get(`/dyads/${enc(report.a)}/${enc(report.b)}/events`, { limit: 1000 })).items;
  const publishers = [...new Set(all.map((e) => e.publisher).filter(Boolean))].sort();
  const names = report.names;
  const sel = (id, label, values, current) => el("label", {}, label + " ",
    el("select", { id, onchange: (ev) => { filters[id.replace("filter-", "")] = ev.target.value; apply(); } },
      option("", "any"), values.map(([v, l]) => option(v, l, v === current))));
  const list = el("ol", { class: "timeline", id: "timeline-list" });
  const count = el("span", { class: "muted", id: "timeline-count" });
  const apply = async () => {
    const page = await get(`/dyads/${enc(report.a)}/${enc(report.b)}/events`, { ...filters, limit: 1000 });
    clear(list);
    count.textContent = `${page.items.length} event${page.items.length === 1 ? "" : "s"}`;
    for (const e of page.items) list.append(eventItem(e, names));
  };
  box.append(el("h3", {}, "Timeline"), el("div", { class: "controls filters" },
    sel("filter-type", "type", TYPES.map((t) => [t, t]), filters.type),
    sel("filter-status", "status", STATUSES.map((s) => [s, s]), filters.status),
    sel("filter-source", "initiated by", [[report.a, names[report.a] || report.a], [report.b, names[report.b] || report.b]], filters.source),
    sel("filter-publisher", "publisher", publishers.map((p) => [p, p]), filters.publisher), " ", count), list);
  await apply();
}

function eventItem(e, names) {
  const g = e.goldstein === null ? "" : (e.goldstein > 0 ? "+" : "") + e.goldstein.toFixed(1);
  const tone = e.goldstein > 0 ? "coop" : e.goldstein < 0 ? "conf" : "neutral";
  return el("li", { class: "event-item event-" + tone, dataset: { type: e.type, id: e.id } },
    el("div", { class: "event-line" },
      el("span", { class: "date" }, e.dated || "undated"), " ",
      el("span", { class: "type" }, e.type), " ",
      el("span", {}, `${names[e.source] || e.source || "?"} → ${names[e.target] || e.target || "?"}`), " ",
      el("span", { class: "goldstein" }, g), " ",
      el("span", { class: "badge claim-" + e.status }, e.status),
      e.negated ? el("span", { class: "badge" }, "negated") : null,
      e.hypothetical ? el("span", { class: "badge" }, "hypothetical") : null, " ",
      el("span", { class: "muted" }, e.publisher || "")),
    el("div", { class: "sentence" }, e.sentence ? e.sentence.replace(/\s+/g, " ") : ""),
    el("a", { class: "evidence-link", href: link("doc", [e.doc], { focus: "event:" + e.id }) }, "show in document"));
}
