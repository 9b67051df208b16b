#!/usr/bin/env bash
# Install vanban as a new user would and use every command, far from this repository:
#   build the wheel, install it (dependencies from the package index) into a fresh venv in a temporary
#   folder, then from another temporary folder: render every document type (one also as PDF), batch,
#   dossier --pdf, render --cap-so and a dossier from the record on a database, so-van-ban --json,
#   excel-template, templates, check, and serve answering one request.
# (Functions run by `step` are in an `if`, where set -e is off: each one chains its commands with &&.)
# One line per step; the first failure prints its output and exits non-zero.
#   bash scripts/check_wheel.sh            # uses .venv/bin/python (or $PYTHON) to build and for the venv
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
[ -x "$PYTHON" ] || PYTHON=python3

STAGE=$(mktemp -d "${TMPDIR:-/tmp}/vanban-wheel.XXXXXX")
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$STAGE"
}
trap cleanup EXIT

STARTED=$SECONDS
LOG="$STAGE/step.log"
# step NAME COMMAND...: run it, print "ok NAME (Ns)" or print its output and stop.
step() {
  local name=$1 began=$SECONDS
  shift
  if "$@" >"$LOG" 2>&1; then
    echo "check_wheel: ok   $name ($((SECONDS - began)) s)"
  else
    echo "check_wheel: FAIL $name" >&2
    sed 's/^/  | /' "$LOG" >&2
    exit 1
  fi
}

# The wheel is built from a copy of the files it is made of, so the build never writes into the
# repository (build/, *.egg-info) while other runs use it.
copy_source() {
  mkdir -p "$STAGE/src"
  tar -C "$ROOT" --exclude=__pycache__ -cf - pyproject.toml README.md LICENSE generator templates schemas |
    tar -C "$STAGE/src" -xf -
}
step "copy the source" copy_source
step "build the wheel" "$PYTHON" -m pip wheel -q --no-deps -w "$STAGE/dist" "$STAGE/src"
WHEEL=$(ls "$STAGE"/dist/vanban-*.whl)
step "create a fresh venv" "$PYTHON" -m venv "$STAGE/venv"
step "install $(basename "$WHEEL")" "$STAGE/venv/bin/python" -m pip install -q --disable-pip-version-check "$WHEEL"

VANBAN="$STAGE/venv/bin/vanban"
WORK="$STAGE/work"
mkdir -p "$WORK"
cp -r "$ROOT/samples" "$WORK/samples"
cd "$WORK"

sample_of() {
  case "$1" in
    danh-sach) echo samples/to-trinh/to-trinh.yaml ;;
    bao-cao-thanh-tich) echo samples/bao-cao-thanh-tich/ca-nhan.yaml ;;
    *) echo "samples/$1/$1.yaml" ;;
  esac
}
for kind in cong-van ke-hoach to-trinh danh-sach bien-ban bao-cao-thanh-tich quyet-dinh thong-bao danh-sach-tong-hop; do
  step "render $kind" "$VANBAN" render "$kind" "$(sample_of "$kind")" -o "van-ban/$kind.docx"
done
step "render cong-van --pdf" "$VANBAN" render cong-van samples/cong-van/cong-van.yaml -o pdf/cong-van.docx --pdf
test -s pdf/cong-van.pdf || { echo "check_wheel: FAIL render --pdf wrote no pdf/cong-van.pdf" >&2; exit 1; }

batch_table() {
  # Two công văn from the sample's data, as a YAML table beside it (its co_quan path stays valid).
  "$STAGE/venv/bin/python" - <<'EOF'
import yaml

with open("samples/cong-van/cong-van.yaml", encoding="utf-8") as f:
    data = yaml.safe_load(f)
with open("samples/cong-van/bang.yaml", "w", encoding="utf-8") as f:
    yaml.safe_dump([dict(data, so=5), dict(data, so=6)], f, allow_unicode=True)
EOF
  "$VANBAN" batch cong-van samples/cong-van/bang.yaml -o batch/ && test "$(ls batch/*.docx | wc -l)" = 2
}
step "batch" batch_table

dossier() {
  "$VANBAN" dossier samples/ho-so-khen-thuong/campaign.yaml samples/ho-so-khen-thuong/de-nghi.xlsx \
    -o ho-so/ --pdf --ngay 2026-11-25 && test -s ho-so/ho-so.pdf && test -s ho-so/manifest.json
}
step "dossier --pdf" dossier

register() {
  # The clerk's flow on a database: number the kế hoạch and the công văn hướng dẫn (cấp số), build the
  # dossier whose campaign names them by number, then print the register as JSON and check its numbers.
  local db="$WORK/vanban.db" folder=samples/ho-so-tu-so-van-ban
  "$VANBAN" render ke-hoach "$folder/ke-hoach.yaml" -o so/ke-hoach.docx --cap-so --db "$db" &&
    "$VANBAN" render cong-van "$folder/cong-van-huong-dan.yaml" -o so/cong-van.docx --cap-so --db "$db" &&
    "$VANBAN" dossier "$folder/dot-thi-dua.yaml" -o so/ho-so/ --ngay 2026-11-25 --db "$db" &&
    "$VANBAN" so-van-ban --nam 2026 --json --db "$db" >so/so-van-ban.json &&
    "$STAGE/venv/bin/python" - so/so-van-ban.json <<'EOF'
import json
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    numbers = {entry["so_ky_hieu"] for entry in json.load(f)}
print(sorted(numbers))
sys.exit(0 if {"1215/KH-CQLTHADS", "3520/CQLTHADS-TCCB"} <= numbers else 1)
EOF
}
step "render --cap-so --db, dossier --db, so-van-ban --json" register
round_of_units() {
  # The level above: three provinces' dossiers, then the round from their zips (certificates included).
  local unit zips=()
  for unit in lam-dong khanh-hoa gia-lai; do
    "$VANBAN" dossier "samples/dot-khen-thuong/$unit/dot-thi-dua.yaml" -o "dot/$unit/" --ngay 2026-12-01 || return 1
    zips+=("dot/$unit/ho-so.zip")
  done
  "$VANBAN" dot-khen-thuong samples/dot-khen-thuong/cap-tren.yaml "${zips[@]}" -o dot/ket-qua/ &&
    test -s dot/ket-qua/phoi-giay-khen.pdf && test -s dot/ket-qua/manifest.json
}
step "dot-khen-thuong" round_of_units

awards() {
  # A quyết định numbered in the register, its certificates on blanks, the year's statistics from the record.
  local db="$WORK/vanban.db"
  "$VANBAN" render quyet-dinh samples/quyet-dinh/quyet-dinh.yaml -o qd/quyet-dinh.docx --cap-so --db "$db" &&
    "$VANBAN" in-phoi samples/quyet-dinh/quyet-dinh.yaml -o qd/giay-khen.pdf --can-chinh qd/can-chinh.pdf &&
    test -s qd/giay-khen.pdf && test -s qd/can-chinh.pdf &&
    "$VANBAN" thong-ke --nam 2026 -o qd/thong-ke.xlsx --db "$db" && test -s qd/thong-ke.xlsx
}
step "render quyet-dinh --cap-so, in-phoi, thong-ke" awards
accounts() {
  # The first admin of an office (password from the environment, as a script gives it), then the list.
  VANBAN_MAT_KHAU=mat-khau-dai-1 "$VANBAN" tai-khoan tao --quan-tri --co-quan CQLTHADS --ten-dang-nhap quan-tri \
    --ho-ten "Người quản trị" --db "$WORK/vanban.db" &&
    "$VANBAN" tai-khoan danh-sach --db "$WORK/vanban.db" | grep -q quan-tri
}
step "tai-khoan tao, danh-sach" accounts
step "worker --help" "$VANBAN" worker --help
step "excel-template" "$VANBAN" excel-template de-nghi.xlsx
step "templates" "$VANBAN" templates
step "check" "$VANBAN" check van-ban/cong-van.docx

serve() {
  local port status
  port=$("$STAGE/venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "$VANBAN" serve --host 127.0.0.1 --port "$port" &
  SERVER_PID=$!
  "$STAGE/venv/bin/python" - "$port" <<'EOF'
import sys
import time
import urllib.request

url = f"http://127.0.0.1:{sys.argv[1]}/"
deadline = time.monotonic() + 30
while True:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            print(f"GET {url} -> {response.status}")
            sys.exit(0 if response.status == 200 else 1)
    except OSError as err:  # not listening yet (or an HTTP error status, which is an OSError too)
        if getattr(err, "code", None) or time.monotonic() > deadline:
            print(f"GET {url}: {err}")
            sys.exit(1)
        time.sleep(0.2)
EOF
  status=$?
  kill "$SERVER_PID" && wait "$SERVER_PID" 2>/dev/null
  SERVER_PID=""
  return "$status"
}
step "serve (GET / -> 200)" serve

echo "check_wheel: the wheel installs and every command works outside the repository ($((SECONDS - STARTED)) s)"
