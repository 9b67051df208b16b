#!/usr/bin/env bash
# vanban's one task runner: set up, run the main job on the samples, run the tests, lint.
#   bash scripts/dev.sh setup   # .venv + Python packages + LibreOffice/fonts (apt) when missing
#   bash scripts/dev.sh demo    # setup, then produce the sample documents and dossier into out/
#   bash scripts/dev.sh test    # setup, then the whole test suite and scripts/check_wheel.sh (the wheel,
#                               # installed in a fresh venv, used from another folder); with arguments, only pytest
#   bash scripts/dev.sh lint    # ruff check, ruff format --check, mypy
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV="$ROOT/.venv"
PY="$VENV/bin/python"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "Cần quyền root để cài: $*" >&2; return 1; fi
}

setup_python() {
  if [ ! -x "$PY" ]; then
    echo "==> Tạo môi trường Python tại .venv"
    if ! python3 -m venv "$VENV" 2>/dev/null; then
      rm -rf "$VENV"
      as_root apt-get update -qq
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
      python3 -m venv "$VENV"
    fi
  fi
  local stamp="$VENV/.vanban-installed"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "==> Cài các gói Python (pyproject.toml)"
    "$PY" -m pip install -q --upgrade pip
    "$PY" -m pip install -q -e ".[dev]"
    touch "$stamp"
  fi
}

setup_system() {
  sh scripts/install_system_deps.sh "$@"
}

setup() {
  setup_python
  setup_system "$@"
}

# The main job on the samples, through the same `vanban` command a user types: the commendation
# dossier from the sample campaign and Excel list (DOCX, PDF, merged PDF, zip, manifest), then one
# document of every type from its sample data.
demo() {
  local vanban="$VENV/bin/vanban" out="$ROOT/out"
  mkdir -p "$out/van-ban"
  "$vanban" dossier samples/ho-so-khen-thuong/campaign.yaml samples/ho-so-khen-thuong/de-nghi.xlsx \
    -o "$out/ho-so-khen-thuong" --pdf
  for kind in cong-van ke-hoach to-trinh bien-ban bao-cao-thanh-tich quyet-dinh; do
    for data in samples/"$kind"/*.yaml; do
      "$vanban" render "$kind" "$data" -o "$out/van-ban/$(basename "${data%.yaml}").docx" --pdf
    done
  done
  echo "==> Kết quả: $out/ho-so-khen-thuong (hồ sơ khen thưởng), $out/van-ban (từng loại văn bản)"
}

case "${1:-}" in
  setup)
    setup ;;
  demo)
    setup
    demo ;;
  test)
    setup --tests
    shift
    # The whole suite also installs the built wheel in a fresh venv outside the repository and runs every
    # command there (scripts/check_wheel.sh), first, so that pytest's summary stays the last line.
    wheel=0
    if [ $# = 0 ]; then bash scripts/check_wheel.sh || wheel=$?; fi
    "$PY" -m pytest -q "$@" || exit $?
    if [ "$wheel" != 0 ]; then echo "Lỗi: scripts/check_wheel.sh thất bại (xem phía trên)." >&2; exit "$wheel"; fi ;;
  lint)
    setup_python
    "$VENV/bin/ruff" check generator tests benchmarks templates/_build
    "$VENV/bin/ruff" format --check generator tests benchmarks templates/_build
    "$VENV/bin/mypy" generator ;;
  *)
    echo "Dùng: bash scripts/dev.sh {setup|demo|test|lint}" >&2
    exit 2 ;;
esac
