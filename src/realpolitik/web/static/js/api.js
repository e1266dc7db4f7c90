// The page's one way to talk to the server: same origin, JSON, the shared error shape.

const TOKEN_KEY = "realpolitik.token";

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY) || "";
}

export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== "") q.set(k, String(v));
  }
  const s = q.toString();
  return s ? "?" + s : "";
}

async function call(method, path, params, body) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const t = token();
  if (t) headers.Authorization = "Bearer " + t;
  const res = await fetch(path + query(params), {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "omit", cache: "no-store",
  });
  let data = null;
  try { data = await res.json(); } catch { data = null; }
  if (!res.ok) {
    const err = (data && data.error) || {};
    throw new ApiError(res.status, err.code || "error", err.message || res.statusText);
  }
  return data;
}

export const get = (path, params) => call("GET", path, params);
export const post = (path, body, params) => call("POST", path, params, body);

export function enc(id) {
  return encodeURIComponent(id);
}

// A file from the server saved by the browser: fetched with the token like every call (so it
// works where reads need one), then handed over as a blob with the server's file name.
export async function download(path, params, fallbackName) {
  const headers = {};
  const t = token();
  if (t) headers.Authorization = "Bearer " + t;
  const res = await fetch(path + query(params), { headers, credentials: "omit", cache: "no-store" });
  if (!res.ok) {
    let err = {};
    try { err = (await res.json()).error || {}; } catch { err = {}; }
    throw new ApiError(res.status, err.code || "error", err.message || res.statusText);
  }
  const named = /filename="([^"]+)"/.exec(res.headers.get("Content-Disposition") || "");
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = named ? named[1] : fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return a.download;
}
