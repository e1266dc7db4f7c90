// Document view: the list of documents, and one document's text with every extraction
// highlighted at its offsets; clicking a highlight shows its details and evidence.
import { enc, get } from "./api.js";
import { KINDS, focusRange, renderText, slice } from "./annotate.js";
import { append, clear, el, excerpt } from "./dom.js";
import { link, status } from "./nav.js";
import { correctionTools } from "./correct.js";

const LABELS = { actor: "actors", event: "events", claim: "claims", quantity: "figures", time: "dates", interest: "interests" };

export async function render(root, { args, params }) {
  const list = el("aside", { class: "doc-list", id: "doc-list" }, el("h2", {}, "Documents"));
  const pane = el("section", { class: "doc-pane", id: "doc-pane" });
  root.append(el("div", { class: "split" }, list, pane));
  const page = await get("/documents", { limit: 200 });
  if (!page.items.length) {
    pane.append(el("p", { class: "empty" },
      "The store is empty. Ingest the bundled examples with `make run` (or `realpolitik ingest PATH`), then reload."));
    return;
  }
  const docId = args[0] || page.items[0].id;
  const ul = el("ol", { class: "doc-items" });
  for (const d of page.items) {
    ul.append(el("li", { class: d.id === docId ? "current" : null },
      el("a", { href: link("doc", [d.id]) }, d.title || d.path || d.id),
      el("div", { class: "muted small" }, [d.published, d.publisher].filter(Boolean).join(" · "))));
  }
  if (page.next_offset !== null) ul.append(el("li", { class: "muted small" }, "(first 200 shown)"));
  list.append(ul);
  await showDocument(pane, docId, params.get("focus"), (params.get("q") || "").trim(), Number(params.get("hit")) || 0);
}

// Search hits as highlights of their own kind ("hit"), from the same search the results came from.
async function searchHits(docId, q) {
  if (!q) return [];
  const r = await get("/search", { q, doc: docId, limit: 1 });
  const spans = r.items.length ? r.items[0].spans : [];
  return spans.map(([start, end], i) => ({ kind: "hit", key: "hit:" + i, start, end, label: "search hit for " + q, data: {} }));
}

async function showDocument(pane, docId, focus, q, hitIndex) {
  const [data, hits] = await Promise.all([get("/documents/" + enc(docId) + "/annotations"), searchHits(docId, q)]);
  data.annotations = data.annotations.concat(hits);
  const doc = data.document;
  const text = doc.text || "";
  const byKey = new Map(data.annotations.map((a) => [a.key, a]));
  const counts = {};
  for (const a of data.annotations) counts[a.kind] = (counts[a.kind] || 0) + 1;

  const details = el("div", { class: "details", id: "details" },
    el("p", { class: "muted" }, "Click a highlight to see what was extracted and the evidence for it."));
  const show = (top, covering) => {
    showDetails(details, top, covering, text, docId, data.actors);
    const sentence = top.kind === "event" ? [top.data.sentence_start, top.data.sentence_end] : [top.start, top.end];
    focusRange(body, sentence[0], sentence[1]);
    for (const n of body.querySelectorAll(".selected")) n.classList.remove("selected");
    for (const n of body.querySelectorAll("[data-keys]")) {
      if (n.dataset.keys.split(" ").includes(top.key)) n.classList.add("selected");
    }
  };
  const body = renderText(text, data.annotations, doc.boilerplate, show);

  const toggles = el("div", { class: "legend", id: "legend" }, KINDS.map((k) =>
    el("label", { class: "legend-item hl-" + k },
      el("input", { type: "checkbox", checked: true, dataset: { kind: k },
        onchange: (ev) => body.classList.toggle("hide-" + k, !ev.target.checked) }),
      `${LABELS[k]} (${counts[k] || 0})`)));
  const meta = [doc.published, doc.publisher, doc.author].filter(Boolean).join(" · ");
  clear(pane).append(
    el("header", { class: "doc-head" },
      el("h2", { id: "doc-title" }, doc.title || doc.path || doc.id),
      el("div", { class: "muted" }, meta),
      doc.url ? el("div", { class: "muted small" }, "URL (not fetched): ", doc.url) : null,
      toggles,
      el("div", { class: "legend claim-legend muted small" }, "claims: ",
        ["asserted", "reported", "alleged", "unverified", "hedged", "denied"].map((s) =>
          el("span", { class: "hl hl-claim claim-" + s }, s)))),
    el("div", { class: "doc-body" }, body, details));

  if (q) pane.querySelector(".doc-head").append(hitBar(body, hits, q, hitIndex));
  if (focus && byKey.has(focus)) {
    const a = byKey.get(focus);
    show(a, [a]);
    const target = body.querySelector(".selected");
    if (target) target.scrollIntoView({ block: "center" });
  } else if (focus) {
    status(`${focus} is not in this document any more (rejected, or a newer version replaced it)`, "warn");
  }
}

function field(name, value) {
  if (value === null || value === undefined || value === "") return null;
  return el("div", { class: "field" }, el("dt", {}, name), el("dd", {}, String(value)));
}

function quote(text, start, end, markStart, markEnd) {
  const q = el("blockquote", { class: "evidence" });
  if (markStart !== undefined && markStart >= start && markEnd <= end) {
    q.append(slice(text, start, markStart), el("mark", {}, slice(text, markStart, markEnd)), slice(text, markEnd, end));
  } else {
    q.append(slice(text, start, end));
  }
  return q;
}

function actorLink(id, name) {
  if (!id) return null;
  return el("a", { href: link("dyad", [], { a: id }) }, name || id);
}

function showDetails(box, a, covering, text, docId, actors) {
  clear(box);
  const d = a.data;
  box.append(el("h3", { class: "detail-kind" }, a.kind + (a.label ? ": " + a.label : "")));
  const dl = el("dl", {});
  // Through dom.append, which skips the nulls field() returns for empty values: the native
  // Element.append would write each of them as the text "null".
  const add = (...fields) => append(dl, fields);
  if (a.kind === "event") {
    add(
      el("div", { class: "field" }, el("dt", {}, "source → target"),
        el("dd", {}, actorLink(d.source, d.source_name) || "?", " → ", actorLink(d.target, d.target_name) || "?")),
      field("PLOVER type", d.type), field("CAMEO", d.cameo), field("Goldstein", d.goldstein),
      field("date", d.date || (d.dated ? d.dated + " (document date)" : null)), field("claim status", d.status),
      field("negated", d.negated ? "yes" : null), field("hypothetical", d.hypothetical ? "yes" : null),
      field("mode", d.mode), field("contexts", (d.contexts || []).join(", ")),
      field("confidence", d.confidence), field("pattern", d.pattern), field("id", d.id));
    box.append(dl, el("h4", {}, "Evidence"), quote(text, d.sentence_start, d.sentence_end, a.start, a.end));
    if (d.source && d.target) {
      box.append(el("p", {}, el("a", { href: link("dyad", [], { a: d.source, b: d.target }) }, "Open this dyad")));
    }
  } else if (a.kind === "claim") {
    add(field("status", d.status), field("source", d.source_name || d.source), field("said by (text)", d.source_text),
      field("cues", (d.cues || []).join(", ")), field("direct quote", d.quote ? "yes" : null), field("id", d.id));
    box.append(dl, el("h4", {}, "Evidence"), quote(text, a.start, a.end));
  } else if (a.kind === "quantity") {
    add(field("value", d.value_max !== null && d.value_max !== undefined ? `${d.value}–${d.value_max}` : d.value),
      field("unit", d.unit), field("kind", d.kind), field("bound", d.bound), field("subject", d.subject),
      field("date", d.date), field("id", d.id));
    box.append(dl, el("h4", {}, "Evidence"), quote(text, a.start, a.end));
  } else if (a.kind === "actor") {
    add(field("actor", d.name), field("id", d.actor), field("kind", d.kind), field("country", d.country),
      field("role", d.role), field("mention", d.text));
    box.append(dl, el("p", {}, el("a", { href: link("dyad", [], { a: d.actor }) }, "Relations of this actor")));
  } else if (a.kind === "time") {
    add(field("text", d.text), field("normalised", d.value));
    box.append(dl);
  } else if (a.kind === "interest") {
    add(field("actor", d.actor_name || d.actor), field("rank", d.rank), field("wants", d.text));
    box.append(dl, el("h4", {}, "Evidence"), quote(text, a.start, a.end));
  }
  const tools = correctionTools(a, docId, actors);
  if (tools) box.append(tools);
  const others = covering.filter((c) => c.key !== a.key);
  if (others.length) {
    box.append(el("h4", {}, "Also here"), el("ul", { class: "also" }, others.map((o) =>
      el("li", {}, el("a", { href: link("doc", [docId], { focus: o.key }) }, o.kind + ": " + excerpt(o.label, 80))))));
  }
}

// "N hits for q", with previous/next stepping through them; the current one is outlined and
// scrolled to. Every segment of a hit carries its key, so a hit split by other highlights is
// still found whole.
function hitBar(body, hits, q, start) {
  const label = el("span", { id: "hit-count" });
  const segments = (i) => [...body.querySelectorAll("[data-keys]")].filter((n) => n.dataset.keys.split(" ").includes("hit:" + i));
  let at = Math.min(Math.max(0, start), Math.max(0, hits.length - 1));
  const show = () => {
    for (const n of body.querySelectorAll(".current-hit")) n.classList.remove("current-hit");
    if (!hits.length) { label.textContent = `No hit for “${q}” in this document.`; return; }
    label.textContent = `Hit ${at + 1} of ${hits.length} for “${q}”`;
    const nodes = segments(at);
    for (const n of nodes) n.classList.add("current-hit");
    if (nodes.length) nodes[0].scrollIntoView({ block: "center" });
  };
  const step = (d) => { if (hits.length) { at = (at + d + hits.length) % hits.length; show(); } };
  const bar = el("div", { class: "hit-bar controls", id: "hit-bar" }, label, " ",
    el("button", { type: "button", id: "hit-prev", onclick: () => step(-1) }, "← previous"), " ",
    el("button", { type: "button", id: "hit-next", onclick: () => step(1) }, "next →"), " ",
    el("a", { href: link("search", [], { q }) }, "back to the results"));
  setTimeout(show, 0);
  return bar;
}
