#!/usr/bin/env bash
# Run a command with a throw-away Redis and two `vanban worker` processes, for the cluster's tests:
#   bash scripts/with_redis.sh bash scripts/dev.sh test
# Starts redis-server on a free 127.0.0.1 port with no persistence in a temporary folder, then two workers
# (--concurrency 1 each) on it, exports VANBAN_TEST_BROKER (its URL), runs the command, then stops the
# workers and Redis and deletes the folder (also on failure or Ctrl-C). Installs Debian's redis-server
# package when it is missing, and the project's Python packages (scripts/dev.sh setup) when celery is.
# Workers here redeliver a message whose worker vanished after VANBAN_VISIBILITY_TIMEOUT=10 s (default 900).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

if ! command -v redis-server >/dev/null; then
  echo "==> Cài redis-server (apt) cho các bài kiểm tra chạy nhiều máy"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi
if ! "$ROOT/.venv/bin/python" -c "import celery, redis" 2>/dev/null || [ pyproject.toml -nt "$ROOT/.venv/.vanban-installed" ]; then
  bash scripts/dev.sh setup --tests
fi

DIR=$(mktemp -d "${TMPDIR:-/tmp}/vanban-redis.XXXXXX")
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
REDIS_PID=""
WORKER_PIDS=()

stop() {
  local pid
  for pid in "${WORKER_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${WORKER_PIDS[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ -n "$REDIS_PID" ]; then kill -TERM "$REDIS_PID" 2>/dev/null || true; wait "$REDIS_PID" 2>/dev/null || true; fi
  rm -rf "$DIR"
}
trap stop EXIT

redis-server --bind 127.0.0.1 --port "$PORT" --save "" --appendonly no --dir "$DIR" \
  --logfile "$DIR/redis.log" --protected-mode yes >/dev/null &
REDIS_PID=$!
for _ in $(seq 1 100); do
  redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null 2>&1 && break
  sleep 0.1
done
redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null || { cat "$DIR/redis.log" >&2; exit 1; }

export VANBAN_TEST_BROKER="redis://127.0.0.1:$PORT/0"
export VANBAN_VISIBILITY_TIMEOUT=${VANBAN_VISIBILITY_TIMEOUT:-10}
for n in 1 2; do
  VANBAN_BROKER="$VANBAN_TEST_BROKER" "$ROOT/.venv/bin/vanban" worker --concurrency 1 --muc-nhat-ky WARNING \
    >"$DIR/worker$n.log" 2>&1 &
  WORKER_PIDS+=($!)
done
# Wait until both workers answer (each needs a few seconds to import and connect).
"$ROOT/.venv/bin/python" - "$VANBAN_TEST_BROKER" <<'EOF' || { tail -n 20 "$DIR"/worker*.log >&2; exit 1; }
import sys, time
from vanban.pipeline.celery_app import make_app

app = make_app(sys.argv[1])
deadline = time.monotonic() + 90
while time.monotonic() < deadline:
    if len(app.control.ping(timeout=1.0)) >= 2:
        sys.exit(0)
sys.exit("with_redis: the two workers did not answer within 90 s")
EOF
echo "==> Redis thử nghiệm: $VANBAN_TEST_BROKER (2 máy chạy vanban worker)"
"$@"
