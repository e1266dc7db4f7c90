// Building DOM safely: every string goes in through textContent or setAttribute, never as HTML.
// Document text is data from outside; it must never be parsed as markup.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else if (key === "href" && !safeHref(value)) continue;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// Only in-page links: a document's URL is shown as text, never followed by the page.
function safeHref(value) {
  return typeof value === "string" && value.startsWith("#");
}

export function option(value, label, selected = false) {
  return el("option", { value, selected }, label);
}

export function select(id, options, value, onchange) {
  const s = el("select", { id, onchange }, options.map(([v, l]) => option(v, l, v === value)));
  return s;
}

export function excerpt(text, max = 240) {
  if (!text) return "";
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? t.slice(0, max - 1) + "…" : t;
}
