"""Serve a built site the way GitHub Pages does, for the tests and the benchmark: gzip for
text, `Cache-Control: max-age=600`, ETag revalidation (304), 301 to the slashed URL for a
folder asked for without its slash, and the site's root 404.html with status 404 for any
missing path.

A user site (`owner.github.io`) is served at the host root; a project site at
`owner.github.io/<repository>/`: ``serve(root, mount="/http-status/")`` serves it under that
sub-path, where Pages also answers every missing path below the sub-path with the
repository's root 404.html. Paths outside the sub-path belong to other sites on that host,
so they get a bare 404 that is not this site's page.
"""

from __future__ import annotations

import gzip
import hashlib
import http.server
import mimetypes
import threading
from email.utils import formatdate
from functools import lru_cache, partial
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = ("text/", "application/json", "application/javascript", "image/svg+xml", "application/xml")


@lru_cache(maxsize=4096)
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class PagesHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def __init__(self, *args, root: Path, mount: str, **kwargs):
        self.root = root
        self.mount = mount
        super().__init__(*args, **kwargs)

    def log_message(self, *args):
        pass

    def _redirect(self, location: str):
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _not_ours(self):
        body = b"Not Found\n"
        self.send_response(404)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_HEAD(self):
        self.do_GET(body=False)

    def do_GET(self, body: bool = True):
        url_path = urlsplit(self.path).path
        if url_path + "/" == self.mount:
            return self._redirect(self.mount)
        if not url_path.startswith(self.mount):
            return self._not_ours()
        rel = unquote(url_path[len(self.mount):])
        path = (self.root / rel).resolve()
        status = 200
        if self.root != path and self.root not in path.parents:
            path = None
        elif path.is_dir():
            if not url_path.endswith("/"):
                return self._redirect(url_path + "/")
            path = path / "index.html"
        if path is None or not path.is_file():
            status, path = 404, self.root / "404.html"
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            ctype += "; charset=utf-8"
        stat = path.stat()
        etag = '"' + hashlib.sha1(f"{path}:{stat.st_mtime_ns}:{stat.st_size}".encode()).hexdigest()[:16] + '"'
        if status == 200 and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            return
        data = path.read_bytes()
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "") and ctype.startswith(COMPRESSIBLE)
        if gzip_ok:
            data = _gzipped(path, stat.st_mtime_ns)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("Last-Modified", formatdate(stat.st_mtime, usegmt=True))
        if status == 200:
            self.send_header("ETag", etag)
        if gzip_ok:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if body:
            self.wfile.write(data)


def serve(root: Path, port: int = 0, mount: str = "/") -> tuple[http.server.ThreadingHTTPServer, str]:
    """Start serving ``root`` on 127.0.0.1 under the path ``mount`` ("/" or "/<name>/") in a
    thread; return the server and the site's URL (ending in "/"). ``root`` may still be empty:
    the URL is known before the site is built for it."""
    if not (mount.startswith("/") and mount.endswith("/")):
        raise ValueError(f"mount must start and end with '/': {mount!r}")
    handler = partial(PagesHandler, root=Path(root).resolve(), mount=mount)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{mount}"


def main(argv: list[str] | None = None) -> None:
    """Serve until stopped, or until the process --until-gone names has ended (the test run
    that started this server, so that none outlives it); print the URL once listening."""
    import argparse
    import os
    import time

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--mount", default="/")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--until-gone", type=int, metavar="PID")
    args = parser.parse_args(argv)
    server, url = serve(args.root, args.port, args.mount)
    print(url, flush=True)
    try:
        while True:
            time.sleep(1)
            if args.until_gone is not None:
                try:
                    os.kill(args.until_gone, 0)
                except ProcessLookupError:
                    break
    except KeyboardInterrupt:
        pass
    server.shutdown()


if __name__ == "__main__":
    main()
