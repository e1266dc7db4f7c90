// The router: #/view?params picks a view module; each view renders into <main id="view">.
import { setToken, token } from "./api.js";
import { clear } from "./dom.js";
import { fail, go, parseHash, status } from "./nav.js";
import * as documents from "./documents.js";
import * as dyad from "./dyad.js";
import * as interests from "./interests.js";
import * as network from "./network.js";
import * as claims from "./claims.js";
import * as corrections from "./corrections.js";
import * as events from "./events.js";
import * as contested from "./contested.js";
import * as search from "./search.js";

const VIEWS = { documents, doc: documents, dyad, interests, network, claims, corrections, events, contested, search };

let current = null;

async function route() {
  const { view, args, params } = parseHash();
  const mod = VIEWS[view] || documents;
  for (const a of document.querySelectorAll("#nav a")) {
    a.classList.toggle("active", a.dataset.view === (view === "doc" ? "documents" : view));
  }
  if (current && current.leave) current.leave();
  current = mod;
  const root = clear(document.getElementById("view"));
  root.dataset.view = view;
  status("");
  try {
    await mod.render(root, { view, args, params });
  } catch (err) {
    fail(err);
  }
}

function initToken() {
  const form = document.getElementById("token-form");
  const input = document.getElementById("token-input");
  const state = document.getElementById("token-state");
  const show = () => { state.textContent = token() ? "token set" : "read-only"; };
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    setToken(input.value.trim());
    input.value = "";
    show();
  });
  show();
}

function initSearch() {
  const form = document.getElementById("search-form");
  const input = document.getElementById("search-input");
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = input.value.trim();
    if (q) go("search", [], { q });
  });
}

window.addEventListener("hashchange", route);
window.addEventListener("DOMContentLoaded", () => { initToken(); initSearch(); route(); });
