// Runs with node's own test runner: node --test tests/js/ (tests/test_js.py does this).
import assert from "node:assert/strict";
import { test } from "node:test";

import { ApiError, NetworkError, createApi, retryAfterMs } from "./api.js";
import { removeBook } from "./usage.js";

const NOW = Date.parse("2025-01-01T00:00:00Z");

function problem(status, body, headers = {}) {
  return new Response(JSON.stringify({ status, ...body }), {
    status,
    headers: { "Content-Type": "application/problem+json", ...headers },
  });
}

function json(status, body, headers = {}) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
}

// A fetch that answers from a script and remembers what it was asked, and a sleep that only records.
function harness(responses, options = {}) {
  const calls = [];
  const sleeps = [];
  const events = [];
  const api = createApi({
    fetch: async (url, request) => {
      calls.push({ url, ...request });
      const next = responses.shift();
      assert.ok(next, `unexpected extra request to ${url}`);
      return next;
    },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    now: () => NOW,
    signIn: (error) => events.push(["signIn", error.status]),
    showMessage: (text) => events.push(["showMessage", text]),
    csrfToken: () => "token-123",
    ...options,
  });
  return { api, calls, sleeps, events };
}

test("a 2xx JSON response resolves to its body", async () => {
  const { api, calls } = harness([json(200, { books: [{ id: 1 }] })]);
  assert.deepEqual(await api("/api/books/"), { books: [{ id: 1 }] });
  assert.equal(calls.length, 1);
  assert.equal(calls[0].method, "GET");
  assert.equal(calls[0].headers.Accept, "application/json");
  assert.equal(calls[0].headers["X-CSRFToken"], undefined);
});

test("requests go to baseUrl, do not follow redirects, and send cookies as configured", async () => {
  const { api, calls } = harness([json(200, {}), json(200, {})], { baseUrl: "https://api.example.com" });
  await api("/api/books/");
  await api("/api/books/", { credentials: "include" });
  assert.equal(calls[0].url, "https://api.example.com/api/books/");
  assert.equal(calls[0].redirect, "manual");
  assert.equal(calls[0].credentials, "same-origin");
  assert.equal(calls[1].credentials, "include");
  const { api: other, calls: otherCalls } = harness([json(200, {})], { credentials: "include" });
  await other("/api/csrf/");
  assert.equal(otherCalls[0].credentials, "include");
});

test("a redirect is an error, not the page it leads to", async () => {
  const redirect = { type: "opaqueredirect", status: 0, ok: false, headers: new Headers() };
  const { api } = harness([redirect]);
  await assert.rejects(api("/api/books", { method: "POST", body: { title: "T" } }), (error) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.title, "Unexpected redirect");
    assert.equal(error.detail, "/api/books answered with a redirect.");
    return true;
  });
});

test("no response at all is a NetworkError, never an ApiError", async () => {
  const cause = new TypeError("Failed to fetch");
  const { api } = harness([], { fetch: async () => { throw cause; } });
  await assert.rejects(api("/api/books/"), (error) => {
    assert.ok(error instanceof NetworkError);
    assert.ok(!(error instanceof ApiError));
    assert.equal(error.cause, cause);
    assert.match(error.message, /^No response from \/api\/books\/: /);
    return true;
  });
});

test("204 No Content resolves to null", async () => {
  const { api } = harness([new Response(null, { status: 204 })]);
  assert.equal(await api("/api/books/1/", { method: "DELETE" }), null);
});

test("a body is sent as JSON, with Django's CSRF header on unsafe methods", async () => {
  const { api, calls } = harness([json(201, { id: 4 }, { Location: "/api/books/4/" })]);
  assert.deepEqual(await api("/api/books/", { method: "post", body: { title: "T" } }), { id: 4 });
  assert.equal(calls[0].method, "POST");
  assert.equal(calls[0].body, '{"title":"T"}');
  assert.equal(calls[0].headers["Content-Type"], "application/json");
  assert.equal(calls[0].headers["X-CSRFToken"], "token-123");
});

test("a problem+json error is thrown as ApiError with its fields", async () => {
  const errors = [{ pointer: "#/isbn", detail: "An ISBN has exactly 13 digits." }];
  const { api, events } = harness([
    problem(422, {
      type: "https://example.com/problems/validation-error",
      title: "The request has invalid fields",
      detail: "Correct the fields listed in errors and send the request again.",
      errors,
    }),
  ]);
  await assert.rejects(api("/api/books/", { method: "POST", body: {} }), (error) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 422);
    assert.equal(error.type, "https://example.com/problems/validation-error");
    assert.equal(error.title, "The request has invalid fields");
    assert.equal(error.message, "Correct the fields listed in errors and send the request again.");
    assert.deepEqual(error.errors, errors);
    return true;
  });
  assert.deepEqual(events, []);
});

test("an error without a JSON body still becomes an ApiError", async () => {
  const { api } = harness([
    new Response("", { status: 405, statusText: "Method Not Allowed", headers: { Allow: "GET, HEAD, POST" } }),
  ]);
  await assert.rejects(api("/api/books/", { method: "PUT" }), (error) => {
    assert.equal(error.status, 405);
    assert.equal(error.type, "about:blank");
    assert.equal(error.message, "Method Not Allowed");
    return true;
  });
});

test("401 sends the user to sign in and still rejects", async () => {
  const { api, events } = harness([problem(401, { title: "Unauthorized", detail: "Sign in to continue." })]);
  await assert.rejects(api("/api/books/1/", { method: "DELETE" }), { name: "ApiError", status: 401 });
  assert.deepEqual(events, [["signIn", 401]]);
});

test("403 shows the server's message", async () => {
  const { api, events } = harness([
    problem(403, { title: "Forbidden", detail: "Only the owner can delete this book." }),
  ]);
  await assert.rejects(api("/api/books/2/", { method: "DELETE" }), { status: 403 });
  assert.deepEqual(events, [["showMessage", "Only the owner can delete this book."]]);
});

test("429 waits for Retry-After seconds, then retries and succeeds", async () => {
  const { api, calls, sleeps } = harness([
    problem(429, { title: "Too Many Requests" }, { "Retry-After": "3" }),
    json(200, { books: [] }),
  ]);
  assert.deepEqual(await api("/api/search/?q=django"), { books: [] });
  assert.deepEqual(sleeps, [3000]);
  assert.equal(calls.length, 2);
});

test("503 with an HTTP-date Retry-After waits until that date", async () => {
  const later = new Date(NOW + 5000).toUTCString();
  const { api, sleeps } = harness([
    problem(503, { title: "Service Unavailable" }, { "Retry-After": later }),
    json(200, { ok: true }),
  ]);
  assert.deepEqual(await api("/api/books/"), { ok: true });
  assert.deepEqual(sleeps, [5000]);
});

test("PUT and DELETE are idempotent, so they are retried too", async () => {
  const { api, sleeps } = harness([
    problem(503, { title: "Service Unavailable" }, { "Retry-After": "1" }),
    new Response(null, { status: 204 }),
  ]);
  assert.equal(await api("/api/books/1/", { method: "DELETE" }), null);
  assert.deepEqual(sleeps, [1000]);
});

test("retries are bounded: without Retry-After it backs off, then gives up", async () => {
  const { api, calls, sleeps } = harness([
    problem(503, { title: "Service Unavailable" }),
    problem(503, { title: "Service Unavailable" }),
    problem(503, { title: "Service Unavailable", detail: "Down for maintenance." }),
  ]);
  await assert.rejects(api("/api/books/"), { status: 503, message: "Down for maintenance." });
  assert.deepEqual(sleeps, [1000, 2000]);
  assert.equal(calls.length, 3);
});

test("a Retry-After longer than the wrapper will wait is not waited for", async () => {
  const { api, sleeps } = harness([problem(429, { title: "Too Many Requests" }, { "Retry-After": "120" })]);
  await assert.rejects(api("/api/search/"), { status: 429 });
  assert.deepEqual(sleeps, []);
});

test("POST is never retried, not even on 429 or 503", async () => {
  for (const status of [429, 503]) {
    const { api, calls, sleeps } = harness([problem(status, { title: "busy" }, { "Retry-After": "1" })]);
    await assert.rejects(api("/api/books/", { method: "POST", body: { title: "T" } }), { status });
    assert.equal(calls.length, 1);
    assert.deepEqual(sleeps, []);
  }
});

test("Retry-After is read as seconds or as an HTTP date", () => {
  assert.equal(retryAfterMs("0", NOW), 0);
  assert.equal(retryAfterMs("30", NOW), 30_000);
  assert.equal(retryAfterMs(new Date(NOW + 2000).toUTCString(), NOW), 2000);
  assert.equal(retryAfterMs(new Date(NOW - 2000).toUTCString(), NOW), 0);
  assert.equal(retryAfterMs("soon", NOW), null);
  assert.equal(retryAfterMs("-5", NOW), null);
  assert.equal(retryAfterMs(null, NOW), null);
});


test("the guide's usage example removes the row on 204 and on 404, keeps it otherwise", async () => {
  const row = { removed: 0, remove() { this.removed += 1; } };
  const { api, events } = harness([
    new Response(null, { status: 204 }),
    problem(404, { title: "Not Found", detail: "There is no book 9." }),
    problem(403, { title: "Forbidden", detail: "Only the owner can delete this book." }),
  ]);
  assert.equal(await removeBook(api, 1, row), true);
  assert.equal(await removeBook(api, 9, row), true);
  assert.equal(await removeBook(api, 2, row), false);
  assert.equal(row.removed, 2);
  assert.deepEqual(events, [["showMessage", "Only the owner can delete this book."]]);
  const offline = harness([], { fetch: async () => { throw new TypeError("Failed to fetch"); } }).api;
  await assert.rejects(removeBook(offline, 1, row), NetworkError);
  assert.equal(row.removed, 2);
});
