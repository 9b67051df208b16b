#!/usr/bin/env bash
# Run a command with a throw-away PostgreSQL cluster, for the store's tests on a real server:
#   bash scripts/with_postgres.sh bash scripts/dev.sh test
# Starts a new cluster in a temporary folder on a free 127.0.0.1 port, exports VANBAN_TEST_PG (its URL),
# runs the command, then stops the cluster and deletes the folder (also on failure or Ctrl-C).
# Installs Debian's postgresql package when initdb is missing; runs the server as `nobody` when root.
set -euo pipefail

find_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

BIN=$(find_bin || true)
if [ -z "$BIN" ]; then
  echo "==> Cài PostgreSQL (apt) cho các bài kiểm tra cơ sở dữ liệu"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  BIN=$(find_bin)
fi

RUN_AS=()
if [ "$(id -u)" = 0 ]; then RUN_AS=(runuser -u nobody --); fi
DIR=$(mktemp -d "${TMPDIR:-/tmp}/vanban-pg.XXXXXX")
chmod 755 "$DIR"
[ ${#RUN_AS[@]} = 0 ] || chown nobody "$DIR"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

stop() {
  "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT

"${RUN_AS[@]}" "$BIN/initdb" -D "$DIR/data" -U vanban --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 ||
  { cat "$DIR/initdb.log" >&2; exit 1; }
"${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=50" start >/dev/null ||
  { cat "$DIR/server.log" >&2; exit 1; }
export VANBAN_TEST_PG="postgresql://vanban@127.0.0.1:$PORT/postgres"
echo "==> PostgreSQL thử nghiệm: $VANBAN_TEST_PG"
"$@"
