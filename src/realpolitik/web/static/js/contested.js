// Contested view: happenings told one way and denied another (or only denied), and claims their
// sources deny; for each, who says what, how surely, and the sentence, linked to its document.
import { get } from "./api.js";
import { el, excerpt, option } from "./dom.js";
import { go, link } from "./nav.js";

export async function render(root, { params }) {
  const actor = params.get("actor") || "";
  const windowDays = params.get("window_days") || "31";
  const [items, actors] = await Promise.all([
    get("/contested", { actor, window_days: windowDays }),
    get("/actors", { limit: 1000 }),
  ]);
  const selActor = el("select", { id: "contested-actor" }, option("", "any actor"),
    [...actors.items].sort((a, b) => b.events - a.events).filter((a) => a.events > 0)
      .map((a) => option(a.id, `${a.name} (${a.id}) · ${a.events}`, a.id === actor)));
  const days = el("input", { id: "contested-window", type: "number", min: "0", max: "3660", value: windowDays, size: 5 });
  const update = () => go("contested", [], { actor: selActor.value, window_days: days.value });
  selActor.addEventListener("change", update);
  days.addEventListener("change", update);
  const clusters = items.filter((i) => i.kind !== "denied claim");
  const claims = items.filter((i) => i.kind === "denied claim");
  root.append(el("h2", {}, "Contested"),
    el("p", { class: "muted" }, "Events told as happening by some and denied (or told as not happening) by others, ",
      "events known only through a claim that is denied, and denied claims. The same happening: the same two actors, ",
      "the same PLOVER type, dates within the window."),
    el("div", { class: "controls" }, selActor, " ", el("label", {}, "same happening within ", days, " days")),
    el("p", { id: "contested-count" }, `${clusters.length} contested happening${clusters.length === 1 ? "" : "s"}, `
      + `${claims.length} denied claim${claims.length === 1 ? "" : "s"} carrying no event`));
  if (!items.length) {
    root.append(el("p", { class: "empty", id: "contested-empty" }, "Nothing contested here."));
    return;
  }
  root.append(el("div", { id: "contested-list" }, clusters.map(clusterCard), claims.map(claimCard)));
}

const KIND_TEXT = {
  "opposite polarity": "told as happening and as not happening",
  denied: "known only through denied or negated reports",
};

function clusterCard(c) {
  const name = (id) => (c.names && c.names[id]) || id;
  const affirmed = c.events.filter((e) => c.affirmed.includes(e.id));
  const denied = c.events.filter((e) => c.denied.includes(e.id));
  return el("section", { class: "contested-item", dataset: { kind: c.kind } },
    el("h3", {}, `${name(c.dyad[0])} – ${name(c.dyad[1])}: ${c.type}`, " ",
      el("span", { class: "badge claim-denied" }, c.kind)),
    el("div", { class: "muted small" }, `${c.dates.join(", ")} · ${KIND_TEXT[c.kind] || c.kind} · `
      + `${c.documents} document${c.documents === 1 ? "" : "s"}, ${c.independent} independent publisher${c.independent === 1 ? "" : "s"}`),
    el("div", { class: "sides" },
      side("Told as happening", "side-affirmed", affirmed, name),
      side("Denied or told as not happening", "side-denied", denied, name)));
}

function side(title, cls, events, name) {
  return el("div", { class: "side " + cls },
    el("h4", {}, `${title} (${events.length})`),
    events.length ? el("ul", { class: "voices" }, events.map((e) => voice(e, name))) : el("p", { class: "muted small" }, "nobody in this corpus"));
}

function voice(e, name) {
  const s = e.said_by;
  const who = s ? (s.source_name || s.source_text || "an unnamed source") : (e.publisher ? excerpt(e.publisher, 50) : "the document");
  return el("li", { class: "voice", dataset: { id: e.id } },
    el("div", {}, el("span", { class: "who" }, who), s ? " " : " (the document's own account) ",
      s ? el("span", { class: "badge claim-" + s.status }, s.status) : null,
      e.negated ? el("span", { class: "badge" }, "told as not happening") : null, " ",
      el("span", { class: "muted small" }, `${name(e.source)} → ${name(e.target)}, ${e.dated || "undated"}`)),
    s && s.cues && s.cues.length ? el("div", { class: "muted small cues" }, "cues: " + s.cues.join("; ")) : null,
    el("blockquote", { class: "evidence" }, (e.sentence || "").replace(/\s+/g, " ").trim()),
    el("div", { class: "small" }, el("span", { class: "muted" }, [e.publisher && excerpt(e.publisher, 60), e.title].filter(Boolean).join(" · ")), " ",
      el("a", { class: "evidence-link", href: link("doc", [e.doc], { focus: "event:" + e.id }) }, "show in document")));
}

function claimCard(c) {
  const s = c.said_by || {};
  const who = s.source_name || (c.names && c.source && c.names[c.source]) || c.source_text || c.source || "an unnamed source";
  return el("section", { class: "contested-item", dataset: { kind: c.kind } },
    el("h3", {}, "A denied claim, carried by no event ", el("span", { class: "badge claim-denied" }, "denied claim")),
    el("div", { class: "voice" },
      el("div", {}, el("span", { class: "who" }, who), c.source_text && c.source_text !== who ? ` ("${c.source_text}")` : null,
        " ", el("span", { class: "badge claim-denied" }, "denied")),
      s.cues && s.cues.length ? el("div", { class: "muted small cues" }, "cues: " + s.cues.join("; ")) : null,
      el("blockquote", { class: "evidence" }, c.text),
      el("div", { class: "small" }, el("span", { class: "muted" }, [c.published, c.publisher && excerpt(c.publisher, 60)].filter(Boolean).join(" · ")), " ",
        el("a", { class: "evidence-link", href: link("doc", [c.doc], { focus: "claim:" + c.claim }) }, "show in document"))));
}
