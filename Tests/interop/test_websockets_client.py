"""/echo driven by the `websockets` library's asyncio client, a widely used implementation we did not write:
round trips, big and fragmented messages, ping/pong, close codes both ways, and wss:// with a certificate
made at test time.
"""

from __future__ import annotations

import asyncio
import os
import socket
import ssl
import warnings

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, ConnectionClosedError

TIMEOUT = 30


def run(coroutine):
    """Runs one test coroutine with an overall time limit (no pytest-asyncio needed)."""
    return asyncio.run(asyncio.wait_for(coroutine, TIMEOUT))


def echo_url(address: tuple[str, int], scheme: str = "ws") -> str:
    host, port = address
    return f"{scheme}://{host}:{port}/echo"


def client(url: str, **options):
    """A client with library keepalive and compression off, so only what the test does goes on the wire."""
    options.setdefault("max_size", 32 * 2**20)
    return connect(url, compression=None, ping_interval=None, open_timeout=10, close_timeout=10, **options)


def test_text_and_binary_round_trips(echo_server):
    async def body():
        async with client(echo_url(echo_server)) as ws:
            for message in ["hello", "", "Grüße, 世界 🎲", "x" * 70000]:
                await ws.send(message)
                assert await ws.recv() == message
            for message in [b"\x00\x01\x02\xff", b"", os.urandom(126), os.urandom(65536)]:
                await ws.send(message)
                assert await ws.recv() == message
    run(body())


def test_one_megabyte_message(echo_server):
    async def body():
        async with client(echo_url(echo_server)) as ws:
            payload = os.urandom(1_000_000)
            await ws.send(payload)
            assert await ws.recv() == payload
            text = "ab€" * 333_333  # ~1.3 MB of multi-byte text
            await ws.send(text)
            assert await ws.recv() == text
    run(body())


def test_fragmented_send_is_reassembled(echo_server):
    async def body():
        async with client(echo_url(echo_server)) as ws:
            await ws.send(["frag", "ment", "ed ", "tëxt"])  # an iterable is sent as fragments
            assert await ws.recv() == "fragmented tëxt"
            parts = [os.urandom(1000) for _ in range(50)]
            await ws.send(parts)
            assert await ws.recv() == b"".join(parts)
    run(body())


def test_ping_is_answered(echo_server):
    async def body():
        async with client(echo_url(echo_server)) as ws:
            latency = await asyncio.wait_for(await ws.ping(b"are you there"), 5)
            assert latency >= 0
            waiters = [await ws.ping(bytes([i]) * 10) for i in range(5)]
            await asyncio.wait_for(asyncio.gather(*waiters), 5)
            await ws.send("still open")
            assert await ws.recv() == "still open"
    run(body())


@pytest.mark.parametrize("code, reason", [(1000, "done"), (1001, "going away"), (4000, "app-defined ✓")])
def test_client_close_is_echoed(echo_server, code, reason):
    async def body():
        ws = await client(echo_url(echo_server))
        await ws.send("before close")
        assert await ws.recv() == "before close"
        await ws.close(code, reason)
        assert ws.close_code == code  # the code the server sent back
        assert ws.protocol.close_rcvd is not None
        assert ws.protocol.close_rcvd.code == code
        assert ws.protocol.close_sent.code == code
    run(body())


def test_server_closes_with_1009_when_a_message_is_too_big(lobby_server):
    server = lobby_server("--echo", "--echo-max-message-size", "1024")

    async def body():
        async with client(echo_url(server.address)) as ws:
            await ws.send(b"x" * 1024)
            assert await ws.recv() == b"x" * 1024
            await ws.send(b"x" * 1025)
            with pytest.raises(ConnectionClosedError) as closed:
                await ws.recv()
            assert closed.value.rcvd is not None, "server dropped TCP without a close frame"
            assert closed.value.rcvd.code == 1009
            assert ws.close_code == 1009
    run(body())


def test_server_closes_with_1007_on_invalid_utf8(echo_server):
    async def body():
        async with client(echo_url(echo_server)) as ws:
            await ws.send(b"caf\xc3", text=True)  # truncated UTF-8 in a text frame
            with pytest.raises(ConnectionClosed) as closed:
                await ws.recv()
            assert closed.value.rcvd is not None and closed.value.rcvd.code == 1007
    run(body())


def test_wss_with_a_self_signed_certificate(lobby_server, tls_certificate):
    cert, key = tls_certificate
    server = lobby_server("--echo", "--tls-cert", cert, "--tls-key", key)
    context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=cert)  # verifies chain and host name

    async def body():
        async with client(echo_url(server.address, "wss"), ssl=context) as ws:
            await ws.send("secure hello")
            assert await ws.recv() == "secure hello"
            payload = os.urandom(3_000_000)  # many TLS records each way
            await ws.send(payload)
            assert await ws.recv() == payload
            await asyncio.wait_for(await ws.ping(b"tls ping"), 5)
            await ws.close(1000, "bye")
            assert ws.close_code == 1000
    run(body())


def test_wss_refused_without_trusting_the_certificate(lobby_server, tls_certificate):
    cert, key = tls_certificate
    server = lobby_server("--echo", "--tls-cert", cert, "--tls-key", key)
    context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH)  # system trust only

    async def body():
        with pytest.raises(ssl.SSLCertVerificationError):
            async with client(echo_url(server.address, "wss"), ssl=context):
                pass
        # The failed handshake did not hurt the server: a trusting client still gets through.
        trusting = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=cert)
        async with client(echo_url(server.address, "wss"), ssl=trusting) as ws:
            await ws.send("ok")
            assert await ws.recv() == "ok"
    run(body())


def test_plain_websocket_to_a_tls_port_does_not_hang_the_server(lobby_server, tls_certificate):
    cert, key = tls_certificate
    server = lobby_server("--echo", "--tls-cert", cert, "--tls-key", key)

    async def body():
        with pytest.raises(Exception):
            async with client(echo_url(server.address, "ws"), open_timeout=5):
                pass
        context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=cert)
        async with client(echo_url(server.address, "wss"), ssl=context) as ws:
            await ws.send("after garbage")
            assert await ws.recv() == "after garbage"
    run(body())


def test_a_refused_tls_handshake_gets_its_alert(lobby_server, tls_certificate):
    """RFC 8446 section 6: a handshake the server refuses ends with an alert saying why, not a bare EOF. A client
    that offers only TLS 1.1 must read `protocol_version` (70)."""
    cert, key = tls_certificate
    server = lobby_server("--echo", "--tls-cert", cert, "--tls-key", key)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    context.set_ciphers("DEFAULT:@SECLEVEL=0")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        context.minimum_version = ssl.TLSVersion.TLSv1
        context.maximum_version = ssl.TLSVersion.TLSv1_1
    with socket.create_connection(server.address, timeout=5) as raw:
        with pytest.raises(ssl.SSLError) as refused:
            with context.wrap_socket(raw, server_hostname="localhost"):
                pass
    assert refused.value.reason == "TLSV1_ALERT_PROTOCOL_VERSION", refused.value
