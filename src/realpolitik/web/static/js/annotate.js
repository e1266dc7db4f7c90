// Text with its annotations highlighted at their character offsets.
// Offsets are Python str indices (code points); JS strings index UTF-16 units, so the text is
// split into code points first and every span is cut on those, never on UTF-16 units.
import { el } from "./dom.js";

// Which highlight wins a click where several overlap: the most specific kind, then the shortest.
const PRIORITY = { event: 0, quantity: 1, time: 2, actor: 3, interest: 4, claim: 5, hit: 6 };

export const KINDS = ["actor", "event", "claim", "quantity", "time", "interest"];

export function pick(covering) {
  return [...covering].sort((a, b) =>
    (PRIORITY[a.kind] - PRIORITY[b.kind]) || ((a.end - a.start) - (b.end - b.start)))[0];
}

// annotations: [{kind, key, start, end, status?, data}] with start/end in code points.
export function renderText(text, annotations, boilerplate, onPick) {
  const chars = Array.from(text);
  const n = chars.length;
  const cuts = new Set([0, n]);
  const spans = annotations.filter((a) => a.start >= 0 && a.end <= n && a.start < a.end);
  for (const a of spans) { cuts.add(a.start); cuts.add(a.end); }
  for (const [s, e] of boilerplate || []) { cuts.add(Math.max(0, s)); cuts.add(Math.min(n, e)); }
  const points = [...cuts].sort((a, b) => a - b);
  // Sweep: spans sorted by start; an active list is small (overlaps are few).
  const byStart = [...spans].sort((a, b) => a.start - b.start);
  let next = 0;
  let active = [];
  const root = el("div", { class: "doc-text", id: "doc-text" });
  for (let i = 0; i < points.length - 1; i++) {
    const s = points[i];
    const e = points[i + 1];
    if (s === e) continue;
    while (next < byStart.length && byStart[next].start <= s) active.push(byStart[next++]);
    active = active.filter((a) => a.end > s);
    const covering = active.filter((a) => a.start <= s && a.end >= e);
    const piece = chars.slice(s, e).join("");
    const inBoiler = (boilerplate || []).some(([bs, be]) => bs <= s && be >= e);
    if (!covering.length) {
      root.append(el("span", { class: inBoiler ? "boilerplate" : null, dataset: { start: s, end: e } }, piece));
      continue;
    }
    const classes = new Set(["hl"]);
    for (const a of covering) {
      classes.add("hl-" + a.kind);
      if (a.kind === "claim") classes.add("claim-" + a.status);
      if (a.kind === "event") classes.add("event-" + (a.data.goldstein > 0 ? "coop" : a.data.goldstein < 0 ? "conf" : "neutral"));
    }
    if (inBoiler) classes.add("boilerplate");
    const top = pick(covering);
    const span = el("span", {
      class: [...classes].join(" "),
      dataset: { keys: covering.map((a) => a.key).join(" "), top: top.key, start: s, end: e },
      title: covering.map((a) => a.kind + (a.label ? ": " + a.label : "")).join(" · "),
      tabindex: "0",
    }, piece);
    const choose = (ev) => { ev.stopPropagation(); onPick(top, covering); };
    span.addEventListener("click", choose);
    span.addEventListener("keydown", (ev) => { if (ev.key === "Enter") choose(ev); });
    root.append(span);
  }
  return root;
}

// Mark segments inside [start, end) (code points) as the focused sentence.
export function focusRange(root, start, end) {
  for (const node of root.querySelectorAll(".focus")) node.classList.remove("focus");
  for (const node of root.querySelectorAll("[data-start]")) {
    const s = Number(node.dataset.start);
    if (s >= start && s < end) node.classList.add("focus");
  }
}

// A code-point slice of the text: evidence quoted exactly as stored.
export function slice(text, start, end) {
  return Array.from(text).slice(start, end).join("");
}
