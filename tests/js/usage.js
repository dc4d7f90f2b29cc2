// The Django guide's example of a caller of the fetch wrapper (docs/*/guides/django.md, "The
// front end"); tests/js/api.test.mjs runs it.

// --8<-- [start:usage]
import { ApiError } from "./api.js";

export async function removeBook(api, id, row) {
  try {
    await api(`/api/books/${id}/`, { method: "DELETE" });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status !== 404) return false;
  }
  row.remove();
  return true;
}
// --8<-- [end:usage]
