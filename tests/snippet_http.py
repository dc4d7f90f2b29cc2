"""An example exchange, parsed as HTTP/1.1 messages by h11, a real HTTP/1.1 parser.

The site shows an exchange as text: a request, then the response (with any interim 1xx before
it), messages separated by a blank line, lines ending in LF (the checker sends CRLF). What is
checked: each start line and header line (h11's grammar; no obsolete line folding), the Host
header of an HTTP/1.1 request, framing (a message that shows a body declares its length with
Content-Length, which must equal the body's byte length in UTF-8; no body where a response
cannot have one: 1xx, 204, 304, a response to HEAD; no Content-Length in a 1xx or 204,
RFC 9110 §8.6), and that nothing is left over after a message ends.

Conventions (data/README.md, `example`):
- A body too large to show is one line `[N bytes of <what>]`: it stands for N bytes, and the
  message's Content-Length must say N.
- An interim 1xx comes between the request's head and its body when the client waited for it
  (`Expect: 100-continue`); any body shown after a 1xx is the request's.
- An HTTP/2 or HTTP/3 exchange is written the same way with `HTTP/2` (or `HTTP/3`) in the start
  lines, as curl -v shows it; it is parsed as HTTP/1.1 text plus the rules of the newer version:
  lower-case field names, no reason phrase, no connection-specific header fields
  (RFC 9113 §8.2.1-8.2.2, RFC 9114 §4.2).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import h11

REQUEST_LINE = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+ \S+ HTTP/(?P<version>\d(?:\.\d)?)$")
STATUS_LINE = re.compile(r"^HTTP/(?P<version>\d(?:\.\d)?) (?P<code>\d{3})(?P<reason> .*)?$")
PLACEHOLDER = re.compile(r"^\[(?P<bytes>\d+) bytes of [^\]\n]+\]$")
CONNECTION_SPECIFIC = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade"}


@dataclass
class Message:
    start: str
    headers: list[str]
    body: str
    line: int  # 1-based line of the start line in the exchange, for messages
    unsent_body: bool = False  # a request answered before its declared body came

    @property
    def is_request(self) -> bool:
        return not self.start.startswith("HTTP/")

    @property
    def status(self) -> int | None:
        match = STATUS_LINE.match(self.start)
        return int(match["code"]) if match else None

    @property
    def version(self) -> str:
        match = (STATUS_LINE if not self.is_request else REQUEST_LINE).match(self.start)
        return match["version"] if match else "?"

    def header(self, name: str) -> list[str]:
        return [line.split(":", 1)[1].strip() for line in self.headers
                if ":" in line and line.split(":", 1)[0].strip().lower() == name]

    def label(self) -> str:
        return f"line {self.line} ({self.start!r})"


def split_messages(text: str) -> list[Message]:
    """The messages of an exchange: each starts at a request or status line that opens the
    text or follows a blank line; its head runs to the first blank line, its body to the blank
    line before the next message."""
    lines = text.strip("\n").split("\n")
    starts = [i for i, line in enumerate(lines)
              if (i == 0 or lines[i - 1].strip() == "") and (REQUEST_LINE.match(line) or STATUS_LINE.match(line))]
    if not starts or starts[0] != 0:
        return []
    messages = []
    for n, first in enumerate(starts):
        segment = lines[first:starts[n + 1] if n + 1 < len(starts) else len(lines)]
        while segment and segment[-1].strip() == "":
            segment.pop()
        blank = next((i for i, line in enumerate(segment) if line.strip() == ""), len(segment))
        messages.append(Message(segment[0], segment[1:blank], "\n".join(segment[blank + 1:]), first + 1))
    return messages


def _body_bytes(message: Message) -> tuple[bytes, str | None]:
    """The body as bytes, and a problem if any. A placeholder line `[N bytes of ...]` gives a
    _Sized body: its length is N, its content a few bytes (h11 gets those, see _wire)."""
    placeholder = PLACEHOLDER.match(message.body)
    if placeholder:
        size = int(placeholder["bytes"])
        declared = message.header("content-length")
        if declared != [str(size)]:
            return b"", (f"{message.label()}: the placeholder {message.body!r} stands for {size} bytes, "
                         f"so the message must declare Content-Length: {size} (it declares {declared or 'none'})")
        return _Sized(size), None
    if re.match(r"^[\[(].*\bbytes?\b.*[\])]$", message.body) or any(
            line.strip() in ("...", "…") for line in message.body.split("\n")):
        return b"", (f"{message.label()}: {message.body!r} looks like a stand-in for a body; "
                     "write it as one line `[N bytes of <what>]` with Content-Length: N")
    return message.body.encode("utf-8"), None


class _Sized(bytes):
    """A placeholder body: its length is the N bytes it stands for, its content a few bytes."""

    def __new__(cls, size: int):
        body = super().__new__(cls, b"placeholder")
        body.size = size
        return body

    def __len__(self) -> int:
        return self.size


def _wire(message: Message, body: bytes) -> bytes:
    """The message as h11 reads it: CRLF line ends; HTTP/2 and HTTP/3 as HTTP/1.1 text, with the
    length their frames carry written as Content-Length. A placeholder body goes as a few bytes,
    with the Content-Length changed to match: its own length was checked against the
    placeholder already (_own_rules), and h11 need not read 700 MB to check the rest."""
    start, headers = message.start, list(message.headers)
    if isinstance(body, _Sized):
        headers = [f"Content-Length: {len(bytes(body))}" if h.split(":", 1)[0].strip().lower() == "content-length" else h
                   for h in headers]
        body = bytes(body)
    if message.version in ("2", "3"):
        if message.is_request:
            start = start.rsplit(" ", 1)[0] + " HTTP/1.1"
        else:
            start = f"HTTP/1.1 {message.status} -"
        if body and not message.header("content-length"):
            headers.append(f"content-length: {len(body)}")
    head = "\r\n".join([start, *headers]) + "\r\n\r\n"
    return head.encode("utf-8") + body


def _own_rules(messages: list[Message]) -> list[str]:
    """What h11 does not check, or would report less clearly."""
    problems = []
    # "1.1", "1.0" and even "2.0" (a version a server may refuse with 505) are HTTP/1.x text;
    # "2" and "3" are the newer versions, shown as text.
    families = {m.version if m.version in ("2", "3") else "1.x" for m in messages}
    if len(families) > 1:
        problems.append(f"the messages mix HTTP/1.x text with HTTP/{'/'.join(sorted(families - {'1.x'}))}")
    for m in messages:
        for line in m.headers:
            if line[:1] in (" ", "\t"):
                problems.append(f"{m.label()}: header line {line!r} starts with whitespace (obsolete line folding, RFC 9112 §5.2)")
        if m.version in ("2", "3"):
            for line in m.headers:
                name = line.split(":", 1)[0]
                if name != name.lower():
                    problems.append(f"{m.label()}: HTTP/{m.version} field names are lower case: {name!r}")
                if name.lower() in CONNECTION_SPECIFIC:
                    problems.append(f"{m.label()}: {name!r} is connection-specific and not allowed in HTTP/{m.version}")
            if not m.is_request and STATUS_LINE.match(m.start)["reason"]:
                problems.append(f"{m.label()}: HTTP/{m.version} has no reason phrase")
        elif "." not in m.version:
            problems.append(f"{m.label()}: unknown HTTP version {m.version}")
        lengths = m.header("content-length")
        status = m.status
        if status is not None and (100 <= status < 200 or status == 204) and lengths:
            problems.append(f"{m.label()}: a {status} response must not carry Content-Length (RFC 9110 §8.6)")
        body, problem = _body_bytes(m)
        if getattr(m, "unsent_body", False):
            continue
        if problem:
            problems.append(problem)
        elif lengths and len(set(lengths)) == 1 and lengths[0].isdigit() and int(lengths[0]) != len(body):
            problems.append(f"{m.label()}: Content-Length: {lengths[0]} but the body shown is {len(body)} bytes")
        elif (body and not lengths and m.version not in ("2", "3")  # their frames carry the length
              and "chunked" not in ",".join(m.header("transfer-encoding")).lower()):
            problems.append(f"{m.label()}: the message shows a {len(body)}-byte body but declares no length: "
                            f"add Content-Length: {len(body)}")
    return problems


def _events(conn: h11.Connection, data: bytes, who: str) -> list:
    conn.receive_data(data)
    events = []
    while True:
        event = conn.next_event()
        if event in (h11.NEED_DATA, h11.PAUSED) or isinstance(event, h11.ConnectionClosed):
            return events
        events.append(event)
        if isinstance(event, h11.EndOfMessage) and conn.their_state is not h11.SEND_BODY:
            if who == "server":  # one request: stop at its end, so leftovers show
                return events


def check_exchange(text: str) -> list[str]:
    """Every problem of this exchange, each naming the message it is in; [] when it is valid."""
    messages = split_messages(text)
    if not messages:
        return ["the exchange does not start with a request line (`GET /path HTTP/1.1`)"]
    if not messages[0].is_request:
        return [f"{messages[0].label()}: the exchange starts with a response; show the request first"]
    # Pair each request with the responses after it; the body shown after a 1xx is the
    # request's (Expect: 100-continue).
    exchanges: list[tuple[Message, list[Message]]] = []
    problems = []
    for m in messages:
        if m.is_request:
            exchanges.append((m, []))
        else:
            exchanges[-1][1].append(m)
    for request, responses in exchanges:
        if not responses:
            problems.append(f"{request.label()}: a request with no response after it")
        for r in responses:
            if r.status is not None and r.status < 200 and r.body:
                request.body = "\n".join(filter(None, [request.body, r.body]))
                r.body = ""
            elif r.body and (r.status in (204, 304) or request.start.startswith("HEAD ")):
                why = "a response to HEAD" if request.start.startswith("HEAD ") else f"a {r.status} response"
                problems.append(f"{r.label()}: {why} has no body (RFC 9110 §6.4.1)")
        request.unsent_body = _answered_before_body(request, responses)
    problems += _own_rules(messages)
    if problems:
        return problems  # h11 would only repeat them, less clearly
    for request, responses in exchanges:
        problems += _h11(request, responses)
    return problems


def _answered_before_body(request: Message, responses: list[Message]) -> bool:
    """A request that declares a body but shows none, answered by a final response that closes
    the connection: the server answered before the body came (408, 411, 413, 417), which HTTP allows
    (RFC 9112 §9.6). Nothing else may leave a declared body out."""
    declared = (request.header("content-length") not in ([], ["0"])
                or "chunked" in ",".join(request.header("transfer-encoding")).lower())
    final = [r for r in responses if r.status is not None and r.status >= 200]
    return (not request.body and declared and bool(final)
            and "close" in ",".join(final[0].header("connection")).lower())


def _h11(request: Message, responses: list[Message]) -> list[str]:
    server = h11.Connection(h11.SERVER)
    body, _ = _body_bytes(request)
    try:
        events = _events(server, _wire(request, body), "server")
    except h11.RemoteProtocolError as exc:
        return [f"{request.label()}: h11: {exc}"]
    if not events or not isinstance(events[-1], h11.EndOfMessage):
        if not (events and request.unsent_body):
            return [f"{request.label()}: h11 reads an incomplete request (a body shorter than its length?)"]
    leftover = server.trailing_data[0]
    if leftover:
        return [f"{request.label()}: {len(leftover)} bytes after the end of the request: a body without a length?"]
    parsed = events[0]
    received = b"".join(e.data for e in events if isinstance(e, h11.Data))

    client = h11.Connection(h11.CLIENT)
    client.send(h11.Request(method=parsed.method, target=parsed.target, headers=parsed.headers))
    if received:
        client.send(h11.Data(data=received))
    if not request.unsent_body:
        client.send(h11.EndOfMessage())
    wire = b""
    for response in responses:
        body, _ = _body_bytes(response)
        wire += _wire(response, body)
    problems = []
    try:
        events = _events(client, wire, "client")
        if client.their_state is h11.SWITCHED_PROTOCOL or client.their_state is h11.MUST_CLOSE:
            pass
        elif client.their_state is h11.SEND_BODY or client.their_state is h11.SEND_RESPONSE:
            events += _events(client, b"", "client")  # the connection closes: a close-delimited body ends
    except h11.RemoteProtocolError as exc:
        return [f"response to {request.label()}: h11: {exc}"]
    seen = [e for e in events if isinstance(e, (h11.InformationalResponse, h11.Response))]
    if len(seen) != len(responses):
        problems.append(f"response to {request.label()}: h11 reads {len(seen)} response(s) where {len(responses)} are shown "
                        "(a body where the status allows none, or messages after 101 Switching Protocols?)")
    elif not any(isinstance(e, h11.EndOfMessage) for e in events) and client.their_state is not h11.SWITCHED_PROTOCOL:
        problems.append(f"response to {request.label()}: h11 reads an incomplete response")
    leftover = client.trailing_data[0]
    if leftover:
        problems.append(f"response to {request.label()}: {len(leftover)} bytes after the end of the response")
    return problems
