"""Fixtures for the interop tests: start the real `lobby-server` binary, wait for it to listen, stop it.

The binary is `$LOBBY_SERVER_BIN`, else `<repo>/.build/debug/lobby-server` (build it with `swift build` first).
A missing binary, a server that never prints its listening line within 20 s, or a server that dies during a test
is a test failure, never a skip. Only the processes started here are ever signalled, by PID.
"""

from __future__ import annotations

import collections
import ctypes
import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # wire.py, rawclient.py

REPO = Path(__file__).resolve().parents[2]
STARTUP_TIMEOUT = 20.0
STOP_GRACE = 5.0
LISTENING = re.compile(r"\bmsg=listening\b.*\bport=(\d+)")

# Environment variables the server reads (Config+Settings.swift): scrubbed from the child's environment so a
# stray PORT or MAX_MESSAGE_SIZE in the caller's shell cannot change what a test exercises. Flags set the rest.
SERVER_ENV = {
    "LOBBY_ENV", "HOST", "PORT", "LOOPS", "WS_PATH", "HEALTH_PATH", "ECHO_ENABLED", "ECHO_PATH",
    "ECHO_MAX_MESSAGE_SIZE", "BENCH_ROOMS", "MAX_MESSAGE_SIZE", "MAX_HEADER_SIZE", "MAX_BODY_SIZE",
    "SEND_HIGH_WATER", "REQUEST_TIMEOUT_MS", "KEEPALIVE_TIMEOUT_MS", "CLOSE_TIMEOUT_MS", "PING_INTERVAL_MS",
    "IDLE_TIMEOUT_MS", "SHUTDOWN_TIMEOUT_MS", "ALLOWED_ORIGINS", "TLS_CERT", "TLS_KEY", "MAX_CONNECTIONS",
    "LOG_LEVEL", "PERMESSAGE_DEFLATE", "JWT_SECRET", "JWT_LEEWAY_SECONDS", "RATE_LIMITS", "METRICS_PATH",
    "SEND_STALL_TIMEOUT_MS", "SEND_NOTSENT_LOWAT", "DATABASE_PATH", "MIGRATIONS_DIR", "SERVER_ID",
    "PRESENCE_GRACE_MS", "LOBBY_RECONNECT_GRACE_MS", "LOBBY_COUNTDOWN_MS", "LOBBY_INVITATION_TTL_MS",
    "LOBBY_CHAT_KEEP", "LOBBY_CHAT_MAX_AGE_DAYS", "GAME_TICK_RATE", "GAME_STATE_RATE", "GAME_SPECTATOR_STATE_RATE",
    "GAME_SPECTATOR_DELAY_MS", "TOURNAMENT_SPECTATOR_DELAY_MS", "GAME_RECONNECT_GRACE_MS", "GAME_RESUME_COUNTDOWN_MS",
    "GAME_SERVE_DELAY_MS", "GAME_SHARDS", "GAME_THREAD_PRIORITY",
}

# The conformance server: big enough for Autobahn's 16 MiB cases (group 9).
ECHO_FLAGS = ("--echo", "--echo-max-message-size", "17000000")
# The limit server for group 10: small echo limit.
LIMITED_ECHO_LIMIT = 65536
LIMITED_ECHO_FLAGS = ("--echo", "--echo-max-message-size", str(LIMITED_ECHO_LIMIT))


def _die_with_parent() -> None:
    """In the child before exec: ask Linux to SIGTERM it if pytest itself dies (prctl PR_SET_PDEATHSIG), so an
    interrupted run leaves no server behind."""
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG


def server_binary() -> Path:
    """The lobby-server executable under test."""
    path = Path(os.environ.get("LOBBY_SERVER_BIN", REPO / ".build" / "debug" / "lobby-server"))
    if not path.is_file() or not os.access(path, os.X_OK):
        pytest.fail(f"lobby-server binary not found at {path}: run `swift build` or set LOBBY_SERVER_BIN",
                    pytrace=False)
    return path


class LobbyServer:
    """One `lobby-server` child process. Its stderr is drained continuously by a thread (so debug logging
    can never fill the pipe and stall the server) and kept for failure reports."""

    def __init__(self, flags: tuple[str, ...]) -> None:
        self.flags = tuple(flags)
        self.host = "127.0.0.1"
        self.port: int | None = None
        self.log: collections.deque[str] = collections.deque(maxlen=400)
        self._ready = threading.Event()
        env = {k: v for k, v in os.environ.items() if k not in SERVER_ENV}
        args = [str(server_binary()), "--host", self.host, "--port", "0", *self.flags]
        self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, env=env, preexec_fn=_die_with_parent)
        threading.Thread(target=self._drain, daemon=True).start()
        if not self._ready.wait(STARTUP_TIMEOUT) or self.port is None:
            status = self.process.poll()
            self.stop()
            reason = f"exited with {status}" if status is not None else f"not listening after {STARTUP_TIMEOUT}s"
            pytest.fail(f"lobby-server {' '.join(self.flags)} {reason}:\n{self.log_tail()}", pytrace=False)

    def _drain(self) -> None:
        for raw in self.process.stderr:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            self.log.append(line)
            if self.port is None:
                match = LISTENING.search(line)
                if match:
                    self.port = int(match.group(1))
                    self._ready.set()
        self._ready.set()  # EOF: the process is gone; wake the waiter

    @property
    def address(self) -> tuple[str, int]:
        """(host, port) the server listens on."""
        assert self.port is not None
        return self.host, self.port

    def is_running(self) -> bool:
        """True while the process has not exited."""
        return self.process.poll() is None

    def log_tail(self, lines: int = 60) -> str:
        """The last lines the server logged."""
        return "\n".join(list(self.log)[-lines:])

    def stop(self) -> int | None:
        """SIGTERM (graceful shutdown), then SIGKILL after 5 s; returns the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(STOP_GRACE)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


class ServerPool:
    """Servers shared by a whole session, one per distinct flag set, so the hundreds of conformance cases do
    not each pay for a start-up. `check_alive` turns a crash into a failure of the test that caused it."""

    def __init__(self) -> None:
        self.servers: dict[tuple[str, ...], LobbyServer] = {}

    def get(self, flags: tuple[str, ...]) -> LobbyServer:
        server = self.servers.get(flags)
        if server is None or not server.is_running():
            server = self.servers[flags] = LobbyServer(flags)
        return server

    def check_alive(self) -> None:
        for server in self.servers.values():
            if not server.is_running():
                pytest.fail(f"lobby-server {' '.join(server.flags)} died (exit {server.process.returncode}):\n"
                            f"{server.log_tail()}", pytrace=False)

    def stop_all(self) -> None:
        for server in self.servers.values():
            server.stop()


@pytest.fixture(scope="session")
def server_pool():
    pool = ServerPool()
    yield pool
    pool.stop_all()


@pytest.fixture(autouse=True)
def _shared_servers_survive(request):
    """After every test, fails it if a shared server died while it ran (and prints the server's log)."""
    yield
    if "server_pool" in request.fixturenames:
        request.getfixturevalue("server_pool").check_alive()


@pytest.fixture
def lobby_server():
    """Factory: `lobby_server(*flags)` starts a private server and returns it (`.address` is (host, port));
    every server started this way is stopped when the test ends, and must not have died before that."""
    started: list[LobbyServer] = []

    def start(*flags: str) -> LobbyServer:
        server = LobbyServer(tuple(flags))
        started.append(server)
        return server

    yield start
    crashed = [s for s in started if not s.is_running()]
    for server in started:
        server.stop()
    if crashed:
        s = crashed[0]
        pytest.fail(f"lobby-server {' '.join(s.flags)} died during the test (exit {s.process.returncode}):\n"
                    f"{s.log_tail()}", pytrace=False)


@pytest.fixture
def echo_server(server_pool) -> tuple[str, int]:
    """(host, port) of the shared conformance server: /echo with a 17,000,000-byte echo limit."""
    return server_pool.get(ECHO_FLAGS).address


@pytest.fixture
def limited_echo_server(server_pool) -> tuple[str, int]:
    """(host, port) of a shared server whose /echo limit is LIMITED_ECHO_LIMIT bytes."""
    return server_pool.get(LIMITED_ECHO_FLAGS).address


@pytest.fixture(scope="session")
def tls_certificate(tmp_path_factory) -> tuple[str, str]:
    """(certificate, key) PEM paths: a self-signed RSA certificate for localhost and 127.0.0.1, made now with
    the openssl command (the same recipe as Tests/LobbyServerTests/TLS/TestCertificate.swift)."""
    directory = tmp_path_factory.mktemp("tls")
    cert, key = directory / "c.pem", directory / "k.pem"
    result = subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "1",
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"openssl failed: {result.stderr}"
    return str(cert), str(key)

