// The Django guide's front end on another origin (docs/*/guides/django.md, "A front end on
// another origin"); test_guide_browser.py runs it from a second origin against the live server.
// --8<-- [start:cross-origin]
import { createApi } from "./api.js";

export async function connectApi(baseUrl, options = {}) {
  let csrfToken = "";
  // Django gives the session a new token when a user signs in (login() rotates it): fetch it again then.
  async function refreshToken() {
    const response = await fetch(`${baseUrl}/api/csrf/`, { credentials: "include" });
    ({ csrfToken } = await response.json());
  }
  await refreshToken();
  const api = createApi({ ...options, baseUrl, credentials: "include", csrfToken: () => csrfToken });
  api.refreshToken = refreshToken;
  return api;
}
// --8<-- [end:cross-origin]
