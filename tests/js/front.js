// The Django guide's front end on another origin (docs/*/guides/django.md, "A front end on
// another origin"); test_guide_browser.py runs it from a second origin against the live server.
// --8<-- [start:cross-origin]
import { createApi } from "./api.js";

export async function connectApi(baseUrl, options = {}) {
  const response = await fetch(`${baseUrl}/api/csrf/`, { credentials: "include" });
  const { csrfToken } = await response.json();
  return createApi({ ...options, baseUrl, credentials: "include", csrfToken: () => csrfToken });
}
// --8<-- [end:cross-origin]
