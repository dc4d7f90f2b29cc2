"""The 206 page's single-range view, run as written, against RFC 9110.

- §13.1.5 / §13.2.2: a server that receives If-Range on a Range request MUST evaluate it first;
  when it does not match the current representation, Range is ignored and the answer is 200.
- §15.3.7: a 206 to an If-Range request SHOULD NOT carry representation fields beyond the
  required ones (so no Content-Type); without If-Range it carries what a 200 would.
- A name from the URL must not reach files outside the download folder (FileSystemStorage.path
  uses safe_join and raises SuspiciousFileOperation, which Django answers with 400)."""

from __future__ import annotations

import os
import re

import django
import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "djangoapp.settings")
django.setup()

from django.core.exceptions import SuspiciousFileOperation  # noqa: E402
from django.http import Http404  # noqa: E402
from django.test import RequestFactory, override_settings  # noqa: E402

from conftest import real_registry  # noqa: E402

CONTENT = bytes(range(256)) * 8  # 2,048 bytes


@pytest.fixture(params=["ko", "en"])
def download(request, tmp_path):
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "manual.pdf").write_bytes(CONTENT)
    (tmp_path / "secret.txt").write_text("not for download")
    how = real_registry().get(206).django.how[request.param]
    code = re.search(r"```python\n(.*?)```", how, flags=re.S).group(1)
    with override_settings(DOWNLOAD_ROOT=str(tmp_path / "files")):
        namespace = {}
        exec(compile(code, f"206.django.how.{request.param}", "exec"), namespace)  # the page's code
        yield namespace["download"]


def _get(view, name="manual.pdf", method="get", **headers):
    response = view(getattr(RequestFactory(), method)(f"/files/{name}", **headers), name)
    body = b"".join(response) if response.streaming else response.content
    return response, body


def test_a_range_request_gets_206_with_the_validators(download):
    response, body = _get(download, HTTP_RANGE="bytes=0-1023")
    assert response.status_code == 206 and body == CONTENT[:1024]
    assert response["Content-Range"] == f"bytes 0-1023/{len(CONTENT)}"
    assert response["ETag"] and response["Accept-Ranges"] == "bytes"
    assert response["Content-Type"] == "application/pdf"


def test_a_matching_if_range_gets_206_without_extra_representation_fields(download):
    etag = _get(download)[0]["ETag"]
    response, body = _get(download, HTTP_RANGE="bytes=1024-", HTTP_IF_RANGE=etag)
    assert response.status_code == 206 and body == CONTENT[1024:]
    assert "Content-Type" not in response


def test_a_stale_if_range_gets_the_whole_file_with_200(download):
    response, body = _get(download, HTTP_RANGE="bytes=1024-", HTTP_IF_RANGE='"stale-etag-from-old-version"')
    assert response.status_code == 200 and body == CONTENT
    assert response["ETag"] and response["Accept-Ranges"] == "bytes"


def test_a_range_past_the_end_gets_416(download):
    response, _ = _get(download, HTTP_RANGE="bytes=4096-")
    assert response.status_code == 416 and response["Content-Range"] == f"bytes */{len(CONTENT)}"


def test_names_outside_the_download_folder_are_refused(download):
    with pytest.raises(SuspiciousFileOperation):  # Django turns this into 400
        _get(download, name="../secret.txt")
    with pytest.raises(Http404):
        _get(download, name="missing.pdf")


def test_a_range_on_another_method_than_get_is_ignored(download):
    # RFC 9110 §14.2: GET is the only method range handling is defined for.
    for method in ("post", "put", "head"):
        response, _ = _get(download, method=method, HTTP_RANGE="bytes=0-9")
        assert response.status_code == 200, method


def test_the_200_and_the_206_of_a_compressed_file_have_one_type(download, tmp_path):
    files = next(tmp_path.glob("files"))
    (files / "logs.tar.gz").write_bytes(CONTENT)
    whole, _ = _get(download, name="logs.tar.gz")
    part, _ = _get(download, name="logs.tar.gz", HTTP_RANGE="bytes=0-9")
    assert whole.status_code == 200 and part.status_code == 206
    assert whole["Content-Type"] == part["Content-Type"]  # RFC 9110 §15.3.7: as the 200 would
