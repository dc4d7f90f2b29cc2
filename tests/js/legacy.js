// The front end the Django guide starts from (docs/*/guides/django.md, "Where we start"): it
// reads the outcome from the body of a 200. test_guide_browser.py runs it against the old
// address, which keeps answering this way while callers move to the new API.

// --8<-- [start:legacy-caller]
const csrftoken = document.cookie.match(/(?:^|; )csrftoken=([^;]*)/)[1];

async function deleteBook(id, row) {
  const response = await fetch(`/api/books/${id}/delete/`, {
    method: "POST",
    headers: { "X-CSRFToken": csrftoken },
  });
  const data = await response.json();
  if (data.statusCode === 200) {
    row.remove();
  } else if (data.statusCode === 401) {
    location.href = "/accounts/login/";
  } else if (data.statusCode === 403) {
    alert("You can only delete your own books.");
  }
}
// --8<-- [end:legacy-caller]
