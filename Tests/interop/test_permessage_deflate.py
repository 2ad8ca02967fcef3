"""permessage-deflate (RFC 7692) against clients we did not write: the `websockets` library, which offers the
extension by default, and a raw socket that speaks the RFC's wire format with Python's own zlib bindings.
The server runs with `--permessage-deflate` (and with `--no-permessage-deflate` for the negative case).
"""

from __future__ import annotations

import asyncio
import base64
import os
import socket
import time
import zlib

import pytest
import wire
from websockets.asyncio.client import connect
from websockets.extensions.permessage_deflate import ClientPerMessageDeflateFactory, PerMessageDeflate

TIMEOUT = 30
DEFLATE_FLAGS = ("--echo", "--permessage-deflate")
PLAIN_FLAGS = ("--echo", "--no-permessage-deflate")
# What the server answers to any acceptable offer without server_max_window_bits (RFC 7692 7.1.1.1, 7.1.1.2).
RESPONSE = "permessage-deflate; server_no_context_takeover; client_no_context_takeover"
TRAILER = b"\x00\x00\xff\xff"


def run(coroutine):
    """Runs one test coroutine with an overall time limit (no pytest-asyncio needed)."""
    return asyncio.run(asyncio.wait_for(coroutine, TIMEOUT))


@pytest.fixture
def deflate_server(server_pool) -> tuple[str, int]:
    """(host, port) of a shared /echo server with permessage-deflate on."""
    return server_pool.get(DEFLATE_FLAGS).address


def url(address: tuple[str, int]) -> str:
    host, port = address
    return f"ws://{host}:{port}/echo"


def game_json(size: int) -> str:
    """Compressible text the way game state is: repetitive JSON."""
    unit = '{"type":"state","tick":%d,"players":[{"id":17,"x":10.5,"y":-3.25,"name":"Zoë"}]},'
    parts, n = [], 0
    while n < size:
        part = unit % n
        parts.append(part)
        n += len(part)
    return "".join(parts)[:size]


def test_websockets_negotiates_and_large_compressible_text_round_trips(deflate_server):
    async def body():
        # compression="deflate" is the library's default: it offers "permessage-deflate; client_max_window_bits".
        async with connect(url(deflate_server), ping_interval=None, max_size=32 * 2**20) as ws:
            assert ws.response.headers["Sec-WebSocket-Extensions"] == RESPONSE
            [extension] = ws.protocol.extensions
            assert isinstance(extension, PerMessageDeflate)
            assert extension.remote_no_context_takeover and extension.local_no_context_takeover
            for size in [2_000_000, 100_000, 5_000, 200, 10, 0]:
                text = game_json(size)
                await ws.send(text)
                assert await ws.recv() == text
            for payload in [game_json(300_000).encode(), os.urandom(50_000), b"\x00" * 1_000_000]:
                await ws.send(payload)
                assert await ws.recv() == payload
            # Fragmented: RSV1 on the first frame only (the library does it; the server must accept it).
            await ws.send([game_json(30_000), game_json(40_000), "fin"])
            assert await ws.recv() == game_json(30_000) + game_json(40_000) + "fin"
    run(body())


def test_websockets_offer_with_a_server_window_is_honoured(deflate_server):
    async def body():
        factory = ClientPerMessageDeflateFactory(server_max_window_bits=10, client_no_context_takeover=True)
        async with connect(url(deflate_server), ping_interval=None, extensions=[factory], compression=None) as ws:
            assert ws.response.headers["Sec-WebSocket-Extensions"] == RESPONSE + "; server_max_window_bits=10"
            text = game_json(500_000)
            await ws.send(text)
            assert await ws.recv() == text
    run(body())


def test_extension_is_not_negotiated_when_the_flag_is_off(server_pool):
    address = server_pool.get(PLAIN_FLAGS).address

    async def body():
        async with connect(url(address), ping_interval=None) as ws:
            assert "Sec-WebSocket-Extensions" not in ws.response.headers
            assert ws.protocol.extensions == []
            text = game_json(10_000)
            await ws.send(text)
            assert await ws.recv() == text
    run(body())


class DeflateSocket:
    """A raw client that offers permessage-deflate and reads frames with wire.py, to look at RSV1 itself."""

    def __init__(self, address: tuple[str, int], offer: str = "permessage-deflate") -> None:
        self.sock = socket.create_connection(address, timeout=10)
        key = base64.b64encode(os.urandom(16)).decode()
        host, port = address
        self.sock.sendall((f"GET /echo HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                           f"Sec-WebSocket-Extensions: {offer}\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(4096)
            assert chunk, f"server closed during the handshake: {head!r}"
            head += chunk
        end = head.index(b"\r\n\r\n") + 4
        lines = head[:end].decode("latin-1").split("\r\n")
        assert lines[0].startswith("HTTP/1.1 101"), lines[0]
        self.headers = {name.strip().lower(): value.strip()
                        for name, value in (line.split(":", 1) for line in lines[1:] if ":" in line)}
        self.reader = wire.FrameReader()
        self.reader.feed(head[end:])

    def frame(self) -> wire.Frame:
        deadline = time.monotonic() + 10
        while (frame := self.reader.next_frame()) is None:
            assert time.monotonic() < deadline, "no frame from the server"
            data = self.sock.recv(65536)
            assert data, "server closed the connection"
            self.reader.feed(data)
        return frame

    def close(self) -> None:
        self.sock.close()


def deflate_message(data: bytes) -> bytes:
    """RFC 7692 7.2.1 with Python's zlib: raw DEFLATE, sync flush, trailing 00 00 ff ff removed."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    out = compressor.compress(data) + compressor.flush(zlib.Z_SYNC_FLUSH)
    assert out.endswith(TRAILER)
    return out[:-4]


def inflate_message(payload: bytes) -> bytes:
    """RFC 7692 7.2.2: append 00 00 ff ff and inflate."""
    return zlib.decompressobj(-15).decompress(payload + TRAILER)


def test_wire_format_rsv1_and_no_context_takeover(deflate_server):
    client = DeflateSocket(deflate_server)
    try:
        assert client.headers.get("sec-websocket-extensions") == RESPONSE
        text = game_json(20_000).encode()
        for _ in range(2):
            client.sock.sendall(wire.encode_frame(wire.TEXT, deflate_message(text), rsv=0b100))
            frame = client.frame()
            assert (frame.opcode, frame.fin, frame.rsv, frame.masked) == (wire.TEXT, True, 0b100, False)
            assert len(frame.payload) < len(text) // 5
            # Each reply inflates on its own, from an empty window: the server took no context over.
            assert inflate_message(frame.payload) == text
        # The RFC 7692 7.2.3.1 example as a client would send it; the short echo comes back uncompressed.
        client.sock.sendall(wire.encode_frame(wire.TEXT, bytes.fromhex("f248cdc9c90700"), rsv=0b100))
        frame = client.frame()
        assert (frame.opcode, frame.rsv, frame.payload) == (wire.TEXT, 0, b"Hello")
        # RSV1 on a ping: the server fails the connection with 1002 (RFC 7692 6.1).
        client.sock.sendall(wire.encode_frame(wire.PING, b"x", rsv=0b100))
        frame = client.frame()
        assert frame.opcode == wire.CLOSE and frame.close_code == 1002
    finally:
        client.close()
