"""What the pages say the browser's `fetch` does, against the WHATWG Fetch standard
(whatwg/fetch fetch.bs at 586cd2a, 2026-07-02).

- HTTP-network fetch: "If connection is an HTTP/1.x connection, request's body is non-null, and
  request's body's source is null, then return a network error" - a ReadableStream body (411).
- HTTP-network-or-cache fetch: a 407 is a network error with no traversable for prompts, and
  otherwise the user is prompted and the fetch runs again; script never gets the 407 (407).
- HTTP-network fetch, 1xx loop: 101 ends the loop only for a websocket request, a 103 goes to
  "process early hints response" (navigations only), every other 1xx is skipped (103)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from conftest import real_registry

NODE = shutil.which("node")


def _js(markdown: str) -> str:
    return re.search(r"```js\n(.*?)```", markdown, flags=re.S).group(1)


# A browser on an HTTP/1.1 connection: a stream body is a network error (TypeError); a Blob goes
# out with its length. HTTP/2 to a server that insists on Content-Length: the stream gets 411.
HARNESS = """
const calls = [];
function makeFetch(protocol) {
  return async (url, init) => {
    const streamed = init.body instanceof ReadableStream;
    calls.push(streamed ? "stream" : "blob");
    if (streamed && protocol === "http/1.1") throw new TypeError("Failed to fetch");
    return new Response(null, { status: streamed ? 411 : 200 });
  };
}
const file = new Blob(["x".repeat(10)]);
const results = {};
globalThis.location = { href: "https://app.example.com/upload" }; // the page (Node has none)
for (const protocol of ["http/1.1", "h2"]) {
  globalThis.fetch = makeFetch(protocol);
  calls.length = 0;
  const response = await upload("/files/a.bin", file, "csrf-token-from-cookie");
  results[protocol] = { status: response.status, calls: [...calls] };
}
// A browser without request streams: BodyInit has no ReadableStream, so the stream would go out
// as the string "[object ReadableStream]" (with a text/plain Content-Type), and duplex is never read.
const RealRequest = Request;
globalThis.Request = class extends RealRequest {
  constructor(url, init) {
    super(url, { method: init.method, body: String(init.body) });
  }
};
globalThis.fetch = makeFetch("h2");
calls.length = 0;
const old = await upload("/files/a.bin", file, "csrf-token-from-cookie");
results["no request streams"] = { status: old.status, calls: [...calls] };
console.log(JSON.stringify(results));
"""


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_411_upload_falls_back_to_a_blob_on_http1_and_on_411(lang, tmp_path):
    script = tmp_path / "upload.mjs"
    script.write_text(_js(real_registry().get(411).frontend[lang]) + HARNESS)
    proc = subprocess.run([NODE, str(script)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    results = json.loads(proc.stdout)
    assert results["http/1.1"] == {"status": 200, "calls": ["stream", "blob"]}
    assert results["h2"] == {"status": 200, "calls": ["stream", "blob"]}
    assert results["no request streams"] == {"status": 200, "calls": ["blob"]}  # never the stream


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_411_page_says_stream_uploads_need_http2(lang):
    c = real_registry().get(411)
    for text in (c.client[lang], c.frontend[lang]):
        assert "HTTP/2" in text and "HTTP/1.1" in text and "TypeError" in text


def test_no_page_branches_on_a_407_response_in_script():
    for c in real_registry().codes:
        if c.frontend is None:
            continue
        for lang in ("ko", "en"):
            code = "".join(re.findall(r"```js\n(.*?)```", c.frontend[lang], flags=re.S))
            assert not re.search(r"status\s*===?\s*407", code), f"{c.code}.frontend.{lang}"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_407_page_does_not_claim_a_browser_hands_407_to_script(lang):
    client = real_registry().get(407).client[lang]
    assert "Firefox" not in client
    assert "Fetch" in client


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_103_page_describes_fetchs_1xx_handling(lang):
    frontend = real_registry().get(103).frontend[lang]
    assert "101을 뺀 1xx" not in frontend and "every 1xx except 101" not in frontend
    assert "websocket" in frontend.lower() or "WebSocket" in frontend


def _code_without_comments(markdown: str) -> str:
    js = "".join(re.findall(r"```js\n(.*?)```", markdown, flags=re.S))
    return "\n".join(line for line in js.splitlines() if not line.strip().startswith("//"))


def test_every_json_body_is_sent_with_a_json_content_type():
    # Fetch "extract a body": a string body gets text/plain;charset=UTF-8, which DRF's default
    # parsers answer with 415 (the 415 page's point). A commented-out "wrong" line is allowed.
    for c in real_registry().codes:
        if c.frontend is None:
            continue
        for lang in ("ko", "en"):
            code = _code_without_comments(c.frontend[lang])
            for call in re.findall(r"fetch\(([^;]*?)\)[;\n]", code, flags=re.S):
                if "JSON.stringify" in call:
                    assert '"Content-Type": "application/json"' in call, f"{c.code}.frontend.{lang}: {call!r}"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_403_snippet_checks_the_content_type_before_parsing_json(lang):
    # Django's CSRF failure page (django/views/csrf.py) and nginx's deny page are HTML.
    code = _code_without_comments(real_registry().get(403).frontend[lang])
    branch = code[code.index("=== 403"):]
    assert "Content-Type" in branch[: branch.index(".json()")]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_504_outcome_check_reads_json_only_from_an_ok_response(lang):
    code = _code_without_comments(real_registry().get(504).frontend[lang])
    assert ".then((r) => r.json())" not in code
    assert re.search(r"\.ok \? await \w+\.json\(\)", code)
