# Shortcuts for scripts/dev.sh (the README's commands work without make).
.PHONY: setup demo test lint bench templates check-wheel
setup:
	bash scripts/dev.sh setup
demo:
	bash scripts/dev.sh demo
test:
	bash scripts/dev.sh test
lint:
	bash scripts/dev.sh lint
bench:
	.venv/bin/python benchmarks/bench_batch.py
	.venv/bin/python benchmarks/bench_convert.py
templates:
	.venv/bin/python templates/_build/build.py
check-wheel:
	bash scripts/check_wheel.sh
