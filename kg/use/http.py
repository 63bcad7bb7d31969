"""HTTP for `kg load`: credentials, a deadline for the whole request, error
bodies read up to a cap, and messages that say what happened.

* Credentials come from the environment: ``KG_ENDPOINT_TOKEN`` (sent as
  ``Authorization: Bearer``), else ``KG_ENDPOINT_USER`` and
  ``KG_ENDPOINT_PASSWORD`` (HTTP basic auth). They never appear in a message:
  a server that echoes the request's headers in its error page gets them
  masked (the header, the token, the password and its base64 form).
* ``requests``' timeout applies to each read, so a server that trickles a
  byte every few seconds would hold a request for ever. ``send`` also sets a
  deadline for the whole request (connect, upload, answer): a timer signal
  in the main thread, where the CLI runs.
* An error body is read up to ERROR_BYTES (a 2 GB error page is not read
  into memory); the message shows its first line, escaped.
"""
from __future__ import annotations

import base64
import os
import re
import signal
import threading
import time
from contextlib import contextmanager
from urllib.parse import urlsplit

import requests

from ..errors import EndpointError

CONNECT_TIMEOUT = 10    # seconds to open the connection
READ_TIMEOUT = 60       # seconds of silence while the server answers
DEADLINE = 600          # seconds for the whole request, body and answer included
ERROR_BYTES = 64 * 1024  # of an error body read, at most
SHOWN = 300             # characters of it shown


class _Expired(BaseException):
    """Raised by the timer inside whatever the request was doing (a
    BaseException, so that no ``except Exception`` on the way swallows it)."""


def credentials() -> dict:
    """The Authorization header the environment asks for, or none."""
    token = os.environ.get("KG_ENDPOINT_TOKEN")
    if token:
        return {"Authorization": f"Bearer {token}"}
    user = os.environ.get("KG_ENDPOINT_USER")
    if user:
        pair = f"{user}:{os.environ.get('KG_ENDPOINT_PASSWORD', '')}".encode("utf-8")
        return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
    return {}


def _secrets() -> list[str]:
    """What must never be printed: the header's value and its parts."""
    found = [os.environ.get(name) for name in ("KG_ENDPOINT_TOKEN", "KG_ENDPOINT_PASSWORD")]
    header = credentials().get("Authorization")
    if header:
        found += [header, header.split(" ", 1)[1]]
    return sorted({s for s in found if s and len(s) >= 3}, key=len, reverse=True)


def redact(text: str) -> str:
    """``text`` with every credential masked, and any Authorization header
    line whatever it holds."""
    text = re.sub(r"(?i)(authorization\s*[:=]\s*)[^\r\n]*", r"\1[hidden]", text)
    for secret in _secrets():
        text = text.replace(secret, "[hidden]")
    return text


def one_line(text: str, limit: int = SHOWN) -> str:
    """The first non-blank line of ``text``, control characters escaped, cut at ``limit``."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    line = "".join(c if c.isprintable() else repr(c)[1:-1] for c in line)
    return line if len(line) <= limit else line[:limit] + "…"


def where(url: str) -> str:
    """HOST:PORT of ``url``, for messages (never the path or query: they could hold a key)."""
    parts = urlsplit(url)
    return parts.netloc.rsplit("@", 1)[-1] or url


@contextmanager
def deadline(seconds: float):
    """Raise _Expired in the main thread once ``seconds`` have passed (no
    deadline elsewhere: signals reach the main thread only)."""
    if seconds is None or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum, frame):
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _error_text(response: requests.Response) -> str:
    try:
        data = response.raw.read(ERROR_BYTES, decode_content=True) or b""
    except Exception:  # a body cut off or badly encoded: the status line still says enough
        data = b""
    return data.decode(response.encoding or "utf-8", errors="replace")


def send(method: str, url: str, what: str, *, data=None, headers: dict | None = None, accept_error=(),
         deadline_s: float | None = None) -> requests.Response:
    """One request with the environment's credentials. Returns the response
    (its body unread, to read with ``read_body``) when it succeeded or its
    status is in ``accept_error``; otherwise raises EndpointError saying what
    happened. ``what`` names the request in messages ("upload", "query")."""
    headers = {**(headers or {}), **credentials()}
    deadline_s = DEADLINE if deadline_s is None else deadline_s
    host = where(url)
    started = time.monotonic()
    try:
        with deadline(deadline_s):
            response = requests.request(method, url, data=data, headers=headers, stream=True,
                                        timeout=(CONNECT_TIMEOUT, READ_TIMEOUT), allow_redirects=False)
            if response.ok or response.status_code in accept_error:
                return response
            body = _error_text(response)
            response.close()
    except _Expired:
        raise EndpointError(f"{what}: {host} gave no complete answer within {deadline_s:g} s "
                            f"(the deadline for the whole request); nothing more was sent") from None
    except requests.exceptions.ConnectTimeout:
        raise EndpointError(f"{what}: cannot connect to {host}: no answer to the connection within "
                            f"{CONNECT_TIMEOUT} s") from None
    except requests.exceptions.ReadTimeout:
        raise EndpointError(f"{what}: {host} accepted the connection but sent nothing for {READ_TIMEOUT} s "
                            f"(after {time.monotonic() - started:.0f} s in all)") from None
    except requests.exceptions.ConnectionError as error:
        reason = _reason(error)
        raise EndpointError(f"{what}: cannot connect to {host}: {reason}" if "connect" in reason or "refused" in reason
                            or "resolve" in reason else f"{what}: {host} closed the connection: {reason}") from None
    except requests.exceptions.InvalidURL:
        raise EndpointError(f"{what}: not a valid URL: {one_line(redact(url))}") from None
    except requests.RequestException as error:
        raise EndpointError(f"{what}: {host}: {type(error).__name__}: {one_line(redact(_reason(error)))}") from None
    shown = one_line(redact(body))
    raise EndpointError(f"{what}: {host} answered HTTP {response.status_code} {response.reason}"
                        + (f": {shown}" if shown else ""))


def _reason(error: Exception) -> str:
    """The innermost reason of a requests/urllib3 error, in words."""
    text = str(error)
    for pattern, words in ((r"Connection refused", "connection refused"),
                           (r"Name or service not known|nodename nor servname|Failed to resolve|getaddrinfo",
                            "host name does not resolve"),
                           (r"Connection reset", "connection reset by the server"),
                           (r"RemoteDisconnected|Connection aborted", "the server closed the connection without an answer"),
                           (r"No route to host", "no route to host")):
        if re.search(pattern, text):
            return words
    return one_line(text, 200)


def read_body(response: requests.Response, what: str, limit: int, deadline_s: float | None = None) -> bytes:
    """The body of a successful answer, at most ``limit`` bytes, within the deadline."""
    deadline_s = DEADLINE if deadline_s is None else deadline_s
    host = where(response.url)
    try:
        with deadline(deadline_s):
            data = response.raw.read(limit + 1, decode_content=True) or b""
    except _Expired:
        raise EndpointError(f"{what}: {host} did not finish its answer within {deadline_s:g} s") from None
    except Exception as error:
        raise EndpointError(f"{what}: {host} broke off its answer: {type(error).__name__}") from None
    finally:
        response.close()
    if len(data) > limit:
        raise EndpointError(f"{what}: {host} answered with more than {limit} bytes")
    return data
