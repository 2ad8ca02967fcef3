"""Whole Pong games on /ws played by clients we did not write: the `websockets` library's asyncio client (with a
third client spectating from the middle of the game), and Node's `ws` (Debian's node-ws) as one of the players.
Tokens come from `lobby-server token` (the development secret the test server also uses).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess

from conftest import server_binary
from websockets.asyncio.client import connect


def token(user: str) -> str:
    out = subprocess.run([str(server_binary()), "token", "--user", user, "--username", user, "--ttl", "600"],
                         check=True, capture_output=True, text=True)
    return out.stdout.strip()


class Client:
    """One JSON-event session: `send`, and `expect` (skips other events) with a deadline."""

    def __init__(self, ws) -> None:
        self.ws = ws

    async def send(self, type_: str, payload: dict | None = None, id_: str | None = None) -> None:
        message: dict = {"type": type_, "payload": payload or {}}
        if id_ is not None:
            message["id"] = id_
        await self.ws.send(json.dumps(message))

    async def expect(self, match, timeout: float = 10.0) -> dict:
        async def loop() -> dict:
            while True:
                event = json.loads(await self.ws.recv())
                if match(event):
                    return event
        return await asyncio.wait_for(loop(), timeout)


def of_type(name: str, **fields):
    def match(event: dict) -> bool:
        if event["type"] != name:
            return False
        payload = event.get("payload", {})
        return all(payload.get(k) == v for k, v in fields.items())
    return match


async def play(host: str, port: int) -> None:
    url = f"ws://{host}:{port}/ws?token="
    async with connect(url + token("py-alice")) as a, connect(url + token("py-bob")) as b, \
            connect(url + token("py-carol")) as c:
        alice, bob, carol = Client(a), Client(b), Client(c)
        for client in (alice, bob, carol):
            await client.expect(of_type("connection.ack"))
        await alice.send("lobby:create", {"name": "py match", "maxPlayers": 2, "settings": {"pointsToWin": 2}}, "c")
        created = await alice.expect(of_type("lobby:created"))
        lobby_id = created["payload"]["lobby"]["id"]
        await bob.send("lobby:join", {"lobbyId": lobby_id}, "j")
        await bob.expect(of_type("lobby:joined"))
        await alice.send("lobby:ready", {"ready": True}, "r1")
        await bob.send("lobby:ready", {"ready": True}, "r2")
        start_a = await alice.expect(of_type("game:start", role="player"))
        start_b = await bob.expect(of_type("game:start", role="player"))
        game_id = start_a["payload"]["gameId"]
        assert start_b["payload"]["gameId"] == game_id
        assert (start_a["payload"]["side"], start_b["payload"]["side"]) == ("left", "right")
        # Both paddles leave the ball's path: every serve scores.
        await alice.send("game:input", {"gameId": game_id, "seq": 1, "target": 0})
        await bob.send("game:input", {"gameId": game_id, "seq": 1, "direction": "down"})
        await alice.expect(lambda e: e["type"] == "game:state" and e["payload"]["lastSeq"] == {"left": 1, "right": 1})
        # Carol finds the game in the listing and watches it.
        await carol.send("game:list", {}, "gl")
        listing = await carol.expect(of_type("game:list"))
        assert [g["gameId"] for g in listing["payload"]["games"]] == [game_id]
        await carol.send("game:spectate", {"gameId": game_id}, "sp")
        watching = await carol.expect(lambda e: e.get("replyTo") == "sp")
        assert watching["type"] == "game:start" and watching["payload"]["role"] == "spectator"
        state = await carol.expect(of_type("game:state", gameId=game_id))
        assert set(state["payload"]) >= {"tick", "phase", "ball", "paddles", "score", "lastSeq", "spectators"}
        # The game ends by score for all three.
        ends = [await client.expect(of_type("game:end", gameId=game_id), timeout=20) for client in (alice, bob, carol)]
        payloads = [e["payload"] for e in ends]
        assert payloads[0] == payloads[1] == payloads[2]
        end = payloads[0]
        assert end["reason"] == "score" and max(end["score"].values()) == 2
        winner = "py-alice" if end["score"]["left"] == 2 else "py-bob"
        assert end["winnerId"] == winner
        finished = await alice.expect(lambda e: e["type"] == "lobby:update"
                                      and e["payload"]["lobby"]["state"] == "finished")
        assert finished["payload"]["lobby"]["result"]["winnerId"] == winner


def test_websockets_clients_play_a_game_with_a_spectator(lobby_server, tmp_path):
    server = lobby_server("--database-path", str(tmp_path / "game.sqlite"), "--lobby-countdown-ms", "0",
                          "--game-serve-delay-ms", "100")
    asyncio.run(play(*server.address))


NODE_PLAYER = r"""
// Plays one side of a game with Node's `ws` (Debian's node-ws): join the lobby, get ready, move the paddle away
// from the ball, report the game:end it receives (and the last lastSeq it saw for its side) as JSON.
const WebSocket = require('ws');
const [url, lobbyId] = process.argv.slice(2);
const ws = new WebSocket(url, { perMessageDeflate: false });
let gameId = null, side = null, lastSeq = 0, seq = 0;
const send = (type, payload, id) => ws.send(JSON.stringify(id ? { type, payload, id } : { type, payload }));
ws.on('message', (data) => {
  const event = JSON.parse(data.toString());
  const p = event.payload || {};
  if (event.type === 'connection.ack') send('lobby:join', { lobbyId }, 'j');
  else if (event.type === 'lobby:joined') send('lobby:ready', { ready: true }, 'r');
  else if (event.type === 'game:start' && p.role === 'player') {
    gameId = p.gameId; side = p.side;
    send('game:input', { gameId, seq: ++seq, direction: 'up' });
  } else if (event.type === 'game:state' && side) lastSeq = p.lastSeq[side];
  else if (event.type === 'game:end') {
    console.log(JSON.stringify({ end: p, side, lastSeq }));
    ws.close(1000);
  } else if (event.type === 'system.error') console.log(JSON.stringify({ error: p }));
});
ws.on('close', () => process.exit(0));
ws.on('error', (error) => { console.log(JSON.stringify({ error: String(error) })); process.exit(1); });
setTimeout(() => { console.log(JSON.stringify({ timeout: { gameId, side, lastSeq } })); process.exit(2); }, 30000);
"""


async def host_against_node(host: str, port: int, script: str) -> tuple[dict, subprocess.CompletedProcess]:
    node = shutil.which("node") or shutil.which("nodejs")
    assert node, "node is not installed (apt-get install nodejs node-ws)"
    url = f"ws://{host}:{port}/ws?token="
    async with connect(url + token("py-host")) as a:
        alice = Client(a)
        await alice.expect(of_type("connection.ack"))
        await alice.send("lobby:create", {"name": "py vs node", "maxPlayers": 2, "settings": {"pointsToWin": 1}}, "c")
        lobby_id = (await alice.expect(of_type("lobby:created")))["payload"]["lobby"]["id"]
        env = dict(os.environ, NODE_PATH="/usr/share/nodejs")
        process = await asyncio.create_subprocess_exec(
            node, script, url + token("node-guest"), lobby_id, env=env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        await alice.expect(of_type("lobby:player:join"))
        await alice.send("lobby:ready", {"ready": True}, "r")
        start = await alice.expect(of_type("game:start", role="player"))
        game_id = start["payload"]["gameId"]
        await alice.send("game:input", {"gameId": game_id, "seq": 1, "direction": "down"})
        end = await alice.expect(of_type("game:end", gameId=game_id), timeout=20)
        stdout, stderr = await asyncio.wait_for(process.communicate(), 30)
        return end["payload"], subprocess.CompletedProcess([node], process.returncode, stdout.decode(), stderr.decode())


def test_node_ws_client_plays_against_a_python_client(lobby_server, tmp_path):
    server = lobby_server("--database-path", str(tmp_path / "game.sqlite"), "--lobby-countdown-ms", "0",
                          "--game-serve-delay-ms", "100")
    script = tmp_path / "node_player.js"
    script.write_text(NODE_PLAYER)
    end, node = asyncio.run(host_against_node(*server.address, str(script)))
    assert node.returncode == 0, f"node exited {node.returncode}: {node.stdout}{node.stderr}"
    report = json.loads(node.stdout.strip().splitlines()[-1])
    assert report["end"] == end, report
    assert report["side"] == "right" and report["lastSeq"] == 1
    assert end["reason"] == "score" and max(end["score"].values()) == 1
