// Search results: documents whose title or text holds every term, best first, each with a
// snippet around its first hit; a result opens the document with every hit highlighted.
import { get } from "./api.js";
import { el } from "./dom.js";
import { link } from "./nav.js";

const PAGE = 20;

// Text with the [start, end) code-point ranges in <mark>, built node by node (never as HTML).
export function marked(text, marks) {
  const chars = Array.from(text || "");
  const out = [];
  let at = 0;
  for (const [s, e] of [...marks].sort((a, b) => a[0] - b[0])) {
    if (s < at) continue;
    out.push(chars.slice(at, s).join(""), el("mark", {}, chars.slice(s, e).join("")));
    at = e;
  }
  out.push(chars.slice(at).join(""));
  return out;
}

export async function render(root, { params }) {
  const q = (params.get("q") || "").trim();
  const offset = Number(params.get("offset")) || 0;
  const input = document.getElementById("search-input");
  if (input && input.value !== q) input.value = q;
  root.append(el("h2", {}, "Search"));
  if (!q) {
    root.append(el("p", { class: "empty", id: "search-empty" },
      'Type words in the search box above: every word must match where a word starts ("sanction" finds "sanctions"); ',
      'put a phrase in "double quotes".'));
    return;
  }
  const r = await get("/search", { q, limit: PAGE, offset });
  root.append(el("p", { id: "search-summary" }, `${r.total} document${r.total === 1 ? "" : "s"} match `,
    el("strong", {}, q), r.terms.length > 1 ? el("span", { class: "muted" }, ` (all of: ${r.terms.join(" · ")})`) : null));
  if (!r.items.length) {
    root.append(el("p", { class: "empty", id: "search-none" }, "No document holds every term. Try fewer or shorter words."));
    return;
  }
  root.append(el("ol", { class: "search-results", id: "search-results", start: String(offset + 1) },
    r.items.map((h) => el("li", { class: "search-result", dataset: { doc: h.doc } },
      el("a", { class: "result-title", href: link("doc", [h.doc], { q, hit: "0" }) },
        h.title ? marked(h.title, h.title_marks) : (h.path || h.doc)),
      el("div", { class: "muted small" }, [h.published, h.publisher, `${h.matches} hit${h.matches === 1 ? "" : "s"}`]
        .filter(Boolean).join(" · ")),
      el("div", { class: "snippet" }, h.snippet_start > 0 ? "… " : "",
        marked(h.snippet.replace(/\s/g, " "), h.marks), " …")))));
  const nav = el("div", { class: "pager" });
  if (offset > 0) nav.append(el("a", { href: link("search", [], { q, offset: Math.max(0, offset - PAGE) }) }, "← previous"), " ");
  if (r.next_offset !== null) nav.append(el("a", { href: link("search", [], { q, offset: r.next_offset }), id: "search-next" }, "next →"));
  root.append(nav);
}
