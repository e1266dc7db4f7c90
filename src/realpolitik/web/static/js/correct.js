// Corrections from anywhere on the page: reject an extraction, fix or merge an actor, undo.
// Each is an append-only decision on the server; the view is redrawn from the server after it.
import { post, token } from "./api.js";
import { el, option } from "./dom.js";
import { fail, status } from "./nav.js";

export function rerender() {
  window.dispatchEvent(new HashChangeEvent("hashchange"));
}

export async function decide(body) {
  if (!token()) {
    status("Corrections need a write token: create one with `realpolitik token create` and paste it above.", "error");
    return null;
  }
  try {
    const decision = await post("/corrections", body);
    rerender();
    // after the redraw has cleared the status line
    setTimeout(() => announce(decision), 0);
    return decision;
  } catch (err) {
    fail(err);
    return null;
  }
}

export async function undo(id) {
  try {
    const decision = await post(`/corrections/${Number(id)}/undo`);
    rerender();
    setTimeout(() => status(`Correction #${decision.id} undone.`, "ok"), 0);
    return decision;
  } catch (err) {
    fail(err);
    return null;
  }
}

function announce(decision) {
  status(`Correction #${decision.id} recorded (${decision.kind} ${decision.target}).`, "ok");
  const box = document.getElementById("status");
  box.append(" ", el("button", { type: "button", class: "undo", id: "status-undo", onclick: () => undo(decision.id) }, "Undo"));
}

function actorSelect(actors, exclude) {
  const entries = Object.entries(actors).filter(([id]) => id !== exclude)
    .sort((a, b) => a[1].name.localeCompare(b[1].name));
  return el("select", { class: "actor-choice" }, option("", "choose an actor…"),
    entries.map(([id, a]) => option(id, `${a.name} (${id})`)));
}

// The tools under a highlight's details, or null when nothing there can be corrected.
export function correctionTools(a, docId, actors) {
  const box = el("div", { class: "tools" }, el("h4", {}, "Correct"));
  if (["event", "claim", "quantity"].includes(a.kind)) {
    box.append(el("button", { type: "button", class: "reject", id: "reject-button",
      onclick: () => decide({ kind: "reject", target: `${a.kind}:${a.data.id}`, note: "from the page" }) },
    `Reject this ${a.kind}`));
    return box;
  }
  if (a.kind === "actor") {
    const actor = a.data.actor;
    const fixTo = actorSelect(actors, actor);
    const scope = el("select", { class: "scope" }, option(docId, "in this document"), option("*", "everywhere"));
    box.append(el("div", { class: "row" }, "This is really ", fixTo, " ", scope, " ",
      el("button", { type: "button", class: "resolve", onclick: () => fixTo.value &&
        decide({ kind: "resolve", target: actor, value: fixTo.value, scope: scope.value, note: "from the page" }) }, "Fix")));
    const mergeInto = actorSelect(actors, actor);
    box.append(el("div", { class: "row" }, `Merge ${a.data.name} into `, mergeInto, " ",
      el("button", { type: "button", class: "merge", onclick: () => mergeInto.value &&
        decide({ kind: "merge", target: actor, value: mergeInto.value, note: "from the page" }) }, "Merge")));
    return box;
  }
  return null;
}
