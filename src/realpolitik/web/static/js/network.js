// Network view: actors as nodes, directed edges (who acted on whom) weighted by event count and
// coloured by mean Goldstein, within an optional time window, with a legend for both.
// Only the busiest actors are drawn; "more" raises the cap and a double-click expands a node.
import { get } from "./api.js";
import { append, el } from "./dom.js";
import { go } from "./nav.js";

// Node colour by kind; the legend is drawn from the same table so the two cannot disagree.
export const KIND_COLOURS = { state: "#2b6cb0", organization: "#dd6b20", person: "#805ad5", group: "#2c7a7b",
  location: "#718096" };
const OTHER = "#4a5568";
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

let cy = null;

export function leave() {
  if (cy) { cy.destroy(); cy = null; }
}

// Goldstein -10..+10 to red..grey..green.
export function toneColour(g) {
  if (g === null || g === undefined) return "#a0aec0";
  const t = Math.max(-1, Math.min(1, g / 10));
  const grey = [160, 174, 192];
  const end = t >= 0 ? [47, 133, 90] : [197, 48, 48];
  const k = Math.abs(t) ** 0.6;
  const c = grey.map((v, i) => Math.round(v + (end[i] - v) * k));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

export async function render(root, { params }) {
  const limit = Number(params.get("limit")) || 25;
  const focus = params.getAll("focus");
  const win = { since: params.get("since") || "", until: params.get("until") || "" };
  const state = (extra) => ({ limit: String(limit), focus, ...win, ...extra });
  const info = el("p", { id: "network-info", class: "muted" });
  const more = el("button", { type: "button", id: "network-more" }, "Show more actors");
  const reset = el("button", { type: "button", id: "network-reset", onclick: () => go("network") }, "Reset");
  const since = el("input", { id: "network-since", type: "text", size: 11, value: win.since, placeholder: "YYYY[-MM[-DD]]" });
  const until = el("input", { id: "network-until", type: "text", size: 11, value: win.until, placeholder: "YYYY[-MM[-DD]]" });
  const apply = (ev) => {
    if (ev) ev.preventDefault();
    const bad = [since, until].find((x) => x.value.trim() && !DATE.test(x.value.trim()));
    if (bad) {
      bad.setCustomValidity("a date as YYYY, YYYY-MM or YYYY-MM-DD");
      bad.reportValidity();
      return;
    }
    go("network", [], state({ since: since.value.trim(), until: until.value.trim() }));
  };
  for (const x of [since, until]) x.addEventListener("input", () => x.setCustomValidity(""));
  const windowForm = el("form", { id: "network-window", class: "inline", onsubmit: apply },
    el("label", {}, "from ", since), " ", el("label", {}, "to ", until), " ",
    el("button", { type: "submit", id: "network-apply" }, "Apply"));
  const box = el("div", { id: "network", class: "network" });
  const side = el("div", { id: "network-details", class: "details" },
    el("p", { class: "muted" }, "Click a node or an edge; double-click a node to add all its partners."));
  const legend = el("div", { id: "network-legend", class: "legend network-legend small" });
  root.append(el("div", { class: "controls" }, more, " ", reset, " ", windowForm, " ", info),
    el("div", { class: "network-wrap" }, box, side), legend);
  const q = new URLSearchParams({ limit: String(limit), directed: "true" });
  for (const f of focus) q.append("focus", f);
  if (win.since) q.set("since", win.since);
  if (win.until) q.set("until", win.until);
  const data = await get("/network?" + q.toString());
  const span = win.since || win.until ? ` from ${win.since || "the start"} to ${win.until || "the end"}` : "";
  info.textContent = `${data.nodes.length} of ${data.total_actors} actors, ${data.edges.length} directed relations${span}` +
    (data.capped ? " (capped: show more, or double-click a node to expand it)" : "");
  more.disabled = !data.capped;
  more.addEventListener("click", () => go("network", [], state({ limit: String(limit * 2) })));
  drawLegend(legend, data);
  if (!data.nodes.length) {
    box.append(el("p", { class: "empty", id: "network-empty" }, span ? `No events between two actors${span}.` : "No events between two actors yet."));
    return;
  }
  draw(box, side, data, limit, focus, win);
}

export function kindColour(kind) {
  return KIND_COLOURS[kind] || OTHER;
}

function drawLegend(box, data) {
  const kinds = {};
  for (const n of data.nodes) kinds[n.kind || "other"] = (kinds[n.kind || "other"] || 0) + 1;
  append(box, [el("span", { class: "legend-title" }, "Nodes:"),
    Object.entries(kinds).sort((a, b) => b[1] - a[1]).map(([k, n]) =>
      el("span", { class: "legend-item legend-kind", dataset: { kind: k } },
        el("span", { class: "dot", style: `background:${kindColour(k)}` }), `${k} (${n})`)),
    el("span", { class: "legend-title" }, "Edges:"),
    el("span", { class: "legend-item" }, "arrow: source → target (who acted on whom)"),
    el("span", { class: "legend-item" }, "width: number of events"),
    el("span", { class: "legend-item" }, "colour: mean Goldstein ",
      el("span", { class: "swatch conf" }, "conflict −10"), " ",
      el("span", { class: "swatch neutral" }, "0"), " ",
      el("span", { class: "swatch coop" }, "+10 cooperation")),
    el("span", { class: "legend-item" }, "node size: events")]);
}

function draw(box, side, data, limit, focus, win) {
  leave();
  if (typeof cytoscape === "undefined") {
    box.append(el("p", { class: "muted" }, "(graph library missing)"));
    return;
  }
  const maxEvents = Math.max(1, ...data.edges.map((e) => e.events));
  const elements = [
    ...data.nodes.map((n) => ({ data: { id: n.id, label: n.name, events: n.events, kind: n.kind || "",
      colour: kindColour(n.kind) } })),
    ...data.edges.map((e, i) => ({ data: { id: "e" + i, source: e.source, target: e.target, events: e.events,
      goldstein: e.goldstein, colour: toneColour(e.goldstein), width: 1 + 7 * (e.events / maxEvents), types: e.types } })),
  ];
  // eslint-disable-next-line no-undef
  cy = cytoscape({
    container: box, elements,
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 10, "background-color": "data(colour)",
        width: "mapData(events, 0, 40, 14, 46)", height: "mapData(events, 0, 40, 14, 46)", color: "#1a202c",
        "text-valign": "bottom", "text-margin-y": 3 } },
      { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)", "curve-style": "bezier",
        "target-arrow-shape": "triangle", "target-arrow-color": "data(colour)", "arrow-scale": 1.2, opacity: 0.85 } },
      { selector: ":selected", style: { "border-width": 3, "border-color": "#d69e2e", "line-color": "#d69e2e",
        "target-arrow-color": "#d69e2e" } },
    ],
    layout: { name: "cose", animate: false, randomize: false, padding: 30, nodeOverlap: 20,
      nodeRepulsion: () => 400000, idealEdgeLength: () => 110 },
  });
  // What was drawn, readable from the page (tests, and anyone inspecting the element).
  box.dataset.edges = String(cy.edges().length);
  box.dataset.arrow = cy.edges().length ? cy.edges()[0].style("target-arrow-shape") : "";
  cy.on("tap", "node", (ev) => nodeDetails(side, ev.target.data()));
  cy.on("tap", "edge", (ev) => edgeDetails(side, ev.target.data(), data));
  cy.on("dbltap", "node", (ev) => {
    const id = ev.target.id();
    if (!focus.includes(id)) go("network", [], { limit: String(limit), focus: [...focus, id], ...win });
  });
}

function nodeDetails(side, d) {
  side.replaceChildren(el("h3", {}, d.label), el("p", {}, `${d.events} events with actors shown or hidden`),
    el("p", {}, el("a", { href: "#/dyad?a=" + encodeURIComponent(d.id) }, "Open in the dyad view")));
}

function edgeDetails(side, d, data) {
  const name = (id) => (data.nodes.find((n) => n.id === id) || { name: id }).name;
  side.replaceChildren(el("h3", {}, `${name(d.source)} → ${name(d.target)}`),
    el("p", {}, `${d.events} events; mean Goldstein ${d.goldstein === null ? "–" : d.goldstein}`),
    el("ul", {}, Object.entries(d.types).map(([t, n]) => el("li", {}, `${t}: ${n}`))),
    el("p", {}, el("a", { href: `#/dyad?a=${encodeURIComponent(d.source)}&b=${encodeURIComponent(d.target)}` }, "Open this dyad")),
    el("p", {}, el("a", { href: `#/events?actor=${encodeURIComponent(d.source)}` }, "Events of " + name(d.source))));
}
