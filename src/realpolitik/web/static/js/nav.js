// Navigation and the status line, shared by every view.
import { clear, el } from "./dom.js";

export function parseHash() {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path, qs] = raw.split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  return { view: parts[0] || "documents", args: parts.slice(1), params: new URLSearchParams(qs || "") };
}

// Arrays become repeated keys (?focus=a&focus=b); empty values are left out.
function toQuery(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) for (const x of v) q.append(k, x);
    else if (v !== null && v !== undefined && v !== "") q.set(k, v);
  }
  return q;
}

export function go(view, args = [], params = {}) {
  const q = toQuery(params);
  const path = [view, ...args.map(encodeURIComponent)].join("/");
  const s = q.toString();
  location.hash = "#/" + path + (s ? "?" + s : "");
}

export function link(view, args = [], params = {}) {
  const q = toQuery(params);
  const s = q.toString();
  return "#/" + [view, ...args.map(encodeURIComponent)].join("/") + (s ? "?" + s : "");
}

export function status(message, kind = "info") {
  const box = document.getElementById("status");
  clear(box);
  if (message) box.append(el("span", { class: "status-" + kind }, message));
  box.dataset.kind = message ? kind : "";
}

export function fail(err) {
  status((err && err.message) || String(err), "error");
}
