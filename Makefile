# Lobby developer commands. Benchmarks: docs/benchmarks.md.

.PHONY: bench bench-wsload bench-game bench-game-sweep

# lobby-bench against lobby-server: echo, broadcast sweep, idle memory, lobby chat, a short game run
# (env: DURATION, RATES, SCENARIOS, ...).
bench:
	scripts/bench.sh

# Game rooms (issue 5) on a fresh release server: ROOMS rooms x (2 players + SPECTATORS spectators) for DURATION s
# (defaults 2000, 2, 30; the issue's target run is DURATION=120). Several ROOMS ("500 1000 2000") make a sweep.
bench-game:
	scripts/bench.sh game

# The sweep: one fresh server per room count; reports where tick-lateness p99 passes 1 ms.
bench-game-sweep:
	ROOMS="$${ROOMS:-250 500 1000 2000 3000}" scripts/bench.sh game

# The independent rig in ../shared/bench (wsload + the node peer) with lobby-server added, side by side.
bench-wsload:
	scripts/bench.sh wsload

.PHONY: run test
# The README's two commands.
run:
	scripts/run.sh

test:
	scripts/test.sh
