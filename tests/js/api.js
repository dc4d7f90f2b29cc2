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

// No answer at all: offline, a refused connection, or an error page from another origin that
// the browser withheld because it had no CORS headers. fetch itself says only "TypeError".
export class NetworkError extends Error {
  constructor(url, cause) {
    super(`No response from ${url}: the network failed, or the browser withheld the response (CORS).`, { cause });
    this.name = "NetworkError";
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
  baseUrl = "",
  credentials = "same-origin",
  fetch = globalThis.fetch,
  sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now = Date.now,
  loginUrl = "/accounts/login/",
  signIn = () => window.location.assign(`${loginUrl}?next=${encodeURIComponent(window.location.pathname)}`),
  showMessage = (text) => window.alert(text),
  csrfToken = () => document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/)?.[1] ?? "",
  maxRetries = 2,
  maxWaitMs = 10_000,
} = {}) {
  return async function api(path, { method = "GET", body, headers = {}, ...init } = {}) {
    const url = baseUrl + path;
    method = method.toUpperCase();
    // A redirect is never an API answer: fetch would follow it and turn a POST into a GET.
    const request = { credentials, redirect: "manual", ...init, method, headers: { Accept: "application/json", ...headers } };
    if (body !== undefined) {
      request.body = JSON.stringify(body);
      request.headers["Content-Type"] = "application/json";
    }
    if (!SAFE.has(method)) request.headers["X-CSRFToken"] = csrfToken();

    for (let attempt = 0; ; attempt += 1) {
      let response;
      try {
        response = await fetch(url, request);
      } catch (cause) {
        throw new NetworkError(url, cause);
      }
      if (response.type === "opaqueredirect") {
        throw new ApiError(response.status, { title: "Unexpected redirect", detail: `${url} answered with a redirect.` });
      }
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
