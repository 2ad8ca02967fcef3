"""/echo driven by Node's `ws` client (Debian's node-ws in /usr/share/nodejs/ws), a third implementation we did
not write. node and node-ws are required: scripts/test.sh installs them, so their absence is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

NODE_MODULES = Path("/usr/share/nodejs")

SCRIPT = r"""
const WebSocket = require('ws');
const url = process.argv[2];
const results = {};
const ws = new WebSocket(url, { perMessageDeflate: false });
const expected = [
  ['text', 'héllo from node ✓', false],
  ['binary', Buffer.from([0, 1, 2, 253, 254, 255]), true],
  ['big', Buffer.alloc(300000, 7), true],
  ['empty', '', false],
];
let index = 0;
function sendNext() {
  if (index < expected.length) { ws.send(expected[index][1]); return; }
  ws.ping(Buffer.from('node ping'));
}
ws.on('open', sendNext);
ws.on('message', (data, isBinary) => {
  const [name, sent, binary] = expected[index];
  const same = binary ? Buffer.compare(Buffer.from(data), sent) === 0 : data.toString('utf8') === sent;
  results[name] = { same, isBinary, length: data.length };
  index += 1;
  sendNext();
});
ws.on('pong', (data) => {
  results.pong = data.toString();
  ws.close(4001, 'node says bye');
});
ws.on('close', (code, reason) => {
  results.close = { code, reason: reason.toString() };
  console.log(JSON.stringify(results));
  process.exit(0);
});
ws.on('error', (error) => { console.log(JSON.stringify({ error: String(error) })); process.exit(1); });
setTimeout(() => { console.log(JSON.stringify({ timeout: results })); process.exit(2); }, 15000);
"""


def test_node_ws_client_round_trips_and_close_code(echo_server, tmp_path):
    node = shutil.which("node") or shutil.which("nodejs")
    assert node, "node is not installed (apt-get install nodejs node-ws)"
    assert (NODE_MODULES / "ws").is_dir(), f"node-ws missing at {NODE_MODULES / 'ws'} (apt-get install node-ws)"
    script = tmp_path / "echo_client.js"
    script.write_text(SCRIPT)
    host, port = echo_server
    env = dict(os.environ, NODE_PATH=str(NODE_MODULES))
    result = subprocess.run([node, str(script), f"ws://{host}:{port}/echo"], capture_output=True, text=True,
                            timeout=30, env=env)
    assert result.returncode == 0, f"node exited {result.returncode}: {result.stdout}{result.stderr}"
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["text"] == {"same": True, "isBinary": False, "length": len("héllo from node ✓".encode())}
    assert report["binary"] == {"same": True, "isBinary": True, "length": 6}
    assert report["big"] == {"same": True, "isBinary": True, "length": 300000}
    assert report["empty"] == {"same": True, "isBinary": False, "length": 0}
    assert report["pong"] == "node ping"
    assert report["close"]["code"] == 4001  # echoed (the reason need not be: RFC 6455 section 5.5.1)
