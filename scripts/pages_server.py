"""Serve a built site the way GitHub Pages does, for the browser tests and the benchmark:
gzip for text, `Cache-Control: max-age=600`, ETag revalidation (304), and /404.html with
status 404 for any missing path."""

from __future__ import annotations

import gzip
import hashlib
import http.server
import mimetypes
import threading
from email.utils import formatdate
from functools import lru_cache, partial
from pathlib import Path

COMPRESSIBLE = ("text/", "application/json", "application/javascript", "image/svg+xml", "application/xml")


@lru_cache(maxsize=4096)
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class PagesHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def __init__(self, *args, root: Path, **kwargs):
        self.root = root
        super().__init__(*args, **kwargs)

    def log_message(self, *args):
        pass

    def _resolve(self) -> Path | None:
        rel = self.path.split("?", 1)[0].split("#", 1)[0].lstrip("/")
        path = (self.root / rel).resolve()
        if self.root not in path.parents and path != self.root:
            return None
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return path  # redirect below
            path = path / "index.html"
        return path if path.is_file() else None

    def do_HEAD(self):
        self.do_GET(body=False)

    def do_GET(self, body: bool = True):
        path = self._resolve()
        if path is not None and path.is_dir():
            self.send_response(301)
            self.send_header("Location", self.path.split("?", 1)[0] + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status = 200
        if path is None:
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


def serve(root: Path, port: int = 0) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Start serving ``root`` on 127.0.0.1 in a thread; return the server and its base URL."""
    handler = partial(PagesHandler, root=Path(root).resolve())
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
