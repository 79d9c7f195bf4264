# The README's commands. Each does its own set-up (system packages, npm packages, builds).
.PHONY: run test bench fuzz deps

deps:
	bash scripts/deps.sh

run: deps
	bash scripts/run.sh

test: deps
	bash scripts/test.sh

bench: deps
	bash scripts/bench.sh

# Each fuzz target for FUZZ_SECONDS seconds (default 300).
fuzz: deps
	bash scripts/fuzz.sh
