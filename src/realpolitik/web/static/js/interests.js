// Interests view: an actor's stated interests grouped into topics, each topic's salience per
// period (share of the actor's weighted statements) as a chart and a table, with stances,
// who stated it, and evidence sentences that link to their place in the document.
import { get } from "./api.js";
import { el, option } from "./dom.js";
import { go, link } from "./nav.js";
import { periodStart } from "./dyad.js";

const COLORS = ["#2b6cb0", "#c05621", "#2f855a", "#9b2c2c", "#6b46c1", "#b7791f", "#2c7a7b", "#97266d",
  "#4a5568", "#dd6b20"];

let chart = null;

export function leave() {
  if (chart) { chart.destroy(); chart = null; }
}

const pct = (x) => `${Math.round(100 * x)}%`;

export async function render(root, { params }) {
  const actors = (await get("/actors", { limit: 1000 })).items;
  if (!actors.length) {
    root.append(el("p", { class: "empty" }, "No actors yet: ingest some documents first."));
    return;
  }
  const states = actors.filter((x) => x.kind === "state").sort((x, y) => y.mentions - x.mentions);
  const others = actors.filter((x) => x.kind !== "state").sort((x, y) => y.mentions - x.mentions);
  const ordered = [...states, ...others];
  const actor = params.get("actor") || ordered[0].id;
  const by = params.get("by") || "year";
  const since = params.get("since") || "";
  const selActor = el("select", { id: "interests-actor", class: "actor-select" },
    ordered.map((x) => option(x.id, `${x.name} (${x.id})`, x.id === actor)));
  const selBy = el("select", { id: "interests-by" }, ["month", "quarter", "year"].map((p) => option(p, "by " + p, p === by)));
  const inSince = el("input", { id: "interests-since", type: "text", value: since, placeholder: "since YYYY[-MM[-DD]]", size: 16 });
  const update = () => go("interests", [], { actor: selActor.value, by: selBy.value, since: inSince.value.trim() });
  for (const s of [selActor, selBy, inSince]) s.addEventListener("change", update);
  root.append(el("div", { class: "controls" }, selActor, " ", selBy, " ", inSince));

  const report = await get("/interests/topics", { actor, by, since, evidence: 3 });
  root.append(el("h2", { id: "interests-title" }, `What ${report.name} wants`),
    el("p", { id: "interests-summary" }, `${report.n} stated interests in ${report.documents} documents; `
      + `${report.topics.length} topics shown, ${report.other} statements in no shown topic `,
      el("span", { class: "muted" }, "(salience: the topic's share of the period's statements, an emphatic one counting double)")));
  if (!report.topics.length) {
    root.append(el("p", { class: "empty", id: "interests-empty" }, "No topic: too few of this actor's interest statements share key terms."));
    return;
  }
  const chartBox = el("div", { id: "interests-chart", class: "chart" });
  root.append(chartBox);
  drawChart(chartBox, report);
  root.append(topicTable(report));
  if (report.unplaced) root.append(el("p", { class: "muted small" }, `${report.unplaced} statements dated too coarsely for a ${by} count in "all" only`));
  root.append(evidenceList(report), el("p", { class: "muted small" }, report.method));
}

function drawChart(box, report) {
  leave();
  if (typeof uPlot === "undefined" || !report.periods.length) {
    box.append(el("p", { class: "muted" }, report.periods.length ? "(chart library missing)" : "No dated statements."));
    return;
  }
  const xs = report.periods.map((p) => periodStart(p.period));
  const data = [xs, ...report.topics.map((t) => t.periods.map((p) => Math.round(1000 * p.salience) / 10))];
  const width = Math.max(320, Math.min(box.clientWidth || 900, 1100));
  // eslint-disable-next-line no-undef
  chart = new uPlot({
    width, height: 280,
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(10, max)] } },
    series: [{ label: report.by },
      ...report.topics.map((t, k) => ({ label: `${t.id}. ${t.label}`, stroke: COLORS[k % COLORS.length], width: 2, points: { size: 6 } }))],
    axes: [{}, { label: "salience %" }],
  }, data, box);
}

function topicTable(report) {
  return el("table", { class: "grid small", id: "interests-topics" },
    el("thead", {}, el("tr", {}, el("th", {}, "#"), el("th", {}, "topic"),
      report.periods.map((p) => el("th", { class: "num" }, p.period)), el("th", { class: "num" }, "all"),
      el("th", {}, "stance"), el("th", {}, "stated by"))),
    el("tbody", {}, report.topics.map((t, k) => el("tr", { class: "topic-row", dataset: { topic: String(t.id) } },
      el("td", {}, el("span", { class: "swatch-line", style: `border-color:${COLORS[k % COLORS.length]}` }), String(t.id)),
      el("td", { title: t.terms.join(", ") }, t.label),
      t.periods.map((p) => el("td", { class: "num" }, p.n ? `${pct(p.salience)} (${p.n})` : "·")),
      el("td", { class: "num" }, `${pct(t.salience)} (${t.n})`),
      el("td", {}, Object.entries(t.stances).map(([s, n]) => `${s} ${n}`).join(", ")),
      el("td", {}, Object.entries(t.holders).map(([h, n]) => `${h} ${n}`).join(", ")))),
    el("tr", { class: "muted" }, el("td", {}), el("td", {}, "statements (documents)"),
      report.periods.map((p) => el("td", { class: "num" }, `${p.n} (${p.documents})`)),
      el("td", { class: "num" }, String(report.n)), el("td", {}), el("td", {}))));
}

function evidenceList(report) {
  const box = el("section", { id: "interests-evidence" }, el("h3", {}, "Evidence"));
  for (const t of report.topics) {
    box.append(el("h4", {}, `${t.id}. ${t.label}`),
      el("ol", { class: "timeline" }, t.evidence.map((e) => el("li", { class: "event-item interest-item", dataset: { topic: String(t.id) } },
        el("div", { class: "event-line" },
          el("span", { class: "date" }, e.date || "undated"), " ",
          el("span", { class: "type" }, e.stance), " ",
          el("span", {}, e.actor), " ",
          e.emphasis.length ? el("span", { class: "badge" }, e.emphasis.join(", ")) : null, " ",
          el("span", { class: "muted" }, e.publisher || e.title || "")),
        el("div", { class: "sentence" }, e.sentence),
        el("a", { class: "evidence-link", href: link("doc", [e.doc], { focus: `interest:${e.actor}:${e.span.start}` }) },
          "show in document")))));
  }
  return box;
}
