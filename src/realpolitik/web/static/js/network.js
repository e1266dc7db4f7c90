// Network view: actors as nodes, edges weighted by event count and coloured by mean Goldstein.
// Only the busiest actors are drawn; "more" raises the cap and a double-click expands a node.
import { get } from "./api.js";
import { el } from "./dom.js";
import { go } from "./nav.js";

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
  const info = el("p", { id: "network-info", class: "muted" });
  const more = el("button", { type: "button", id: "network-more" }, "Show more actors");
  const reset = el("button", { type: "button", id: "network-reset", onclick: () => go("network") }, "Reset");
  const box = el("div", { id: "network", class: "network" });
  const side = el("div", { id: "network-details", class: "details" },
    el("p", { class: "muted" }, "Click a node or an edge; double-click a node to add all its partners."));
  root.append(el("div", { class: "controls" }, more, " ", reset, " ", info),
    el("div", { class: "network-wrap" }, box, side),
    el("p", { class: "legend small" }, "Edge width: number of events. Colour: mean Goldstein score, ",
      el("span", { class: "swatch conf" }, "conflict"), " … ", el("span", { class: "swatch neutral" }, "neutral"),
      " … ", el("span", { class: "swatch coop" }, "cooperation"), "."));
  const q = new URLSearchParams({ limit: String(limit) });
  for (const f of focus) q.append("focus", f);
  const data = await get("/network?" + q.toString());
  info.textContent = `${data.nodes.length} of ${data.total_actors} actors, ${data.edges.length} relations` +
    (data.capped ? " (capped: show more, or double-click a node to expand it)" : "");
  more.disabled = !data.capped;
  more.addEventListener("click", () => go("network", [], { limit: String(limit * 2) }));
  draw(box, side, data, limit, focus);
}

function draw(box, side, data, limit, focus) {
  leave();
  if (typeof cytoscape === "undefined") {
    box.append(el("p", { class: "muted" }, "(graph library missing)"));
    return;
  }
  const maxEvents = Math.max(1, ...data.edges.map((e) => e.events));
  const elements = [
    ...data.nodes.map((n) => ({ data: { id: n.id, label: n.name, events: n.events, kind: n.kind || "" } })),
    ...data.edges.map((e, i) => ({ data: { id: "e" + i, source: e.source, target: e.target, events: e.events,
      goldstein: e.goldstein, colour: toneColour(e.goldstein), width: 1 + 7 * (e.events / maxEvents), types: e.types } })),
  ];
  // eslint-disable-next-line no-undef
  cy = cytoscape({
    container: box, elements,
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 10, "background-color": "#4a5568",
        width: "mapData(events, 0, 40, 14, 46)", height: "mapData(events, 0, 40, 14, 46)", color: "#1a202c",
        "text-valign": "bottom", "text-margin-y": 3 } },
      { selector: "node[kind = 'state']", style: { "background-color": "#2b6cb0" } },
      { selector: "node[kind = 'person']", style: { "background-color": "#805ad5" } },
      { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)", "curve-style": "bezier", opacity: 0.85 } },
      { selector: ":selected", style: { "border-width": 3, "border-color": "#d69e2e", "line-color": "#d69e2e" } },
    ],
    layout: { name: "cose", animate: false, randomize: false, padding: 30, nodeOverlap: 20,
      nodeRepulsion: () => 400000, idealEdgeLength: () => 110 },
  });
  cy.on("tap", "node", (ev) => nodeDetails(side, ev.target.data()));
  cy.on("tap", "edge", (ev) => edgeDetails(side, ev.target.data(), data));
  cy.on("dbltap", "node", (ev) => {
    const id = ev.target.id();
    if (!focus.includes(id)) go("network", [], { limit: String(limit), focus: [...focus, id] });
  });
}

function nodeDetails(side, d) {
  side.replaceChildren(el("h3", {}, d.label), el("p", {}, `${d.events} events with actors shown or hidden`),
    el("p", {}, el("a", { href: "#/dyad?a=" + encodeURIComponent(d.id) }, "Open in the dyad view")));
}

function edgeDetails(side, d, data) {
  const name = (id) => (data.nodes.find((n) => n.id === id) || { name: id }).name;
  side.replaceChildren(el("h3", {}, `${name(d.source)} – ${name(d.target)}`),
    el("p", {}, `${d.events} events; mean Goldstein ${d.goldstein === null ? "–" : d.goldstein}`),
    el("ul", {}, Object.entries(d.types).map(([t, n]) => el("li", {}, `${t}: ${n}`))),
    el("p", {}, el("a", { href: `#/dyad?a=${encodeURIComponent(d.source)}&b=${encodeURIComponent(d.target)}` }, "Open this dyad")));
}
