"""nginx facts on the unofficial 4xx pages, from nginx's source (nginx/nginx at 3f6f782) and,
where nginx is installed, by running the page's own configuration.

- 444: `ssl_reject_handshake on` (ngx_http_ssl_module.c, release-1.19.4) refuses the TLS
  handshake itself, so the catch-all TLS server needs no certificate.
- 494: since release-1.29.8 `max_headers` (default 1000) caps the number of header lines;
  ngx_http_request.c finalizes with NGX_HTTP_REQUEST_HEADER_TOO_LARGE ("client sent too many
  header lines").
- 495: a failed OCSP check of the client certificate (`ssl_ocsp`, release-1.19.0) also
  finalizes with NGX_HTTPS_CERT_ERROR."""

from __future__ import annotations

import re
import shutil
import socket
import ssl
import subprocess
import time

import pytest

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if shutil.which("/usr/sbin/nginx") else None)


def _nginx_blocks(markdown: str) -> list[str]:
    return re.findall(r"```nginx\n(.*?)```", markdown, flags=re.S)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_444_page_covers_tls_ports_with_ssl_reject_handshake(registry, lang):
    blocks = [b for b in _nginx_blocks(registry.get(444).when_to_use[lang]) if "ssl_reject_handshake on;" in b]
    assert blocks, f"444.when_to_use.{lang} has no TLS catch-all"
    assert "ssl_certificate" not in blocks[0]
    assert "1.19.4" in registry.get(444).when_to_use[lang]


@pytest.mark.skipif(NGINX is None, reason="nginx is not installed")
def test_the_444_tls_catch_all_refuses_the_handshake_without_a_certificate(registry, tmp_path):
    block = next(b for b in _nginx_blocks(registry.get(444).when_to_use["en"]) if "ssl_reject_handshake" in b)
    port = _free_port()
    server = block.replace("listen 443 ssl", f"listen 127.0.0.1:{port} ssl")
    assert server != block, "the page's TLS server block no longer listens on 443"
    (tmp_path / "nginx.conf").write_text(
        f"daemon off;\nerror_log {tmp_path}/error.log;\npid {tmp_path}/nginx.pid;\n"
        f"events {{}}\nhttp {{\naccess_log off;\nclient_body_temp_path {tmp_path};\n"
        f"proxy_temp_path {tmp_path};\nfastcgi_temp_path {tmp_path};\nuwsgi_temp_path {tmp_path};\n"
        f"scgi_temp_path {tmp_path};\n{server}}}\n"
    )
    process = subprocess.Popen([NGINX, "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)],
                               stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(process.stderr.read().decode())
                time.sleep(0.05)
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        with socket.create_connection(("127.0.0.1", port), timeout=5) as raw:
            with pytest.raises(ssl.SSLError, match="UNRECOGNIZED_NAME|unrecognized name"):
                context.wrap_socket(raw, server_hostname="scan.example").do_handshake()
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_494_page_names_the_header_line_cap(registry, lang):
    meaning = registry.get(494).meaning[lang]
    for fact in ("`max_headers`", "1000", "1.29.8", "client sent too many header lines"):
        assert fact in meaning, f"494.meaning.{lang} lacks {fact}"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_495_page_names_the_ocsp_check(registry, lang):
    meaning = registry.get(495).meaning[lang]
    for fact in ("`ssl_ocsp on`", "1.19.0", "OCSP"):
        assert fact in meaning, f"495.meaning.{lang} lacks {fact}"
