#!/usr/bin/env bash
# Lobby benchmarks (`make bench`, `make bench-wsload`). See docs/benchmarks.md.
#
#   scripts/bench.sh            build release, run lobby-bench's scenarios against lobby-server, print a table
#   scripts/bench.sh game       the game-room benchmark (`make bench-game`): ROOMS rooms for DURATION s; a list in
#                               ROOMS ("250 500 1000 2000 3000") is a sweep, one fresh server per step
#   scripts/bench.sh wsload     run the independent rig in ../shared/bench (wsload + peers) with lobby-server added
#
# The server runs pinned to CPU $SERVER_CPU (taskset), the load tool to CPU $CLIENT_CPU; every scenario gets a
# freshly started server on a free port, stopped by its PID afterwards. All traffic stays on 127.0.0.1.
# Raw JSON lines go to bench-results/ (git-ignored).
#
# Environment:
#   DURATION=10                           seconds per measurement window (echo, each broadcast step)
#   RATES=100,200,400,800,1600,3200,6400  broadcast: messages/s per sender, one step each
#   SCENARIOS=echo,broadcast,idle,lobby,game   which scenarios to run (wsload mode: echo-pingpong,echo-rate,room,idle)
#   ECHO_CONNS=100  ROOMS=10  MEMBERS=100  IDLE_CONNS=10000  IDLE_RAMP=5000  IDLE_HOLD=5
#   LOBBIES=200  LOBBY_MEMBERS=8  LOBBY_RATE=2  LOBBY_DURATION=30   lobby chat: lobbies x players, msgs/s each
#   LOBBY_SERVER_ARGS='--rate-limits ...'  added to lobby-server's command for the lobby scenario
#   GAME_ROOMS=300  GAME_SPECTATORS=2  GAME_DURATION=10   the short game scenario of `make bench`
#   game mode (`make bench-game`): ROOMS=2000 (a list = sweep)  SPECTATORS=2  DURATION=30  GAME_RATE=60 (inputs/s
#     per player)  GAME_WARMUP_MS=2000  GAME_SRC_IPS=127.0.0.2,...  GAME_BENCH_ARGS='...' (more lobby-bench options)
#   GAME_SERVER_ARGS='--lobby-countdown-ms 0 --rate-limits ...'  added to lobby-server's command for game runs
#   SERVER_CPU=0  CLIENT_CPU=1
#   SERVER_CMD='...{port}...{db}...'      another server to measure instead of lobby-server (must serve /echo and
#                                         /room?room=R; lobby: the /ws protocol); readiness is then "the port
#                                         accepts connections"; {db} is the scenario's database file
#   SKIP_BUILD=1                          use the binaries already built
#   SCRATCH_PATH=.build                   swift build --scratch-path (binaries in $SCRATCH_PATH/release)
#   wsload mode only: PEERS=node  REPEATS=1
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

# Game mode's own defaults, read before the shared ones below are filled in.
GAME_MODE_ROOMS=${ROOMS:-2000}
GAME_MODE_DURATION=${DURATION:-30}
GAME_MODE_SPECTATORS=${SPECTATORS:-2}
DURATION=${DURATION:-10}
RATES=${RATES:-100,200,400,800,1600,3200,6400}
ECHO_CONNS=${ECHO_CONNS:-100}
ROOMS=${ROOMS:-10}
MEMBERS=${MEMBERS:-100}
IDLE_CONNS=${IDLE_CONNS:-10000}
IDLE_RAMP=${IDLE_RAMP:-5000}
IDLE_HOLD=${IDLE_HOLD:-5}
LOBBIES=${LOBBIES:-200}
LOBBY_MEMBERS=${LOBBY_MEMBERS:-8}
LOBBY_RATE=${LOBBY_RATE:-2}
LOBBY_DURATION=${LOBBY_DURATION:-30}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
SCRATCH_PATH=${SCRATCH_PATH:-$ROOT/.build}
SERVER_BIN="$SCRATCH_PATH/release/lobby-server"
BENCH_BIN="$SCRATCH_PATH/release/lobby-bench"
# notice: quiet under load, but still prints the `msg=listening ... port=N` line we wait for. {db}: the scenario's
# SQLite file (the lobby scenario gets a fresh one).
DEFAULT_SERVER_CMD="$SERVER_BIN --host 127.0.0.1 --port {port} --echo --bench-rooms --log-level notice --database-path {db}"
# The lobby scenario opens LOBBIES x LOBBY_MEMBERS connections from 127.0.0.1 at once (the default allows 20 new
# connections per second per address) and chats at LOBBY_RATE per player (the default chat bucket is 5, refilled
# at 2/s: enough for 2/s, not for bursts above it). Higher LOBBY_RATE needs a bigger chat limit here.
LOBBY_SERVER_ARGS=${LOBBY_SERVER_ARGS:-"--rate-limits connectionsPerIp=100000/100000,chat=20/10"}
# Game rooms: no countdown between ready and start (rooms set up, and rematches start, at once); the connections
# of all rooms come from 127.0.0.1 at once; each player sends GAME_RATE inputs/s (the default gameInput bucket,
# 120 refilled at 70/s, allows 60/s; a higher rate gets a bigger one).
GAME_RATE=${GAME_RATE:-60}
GAME_INPUT_LIMIT="$((GAME_RATE * 2 > 120 ? GAME_RATE * 2 : 120))/$((GAME_RATE + 10 > 70 ? GAME_RATE + 10 : 70))"
GAME_SERVER_ARGS=${GAME_SERVER_ARGS:-"--lobby-countdown-ms 0 --rate-limits connectionsPerIp=100000/100000,gameInput=$GAME_INPUT_LIMIT"}
GAME_ROOMS=${GAME_ROOMS:-300}
GAME_SPECTATORS=${GAME_SPECTATORS:-2}
GAME_DURATION=${GAME_DURATION:-10}
GAME_WARMUP_MS=${GAME_WARMUP_MS:-2000}
GAME_SRC_IPS=${GAME_SRC_IPS:-}
GAME_BENCH_ARGS=${GAME_BENCH_ARGS:-}
# The rig only needs the port to accept connections.
WSLOAD_SERVER_CMD="$SERVER_BIN --host 127.0.0.1 --port {port} --echo --bench-rooms --log-level warning --database-path $PWD/bench-results/bench.sqlite"
SERVER_CMD=${SERVER_CMD:-}
OUT_DIR="$ROOT/bench-results"
STAMP=$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT_DIR"

say() { printf '%s\n' "bench: $*" >&2; }
die() { say "$*"; exit 1; }

build() {
    [ "${SKIP_BUILD:-0}" = 1 ] && return
    say "building release (swift build -c release)"
    swift build -c release --scratch-path "$SCRATCH_PATH" --product lobby-bench
    [ -n "$SERVER_CMD" ] || swift build -c release --scratch-path "$SCRATCH_PATH" --product lobby-server
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Lets the server and the load tool hold many sockets (the hard limit here is 20,000).
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

SERVER_PID=""
SERVER_PORT=""
SERVER_LOG=""

# start_server NAME [DB [ARGS...]]: starts a fresh server on a free port (database file DB, default
# bench-results/bench.sqlite; ARGS appended to lobby-server's command line) and waits until it is ready.
start_server() {
    local name=$1 db=${2:-$OUT_DIR/bench.sqlite} port cmd
    shift $(($# < 2 ? $# : 2))
    port=$(free_port)
    cmd=${SERVER_CMD:-$DEFAULT_SERVER_CMD}
    cmd=${cmd//\{port\}/$port}
    cmd=${cmd//\{db\}/$db}
    [ -n "$SERVER_CMD" ] || [ $# -eq 0 ] || cmd="$cmd $*"
    SERVER_LOG="$OUT_DIR/server-$STAMP-$name.log"
    # shellcheck disable=SC2086  # the command line is split on purpose
    taskset -c "$SERVER_CPU" $cmd 2>"$SERVER_LOG" >/dev/null &
    SERVER_PID=$!
    SERVER_PORT=$port
    local deadline=$((SECONDS + 20))
    while :; do
        kill -0 "$SERVER_PID" 2>/dev/null || { cat "$SERVER_LOG" >&2; die "server exited during startup"; }
        # lobby-server logs `msg=listening ... port=NNNN` (logfmt) on stderr once it accepts connections; any
        # other server (SERVER_CMD) is ready when its port accepts a connection.
        local line
        line=$(grep -m1 'msg=listening' "$SERVER_LOG" || true)
        if [ -n "$line" ]; then
            local logged
            logged=$(sed -n 's/.*port=\([0-9][0-9]*\).*/\1/p' <<<"$line")
            [ -n "$logged" ] && SERVER_PORT=$logged
            break
        fi
        if [ -n "$SERVER_CMD" ] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            break
        fi
        [ $SECONDS -lt $deadline ] || { stop_server; die "server not ready after 20 s (log: $SERVER_LOG)"; }
        sleep 0.05
    done
    say "server ($name) pid $SERVER_PID on 127.0.0.1:$SERVER_PORT"
}

# stop_server: SIGTERM by PID, SIGKILL after 5 s.
stop_server() {
    [ -n "$SERVER_PID" ] || return 0
    if kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$SERVER_PID" 2>/dev/null && kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}
trap stop_server EXIT
trap 'stop_server; exit 130' INT TERM

# wait_idle: until the server used at most one clock tick of CPU in 200 ms (at most 5 s), after a warm-up.
wait_idle() {
    local last now i
    last=$(awk '{print $14 + $15}' "/proc/$SERVER_PID/stat" 2>/dev/null || echo 0)
    for i in $(seq 25); do
        sleep 0.2
        now=$(awk '{print $14 + $15}' "/proc/$SERVER_PID/stat" 2>/dev/null || echo 0)
        [ $((now - last)) -le 1 ] && return 0
        last=$now
    done
}

# warn_if_busy: other work on the host (a build) moves the figures a lot; say so before measuring.
warn_if_busy() {
    local a b
    a=$(awk '/^cpu /{print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6; exit}' /proc/stat)
    sleep 0.5
    b=$(awk '/^cpu /{print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6; exit}' /proc/stat)
    local busy
    busy=$(awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " "); t = y[1] - x[1];
        print (t > 0) ? int(100 * (1 - (y[2] - x[2]) / t)) : 0 }')
    [ "$busy" -le 15 ] || say "warning: host already ${busy}% busy before measuring; figures will be noisy"
}

# warm_up: 10 connections of echo for 1 s (lazy initialisation, allocator pools), then wait for quiet.
warm_up() {
    taskset -c "$CLIENT_CPU" "$BENCH_BIN" echo --quiet --url "ws://127.0.0.1:$SERVER_PORT/echo" --conns 10 \
        --duration 1 --setup-wait 0 >/dev/null
    wait_idle
}

# bench NAME ARGS...: runs lobby-bench pinned, summary to the terminal, JSON line appended to the results file.
bench() {
    local json
    warn_if_busy
    json=$(taskset -c "$CLIENT_CPU" "$BENCH_BIN" "$@" --server-pid "$SERVER_PID")
    printf '%s\n' "$json" >>"$RESULTS"
}

# run_game ROOMS SPECTATORS DURATION: one game run on a fresh server and database (the rooms' results are stored).
run_game() {
    local rooms=$1 spectators=$2 duration=$3
    local db="$OUT_DIR/game-$STAMP-$rooms.sqlite"
    rm -f "$db" "$db-wal" "$db-shm"
    # shellcheck disable=SC2086  # the arguments are split on purpose
    start_server "game-$rooms" "$db" $GAME_SERVER_ARGS
    warm_up
    local extra=()
    [ -z "$GAME_SRC_IPS" ] || extra+=(--src-ips "$GAME_SRC_IPS")
    # shellcheck disable=SC2206  # GAME_BENCH_ARGS is split on purpose
    extra+=($GAME_BENCH_ARGS)
    bench game --url "ws://127.0.0.1:$SERVER_PORT/ws" --rooms "$rooms" --spectators "$spectators" \
        --duration "$duration" --rate "$GAME_RATE" --warmup "$GAME_WARMUP_MS" "${extra[@]}"
    stop_server
    rm -f "$db" "$db-wal" "$db-shm"
}

# The game-room benchmark (`make bench-game`): one run per value of ROOMS (a sweep when there are several).
run_game_bench() {
    local rooms_list=$GAME_MODE_ROOMS
    RESULTS="$OUT_DIR/bench-game-$STAMP.jsonl"
    build
    [ -x "$BENCH_BIN" ] || die "missing $BENCH_BIN"
    [ -n "$SERVER_CMD" ] || [ -x "$SERVER_BIN" ] || die "missing $SERVER_BIN"
    for rooms in ${rooms_list//,/ }; do
        say "game: $rooms rooms x (2 players + $GAME_MODE_SPECTATORS spectators) for $GAME_MODE_DURATION s"
        run_game "$rooms" "$GAME_MODE_SPECTATORS" "$GAME_MODE_DURATION"
    done
    say "raw results: ${RESULTS#"$ROOT"/}"
    print_tables "$RESULTS"
}

run_lobby_bench() {
    local scenarios=${SCENARIOS:-echo,broadcast,idle,lobby,game}
    RESULTS="$OUT_DIR/bench-$STAMP.jsonl"
    build
    [ -x "$BENCH_BIN" ] || die "missing $BENCH_BIN"
    [ -n "$SERVER_CMD" ] || [ -x "$SERVER_BIN" ] || die "missing $SERVER_BIN"
    for scenario in ${scenarios//,/ }; do
        case $scenario in
        echo)
            start_server echo
            warm_up
            bench echo --url "ws://127.0.0.1:$SERVER_PORT/echo" --conns "$ECHO_CONNS" --duration "$DURATION"
            stop_server
            ;;
        broadcast)
            start_server broadcast
            warm_up
            bench broadcast --url "ws://127.0.0.1:$SERVER_PORT/room?room={room}" --rooms "$ROOMS" \
                --members "$MEMBERS" --rates "$RATES" --duration "$DURATION"
            stop_server
            ;;
        idle)
            # A fresh server and no warm-up: the memory baseline must be the untouched process.
            start_server idle
            sleep 0.5
            bench idle --url "ws://127.0.0.1:$SERVER_PORT/echo" --conns "$IDLE_CONNS" --ramp "$IDLE_RAMP" \
                --hold "$IDLE_HOLD"
            stop_server
            ;;
        lobby)
            # A fresh database: the history audit pages every lobby's chat, and a new file holds only this run's.
            local db="$OUT_DIR/lobby-$STAMP.sqlite"
            rm -f "$db" "$db-wal" "$db-shm"
            # shellcheck disable=SC2086  # the arguments are split on purpose
            start_server lobby "$db" $LOBBY_SERVER_ARGS
            warm_up
            bench lobby --url "ws://127.0.0.1:$SERVER_PORT/ws" --lobbies "$LOBBIES" --members "$LOBBY_MEMBERS" \
                --rate "$LOBBY_RATE" --duration "$LOBBY_DURATION"
            stop_server
            rm -f "$db" "$db-wal" "$db-shm"
            ;;
        game)
            run_game "$GAME_ROOMS" "$GAME_SPECTATORS" "$GAME_DURATION"
            ;;
        *) die "unknown scenario '$scenario' (echo, broadcast, idle, lobby, game)" ;;
        esac
    done
    say "raw results: ${RESULTS#"$ROOT"/}"
    print_tables "$RESULTS"
}

# print_tables FILE: a markdown table per result line of FILE; game runs of several room counts also get a sweep
# table and the room count at which tick-lateness p99 passes 1 ms.
print_tables() {
    python3 - "$1" <<'EOF'
import json, sys

def n(x, nd=0):
    return "n/a" if x is None else ("{:,.%df}" % nd).format(x)

def sm(r):
    return r.get("server_metrics") or {}

def late(r):
    return sm(r).get("lateness_ms") or {}

def game_tables(r):
    ack, st = r["ack_lat_us"], r["staleness_ms"]
    print("| game %d rooms x (2 + %d) @ %s inputs/s | states/s (players / spectators) | of due | tick gaps players / spectators (ticks missed) | input→ack p50 / p99 / p99.9 ms | staleness p50 / p99 ms | games ended | errors | server / client CPU %% |"
          % (r["rooms_running"], r["spectators"], n(r["rate"])))
    print("|---|---|---|---|---|---|---|---|---|")
    print("| %s s | %s (%s / %s) | %.1f %% | %s / %s (%s / %s) | %s / %s / %s | %s / %s | %s | %s | %s / %s |" % (
        n(r["duration_s"]), n(r["states_per_s"]), n(r["states_players_per_s"]), n(r["states_spectators_per_s"]),
        100 * r["states_share"], r["tick_gaps_players"], r["tick_gaps_spectators"], r["ticks_missed_players"],
        r["ticks_missed_spectators"], n(ack["p50"] / 1000, 2), n(ack["p99"] / 1000, 2), n(ack["p999"] / 1000, 2),
        n(st["players"]["p50"], 1), n(st["players"]["p99"], 1), sum(r["games_ended"].values()),
        sum(r["errors"].values()), n(r["server_cpu_pct"]), n(r["client_cpu_pct"])))
    m = sm(r)
    if not m:
        print("(game: no /metrics figures: %s)" % r.get("metrics_err"))
        return
    lt, du = late(r), m.get("duration_ms") or {}
    print()
    print("| server: ticks / due | late | skipped | lateness p50 / p99 (bucket) / highest bucket ms | ≤ 1 ms | tick run p50 / p99 ms | mean period ms (drift) | deliveries/s | snapshots dropped |")
    print("|---|---|---|---|---|---|---|---|---|")
    print("| %s / %s | %s | %s | %s / %s (≤ %s) / ≤ %s | %s | %s / %s | %s (%s ppm) | %s | %s |" % (
        n(m.get("ticks")), n(m.get("ticks_due")), n(m.get("late_ticks")), n(m.get("skipped_ticks")),
        n(lt.get("p50"), 3), n(lt.get("p99"), 3), n(lt.get("p99_le"), 3),
        "+Inf" if lt.get("max_in_inf_bucket") else n(lt.get("max_le"), 3),
        "n/a" if lt.get("share_le_1ms") is None else "%.3f %%" % (100 * lt["share_le_1ms"]),
        n(du.get("p50"), 3), n(du.get("p99"), 3), n(m.get("mean_period_ms"), 4), n(m.get("period_drift_ppm"), 1),
        n(m.get("state_deliveries_per_s")), n(m.get("snapshots_dropped"))))

def game_sweep(games):
    if len(games) < 2:
        return
    print("| rooms | states/s | lateness p99 ms (bucket) | highest bucket ms | ≤ 1 ms | late | skipped | drift ppm | tick run p99 ms | input→ack p99 ms | server / client CPU % |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    passed = None
    for r in games:
        m, lt = sm(r), late(r)
        share = lt.get("share_le_1ms")
        if passed is None and share is not None and share < 0.99:
            passed = r["rooms"]
        print("| %s | %s | %s (≤ %s) | %s | %s | %s | %s | %s | %s | %s | %s / %s |" % (
            n(r["rooms_running"]), n(r["states_per_s"]), n(lt.get("p99"), 3), n(lt.get("p99_le"), 3),
            "+Inf" if lt.get("max_in_inf_bucket") else n(lt.get("max_le"), 3),
            "n/a" if share is None else "%.3f %%" % (100 * share), n(m.get("late_ticks")), n(m.get("skipped_ticks")),
            n(m.get("period_drift_ppm"), 1), n((m.get("duration_ms") or {}).get("p99"), 3),
            n(r["ack_lat_us"]["p99"] / 1000, 2), n(r["server_cpu_pct"]), n(r["client_cpu_pct"])))
    if passed is None:
        print("tick-lateness p99 stays within 1 ms up to %s rooms" % n(games[-1]["rooms"]))
    else:
        print("tick-lateness p99 passes 1 ms at %s rooms (the first step with under 99 %% of ticks within 1 ms)" % n(passed))
    print()

rows = [json.loads(line) for line in open(sys.argv[1]) if line.startswith("{")]
print()
for r in rows:
    s = r["scenario"]
    if s == "echo":
        lat = r["lat_us"]
        print("| echo: conns | msg/s | p50 µs | p90 µs | p99 µs | p99.9 µs | max µs | server / client CPU % |")
        print("|---|---|---|---|---|---|---|---|")
        print("| %s | %s | %s | %s | %s | %s | %s | %s / %s |" % (
            r["conns_ok"], n(r["msgs_per_s"]), n(lat["p50"], 1), n(lat["p90"], 1), n(lat["p99"], 1),
            n(lat["p999"], 1), n(lat["max"], 1), n(r["server_cpu_pct"]), n(r["client_cpu_pct"])))
    elif s == "broadcast":
        print("| broadcast %dx%d: rate/sender | offered/s | delivered/s | share | p50 µs | p99 µs | drain ms | server / client CPU %% |"
              % (r["rooms"], r["members"]))
        print("|---|---|---|---|---|---|---|---|")
        for st in r["steps"]:
            print("| %s | %s | %s | %.1f %% | %s | %s | %s | %s / %s |" % (
                n(st["rate"]), n(st["offered_per_s"]), n(st["delivered_per_s"]), 100 * st["delivered_share"],
                n(st["lat_us"]["p50"], 1), n(st["lat_us"]["p99"], 1), n(st["drain_ms"]),
                n(st["server_cpu_pct"]), n(st["client_cpu_pct"])))
        print("peak %s deliveries/s at %s msg/s per sender; saturation from %s" % (
            n(r["peak_delivered_per_s"]), n(r["peak_rate"]), n(r["saturation_rate"])))
    elif s == "lobby" and "lat_us" not in r:
        print("(lobby: no lobby was ready; errors %s, first: %s)" % (r.get("setup_errors"), r.get("first_setup_err")))
    elif s == "lobby":
        lat = r["lat_us"]
        print("| lobby %dx%d @ %s msg/s: sent/s | deliveries/s | delivered | p50 µs | p99 µs | p99.9 µs | persisted | persisted/s | server / client CPU %% |"
              % (r["lobbies_ready"], r["members"], n(r["rate"], 1)))
        print("|---|---|---|---|---|---|---|---|---|")
        print("| %s | %s | %s of %s | %s | %s | %s | %s of %s%s | %s | %s / %s |" % (
            n(r["sent_per_s"]), n(r["deliveries_per_s"]), n(r["deliveries_total"]), n(r["deliveries_expected"]),
            n(lat["p50"], 1), n(lat["p99"], 1), n(lat["p999"], 1), n(r["persisted"]), n(r["sent"]),
            "" if r["persisted_all"] else " (MISSING %s)" % n(r["persisted_missing"]), n(r["persisted_per_s"]),
            n(r["server_cpu_pct"]), n(r["client_cpu_pct"])))
        errors = dict(r.get("setup_errors") or {}, **(r.get("chat_errors") or {}))
        if errors or r["lobbies_ready"] != r["lobbies"]:
            print("(lobby: %s of %s lobbies ready; errors %s)" % (r["lobbies_ready"], r["lobbies"], errors))
    elif s == "idle":
        sv = r["server"]
        print("| idle: conns open | server VmRSS KiB before -> after hold | KiB per connection |")
        print("|---|---|---|")
        print("| %s | %s -> %s | %s |" % (r["conns_ok"], n(sv["rss_kb_before"]), n(sv["rss_kb_after_hold"]),
                                      n(r["kib_per_conn"], 2)))
    elif s == "game":
        game_tables(r)
    problems = {k: r[k] for k in ("conns_failed", "err_eof", "err_reset", "err_proto", "err_other", "close_timeouts")
                if r.get(k)}
    if problems:
        print("(%s: %s)" % (s, ", ".join("%s %s" % kv for kv in problems.items())))
    print()
game_sweep([r for r in rows if r["scenario"] == "game"])
EOF
}

# The independent rig: a copy of ../shared/bench (read-only) under bench-results/, built there.
run_wsload_rig() {
    local shared="$ROOT/../shared/bench" rig="$OUT_DIR/wsload-rig"
    [ -f "$shared/run_bench.py" ] || die "no rig at $shared"
    build
    rm -rf "$rig"
    cp -r "$shared" "$rig"
    chmod -R u+w "$rig"
    make -C "$rig" >/dev/null
    local scenarios=${SCENARIOS:-echo-pingpong,echo-rate,room,idle}
    local cmd=${SERVER_CMD:-$WSLOAD_SERVER_CMD}
    (cd "$rig" && python3 run_bench.py --peers "${PEERS:-node}" --peer "lobby=$cmd" --scenarios "$scenarios" \
        --repeats "${REPEATS:-1}" --duration "$DURATION" --out "$OUT_DIR/wsload-$STAMP.jsonl")
}

case ${1:-lobby} in
lobby) run_lobby_bench ;;
game) run_game_bench ;;
wsload) run_wsload_rig ;;
*) die "usage: scripts/bench.sh [lobby|game|wsload]" ;;
esac
