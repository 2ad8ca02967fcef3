"""A deliberately naive WebSocket client on a raw socket: it sends exactly the bytes a test builds (including
illegal ones), in the chops the test asks for, and reports exactly the frames the server sends back.

Assertions about the server's behaviour live here as `expect_*` helpers so every test states them the same way:
what must arrive, what must not, and that the server closes the TCP connection after the closing handshake
(RFC 6455 section 7.1.1: the server closes first).
"""

from __future__ import annotations

import base64
import hashlib
import os
import socket
import ssl
import time

import wire

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"  # RFC 6455 section 1.3
#: Default wait for an expected frame; lower it (env LOBBY_INTEROP_TIMEOUT) to run the suite quickly against a
#: server that is expected to fail many cases.
DEFAULT_TIMEOUT = float(os.environ.get("LOBBY_INTEROP_TIMEOUT", "10"))


class PeerClosed(Exception):
    """The server closed (or reset) the TCP connection."""


class NoFrame(Exception):
    """Nothing complete arrived within the timeout."""


class RawWebSocket:
    """One client connection, handshake done in the constructor."""

    def __init__(self, host: str, port: int, path: str = "/echo", *, timeout: float = DEFAULT_TIMEOUT,
                 tls: ssl.SSLContext | None = None, server_hostname: str | None = None) -> None:
        self.timeout = timeout
        sock = socket.create_connection((host, port), timeout=timeout)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if tls is not None:
            sock = tls.wrap_socket(sock, server_hostname=server_hostname or host)
        self.sock = sock
        self.reader = wire.FrameReader()
        self.eof = False
        #: Pings the server sent us (answered automatically), so keepalive pings never confuse a test.
        self.server_pings: list[bytes] = []
        self._handshake(host, port, path)

    # -- connection ---------------------------------------------------------------------------------------

    def _handshake(self, host: str, port: int, path: str) -> None:
        key = base64.b64encode(os.urandom(16)).decode()
        request = (f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(request.encode())
        head = bytearray()
        deadline = time.monotonic() + self.timeout
        while b"\r\n\r\n" not in head:
            chunk = self._recv_some(deadline)
            if not chunk:
                raise AssertionError(f"server closed during the handshake; got {bytes(head)!r}")
            head += chunk
        end = head.index(b"\r\n\r\n") + 4
        self.reader.feed(bytes(head[end:]))  # frames that arrived right behind the response
        lines = head[:end].decode("latin-1").split("\r\n")
        assert lines[0].startswith("HTTP/1.1 101"), f"expected 101, got {lines[0]!r}"
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        expected = base64.b64encode(hashlib.sha1((key + GUID).encode()).digest()).decode()
        assert headers.get("sec-websocket-accept") == expected, f"bad Sec-WebSocket-Accept in {headers}"
        assert headers.get("upgrade", "").lower() == "websocket", headers

    def _recv_some(self, deadline: float) -> bytes:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise NoFrame("timed out")
        self.sock.settimeout(remaining)
        try:
            return self.sock.recv(1 << 20)
        except (socket.timeout, TimeoutError) as error:
            raise NoFrame("timed out") from error
        except (ConnectionResetError, BrokenPipeError, ssl.SSLEOFError, ssl.SSLZeroReturnError):
            return b""

    def close_socket(self) -> None:
        """Closes our end without a closing handshake."""
        try:
            self.sock.close()
        except OSError:
            pass

    # -- sending ------------------------------------------------------------------------------------------

    def send_raw(self, data: bytes, *, chop: int | None = None, delay: float = 0.0) -> None:
        """Sends bytes as they are, optionally in chops of `chop` bytes with `delay` seconds between them, so
        the server sees frames split at arbitrary points. Ignores a reset: the server may already have failed
        the connection, which the test checks by reading."""
        try:
            if chop is None:
                self.sock.sendall(data)
                return
            for start in range(0, len(data), chop):
                self.sock.sendall(data[start:start + chop])
                if delay:
                    time.sleep(delay)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLEOFError):
            pass

    def send_frame(self, opcode: int, payload: bytes = b"", *, fin: bool = True, rsv: int = 0,
                   chop: int | None = None, delay: float = 0.0) -> None:
        """Sends one masked frame."""
        self.send_raw(wire.encode_frame(opcode, payload, fin=fin, rsv=rsv), chop=chop, delay=delay)

    def send_message(self, opcode: int, payload: bytes, *, fragment_size: int | None = None,
                     chop: int | None = None, delay: float = 0.0) -> None:
        """Sends a whole message, optionally fragmented."""
        self.send_raw(wire.encode_message(opcode, payload, fragment_size=fragment_size), chop=chop, delay=delay)

    def send_close(self, code: int | None = 1000, reason: bytes = b"") -> None:
        """Sends a close frame."""
        self.send_frame(wire.CLOSE, wire.close_payload(code, reason))

    # -- receiving ----------------------------------------------------------------------------------------

    def recv_frame(self, timeout: float | None = None) -> wire.Frame:
        """The next frame from the server. Server pings are answered and skipped. Raises PeerClosed at EOF,
        NoFrame on timeout. Asserts what RFC 6455 requires of every server frame (unmasked, RSV 0)."""
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        while True:
            frame = self.reader.next_frame()
            if frame is not None:
                assert not frame.masked, f"server frames must not be masked (RFC 6455 5.1): {frame}"
                assert frame.rsv == 0, f"server set RSV bits without an extension: {frame}"
                if frame.opcode == wire.PING:
                    self.server_pings.append(frame.payload)
                    self.send_frame(wire.PONG, frame.payload)
                    continue
                return frame
            if self.eof:
                raise PeerClosed(f"server closed the connection ({self.reader.buffered} bytes of a partial frame)")
            chunk = self._recv_some(deadline)
            if not chunk:
                self.eof = True
                continue
            self.reader.feed(chunk)

    def recv_message(self, timeout: float | None = None) -> tuple[int, bytes]:
        """The next data message (fragments joined). Any control frame in between is an assertion failure."""
        frame = self.recv_frame(timeout)
        assert frame.opcode in (wire.TEXT, wire.BINARY), f"expected a data message, got {frame}"
        opcode, parts = frame.opcode, [frame.payload]
        while not frame.fin:
            frame = self.recv_frame(timeout)
            assert frame.opcode == wire.CONTINUATION, f"expected a continuation, got {frame}"
            parts.append(frame.payload)
        return opcode, b"".join(parts)

    def expect_message(self, opcode: int, payload: bytes, timeout: float | None = None) -> None:
        """Asserts the next message is exactly (opcode, payload)."""
        got_opcode, got = self.recv_message(timeout)
        assert got_opcode == opcode, f"expected opcode {opcode}, got {got_opcode}"
        assert len(got) == len(payload), f"expected {len(payload)} bytes, got {len(got)}"
        assert got == payload, "payload differs from what was sent"

    def expect_pong(self, payload: bytes, timeout: float | None = None) -> None:
        """Asserts the next frame is a pong carrying `payload` (RFC 6455 section 5.5.3)."""
        frame = self.recv_frame(timeout)
        assert frame.opcode == wire.PONG, f"expected a pong, got {frame}"
        assert frame.fin
        assert frame.payload == payload, f"pong payload {frame.payload!r} != ping payload {payload!r}"

    def expect_nothing(self, wait: float) -> None:
        """Asserts the server sends nothing (and stays connected) for `wait` seconds."""
        try:
            frame = self.recv_frame(timeout=wait)
        except NoFrame:
            return
        except PeerClosed:
            raise AssertionError("server closed the connection, expected it to stay open and silent")
        raise AssertionError(f"expected nothing, got {frame}")

    def expect_close(self, codes: int | tuple[int, ...], timeout: float | None = None,
                     reply: bool = True) -> wire.Frame:
        """Asserts the next frame is a close with one of `codes` (nothing else first), replies with a close
        (unless the server answered ours), and asserts the server then closes the TCP connection."""
        codes = (codes,) if isinstance(codes, int) else codes
        try:
            frame = self.recv_frame(timeout)
        except PeerClosed:
            raise AssertionError(f"server dropped TCP without a close frame; expected close {codes}")
        except NoFrame:
            raise AssertionError(f"no close frame within the timeout; expected close {codes}")
        assert frame.opcode == wire.CLOSE, f"expected close {codes}, got {frame}"
        assert frame.fin, f"close frames must not be fragmented: {frame}"
        assert frame.close_code in codes, f"expected close code {codes}, got {frame.close_code} ({frame})"
        frame.close_reason.decode("utf-8")  # a server's reason must be UTF-8 too (section 5.5.1)
        if reply:
            self.send_close(frame.close_code)
        self.expect_tcp_closed(timeout)
        return frame

    def expect_tcp_closed(self, timeout: float | None = None) -> None:
        """Asserts the server closes the TCP connection (any further frame is an error)."""
        try:
            frame = self.recv_frame(timeout)
        except PeerClosed:
            return
        except NoFrame:
            raise AssertionError("server did not close the TCP connection after the closing handshake")
        raise AssertionError(f"expected the server to close TCP, got {frame}")

    def close_cleanly(self, code: int = 1000, reason: bytes = b"") -> None:
        """Client-initiated closing handshake: send close, expect the same code back, expect TCP closed."""
        self.send_close(code, reason)
        self.expect_close(code, reply=False)
        self.close_socket()
