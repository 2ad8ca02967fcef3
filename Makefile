# Lobby developer commands. Benchmarks: docs/benchmarks.md.

.PHONY: bench bench-wsload

# lobby-bench against lobby-server: echo, broadcast sweep, idle memory (env: DURATION, RATES, SCENARIOS).
bench:
	scripts/bench.sh

# The independent rig in ../shared/bench (wsload + the node peer) with lobby-server added, side by side.
bench-wsload:
	scripts/bench.sh wsload

.PHONY: run test
# The README's two commands.
run:
	scripts/run.sh

test:
	scripts/test.sh
