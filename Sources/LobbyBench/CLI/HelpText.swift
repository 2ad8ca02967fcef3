/// `lobby-bench --help`.
enum HelpText {
    /// The full usage text.
    static let usage = """
        lobby-bench: load generator for WebSocket servers on this machine (127.0.0.0/8 only).
        One thread, epoll, non-blocking sockets; latency from markers T<monotonic ns>_<seq> carried in every message.

        usage:
          lobby-bench echo      --url ws://127.0.0.1:PORT/echo [--conns 100] [--duration 10] [--inflight 1]
                                [--size 32] [--rate 0]
          lobby-bench broadcast --url 'ws://127.0.0.1:PORT/room?room={room}' [--rooms 10] [--members 100]
                                [--rates 100,200,400,800,1600,3200,6400] [--duration 10]
          lobby-bench idle      --url ws://127.0.0.1:PORT/echo [--conns 10000] [--ramp 5000] [--hold 5]
          lobby-bench lobby     --url ws://127.0.0.1:PORT/ws [--lobbies 200] [--members 8] [--rate 2]
                                [--duration 30] [--secret S]
          lobby-bench game      --url ws://127.0.0.1:PORT/ws [--rooms 2000] [--spectators 2] [--rate 60]
                                [--duration 30] [--points-to-win 21] [--secret S]
          lobby-bench selftest  (histogram, markers, message sizes, masking, loopback rule, lobby tokens and
                                messages, game state/start scanning, /metrics parsing; no server needed)
          (any subcommand)      [--server-pid PID] [--src-ips A,B,...] [--max-pending 256]
                                [--connect-timeout 10000] [--close-timeout 2000] [--quiet] [--progress]

        echo: closed-loop ping-pong on /echo. Every connection keeps --inflight messages unanswered and sends the next
          when one of its own echoes returns (or, with --rate R > 0, sends R messages/s on its own schedule).
          Reports messages/s (echoes received inside the window), p50/p90/p99/p99.9/max latency in µs, CPU.
            --conns N            connections, all of them send (default 100)
            --duration S         measurement window in seconds (default 10)
            --inflight K         unanswered messages per connection (default 1 = ping-pong)
            --size B             text payload bytes, marker padded with '.' (default 32)
            --rate R             fixed rate per connection instead of closed loop (default 0 = closed loop)
            --setup-wait MS      pause between connecting and measuring (default 500)
            --drain MS           after the window, wait up to MS for outstanding echoes (default 1000)
            --inflight-timeout MS  give up on an echo after MS and send a new message (default 5000)
            --ramp R             connections started per second (default 0 = as fast as --max-pending allows)

        broadcast: rooms x members connections; connection i joins room i % rooms ({room} in the URL), so
          connections 0..rooms-1 are the senders, one per room. Each sender sends ~140-byte JSON chat messages at
          RATE msgs/s; the server delivers each to every member of the room, the sender included. For each rate
          step (same connections): offered deliveries/s = rate x rooms x members, delivered/s, p50/p99 latency,
          drain. Stops after the second step that delivers < 90 % of what was offered (saturation).
            --rooms N            rooms = senders (default 10)
            --members M          connections per room (default 100)
            --rates A,B,...      messages/s per sender, one step each (default 100,200,...,6400)
            --duration S         seconds per step (default 10)
            --setup-wait MS      pause between connecting and the first step (default 1000)
            --drain MS           after each step, count late deliveries for up to MS (default 2000)
            --pause MS           pause between steps, extended until nothing arrives for 250 ms (default 500)
            --settle-max MS      longest such pause (default 30000)
            --msg TEMPLATE       message text; {room}, {i} and {mark} are substituted (default: the chat JSON)
            --ramp R             connections started per second (default 0)

        idle: opens N connections, holds them without traffic, reads the server's VmRSS before connecting and
          after holding, and prints KiB per connection = (after - before) / connections opened.
            --conns N            connections (default 10000)
            --ramp R             connections started per second (default 5000; 0 = as fast as possible)
            --hold S             seconds to hold them once all are open (default 5)

        lobby: the real protocol on /ws. lobbies x members players, each logged in with its own HS256 token
          (sub = username = bench-L-M, signed with --secret). Member 0 of each lobby sends lobby:create, the others
          lobby:join; once all are in, every player sends lobby:chat at RATE msgs/s on its own schedule (marker in
          the text, a unique envelope id). Every member gets every message of its lobby (its own with replyTo):
          deliveries/s and latency from the markers. Then each host pages lobby:chat:history (limit 100, before)
          and every message sent must be there once: persisted, missing, duplicates, persisted/s.
          The server must allow 1,600 connections from one address and the chat rate:
          --rate-limits "connectionsPerIp=100000/100000,chat=20/10".
            --lobbies N          lobbies (default 200)
            --members M          players per lobby, 2-8 = maxPlayers (default 8)
            --rate R             chat messages/s per player (default 2)
            --duration S         measurement window in seconds (default 30)
            --secret S           JWT secret (default: the server's public development secret)
            --setup-timeout MS   longest wait for the lobbies to fill (default 30000)
            --setup-wait MS      pause between filling the lobbies and chatting (default 500)
            --drain MS           after the window, count late deliveries for up to MS (default 2000)
            --history-timeout MS longest history audit (default 60000)
            --ramp R             connections started per second (default 0)

        game: Pong rooms on /ws. rooms x (2 players + S spectators), each logged in with its own HS256 token
          (users PREFIX-ROOM-MEMBER, a new prefix per run). Per room: player 0 lobby:create (maxPlayers 2,
          pointsToWin), player 1 lobby:join, both lobby:ready; on game:start the spectators game:spectate. Once every
          room runs (and --warmup), a window of --duration: players send game:input at RATE/s (seq rising, target =
          where the ball will meet the paddle, or the ball's y with --aim follow). Reports game:state frames/s
          received by players and spectators vs due, tick gaps, staleness (state timestamp to receipt, ms),
          input->ack latency (send of seq n to the first state whose lastSeq for my side >= n), games ended and
          rematches, errors; and from GET /metrics before and after the window: tick lateness and duration
          percentiles (bucket deltas), late and skipped ticks, mean period vs 1/tickRate, rooms, snapshots dropped,
          server CPU. The server needs a short countdown and room for the connections:
          LOBBY_COUNTDOWN_MS=0 RATE_LIMITS="connectionsPerIp=100000/100000".
            --rooms K            rooms (default 2000)
            --spectators S       spectators per room (default 2)
            --rate R             inputs per second per player (default 60)
            --duration S         measurement window in seconds (default 30)
            --points-to-win N    lobby settings.pointsToWin, 1-21 (default 21)
            --aim predict|follow where players aim (default predict: rallies last)
            --input target|direction  what an input says (default target)
            --secret S           JWT secret (default: the server's public development secret)
            --setup-timeout MS   longest wait for every room to run (default 60000)
            --warmup MS          play before the window opens (default 2000)
            --drain MS           after the window, wait for acknowledgements (default 250)
            --ramp R             connections started per second (default 2000)
            --metrics-path P     the server's metrics path on the same port (default /metrics); --no-metrics
            --metrics-timeout MS one scrape's limit (default 3000)
            --user-prefix P      user name prefix (default g + 6 random hex digits)

        common:
            --url URL            ws://HOST:PORT/PATH; HOST must be in 127.0.0.0/8 (or localhost)
            --server-pid PID     sample that process's CPU % (utime+stime over the window) and VmRSS
            --src-ips A,B,...    bind source addresses round-robin (127.0.0.0/8), for more connections than one
                                 address has ephemeral ports
            --max-pending N      connections in connect/handshake at once (default 256)
            --connect-timeout MS connect + handshake limit per connection (default 10000)
            --close-timeout MS   at the end, wait up to MS for the server's close replies (default 2000)
            --quiet              print only the JSON line
            --progress           print a line per second

        Output: a human summary on stderr, one JSON line with every figure on stdout.
        Exit status: 0 if any connection opened, 1 if none did, 2 for bad arguments.
        Every run is bounded: connections <= 200000, windows <= 3600 s, a watchdog alarm ends an overrunning run;
        SIGINT/SIGTERM end the current window early and still print the results.
        """
}
