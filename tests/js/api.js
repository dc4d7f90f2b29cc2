// The fetch wrapper from the Django guide (docs/*/guides/django.md); tested by api.test.mjs.

// --8<-- [start:fetch-wrapper]
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
const IDEMPOTENT = new Set([...SAFE, "PUT", "DELETE"]);
const RETRYABLE = new Set([429, 503]);

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.type = problem.type || "about:blank";
    this.title = problem.title || "";
    this.detail = problem.detail || "";
    this.errors = problem.errors || [];
  }
}

export function retryAfterMs(value, now) {
  if (value === null) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = /[a-z]/i.test(value) ? Date.parse(value) : NaN;
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

async function readProblem(response) {
  const type = response.headers.get("Content-Type") || "";
  if (type.includes("json")) {
    try {
      return await response.json();
    } catch {
      // an error page that only claims to be JSON
    }
  }
  return { title: response.statusText };
}

export function createApi({
  fetch = globalThis.fetch,
  sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now = Date.now,
  signIn = () => window.location.assign(`/accounts/login/?next=${encodeURIComponent(window.location.pathname)}`),
  showMessage = (text) => window.alert(text),
  csrfToken = () => document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/)?.[1] ?? "",
  maxRetries = 2,
  maxWaitMs = 10_000,
} = {}) {
  return async function api(url, { method = "GET", body, headers = {}, ...init } = {}) {
    method = method.toUpperCase();
    const request = { ...init, method, headers: { Accept: "application/json", ...headers } };
    if (body !== undefined) {
      request.body = JSON.stringify(body);
      request.headers["Content-Type"] = "application/json";
    }
    if (!SAFE.has(method)) request.headers["X-CSRFToken"] = csrfToken();

    for (let attempt = 0; ; attempt += 1) {
      const response = await fetch(url, request);
      if (response.ok) {
        const text = await response.text();
        return text ? JSON.parse(text) : null;
      }
      if (RETRYABLE.has(response.status) && IDEMPOTENT.has(method) && attempt < maxRetries) {
        const wait = retryAfterMs(response.headers.get("Retry-After"), now()) ?? 1000 * 2 ** attempt;
        if (wait <= maxWaitMs) {
          await response.body?.cancel();
          await sleep(wait);
          continue;
        }
      }
      const error = new ApiError(response.status, await readProblem(response));
      if (response.status === 401) signIn(error);
      else if (response.status === 403) showMessage(error.message);
      throw error;
    }
  };
}
// --8<-- [end:fetch-wrapper]
