#!/bin/sh
# Install the system packages vanban needs for PDF output, only those that are missing.
#   libreoffice-writer-nogui  soffice, converts DOCX to PDF (no GUI libraries pulled in)
#   fonts-liberation2         Liberation Serif, the metric-compatible stand-in for Times New Roman
#   python3-uno               lets Debian's /usr/bin/python3 drive LibreOffice (the worker pool)
#   poppler-utils             pdffonts/pdfinfo, to inspect PDFs by hand
# Safe to run again: it does nothing when everything is present. Debian/Ubuntu only (apt).
set -eu

PACKAGES="libreoffice-writer-nogui fonts-liberation2 python3-uno poppler-utils"
# --tests: also Chromium, which the end-to-end tests of the web form drive through Playwright.
if [ "${1:-}" = "--tests" ]; then
    PACKAGES="$PACKAGES chromium"
fi

if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "install_system_deps: apt/dpkg not found; install by hand: LibreOffice Writer," \
         "Liberation fonts, Python UNO bindings (python3-uno), poppler-utils." >&2
    exit 1
fi

installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

missing=""
for pkg in $PACKAGES; do
    # A full LibreOffice (libreoffice-writer) provides what the nogui flavour does.
    if [ "$pkg" = libreoffice-writer-nogui ] && installed libreoffice-writer; then
        continue
    fi
    if installed "$pkg"; then
        echo "install_system_deps: $pkg already installed"
    else
        missing="$missing $pkg"
    fi
done

if [ -z "$missing" ]; then
    echo "install_system_deps: nothing to do"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "install_system_deps: not root and sudo is missing; as root run:" >&2
    echo "  apt-get update && apt-get install -y --no-install-recommends$missing" >&2
    exit 1
fi

echo "install_system_deps: installing:$missing"
echo "+ $SUDO apt-get update"
$SUDO apt-get update
echo "+ $SUDO apt-get install -y --no-install-recommends$missing"
# shellcheck disable=SC2086  # $missing is a list of words on purpose
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing

command -v soffice >/dev/null 2>&1 || { echo "install_system_deps: soffice still missing" >&2; exit 1; }
/usr/bin/python3 -c "import uno" || { echo "install_system_deps: python3-uno not importable" >&2; exit 1; }
echo "install_system_deps: done ($(soffice --version 2>/dev/null | head -n 1))"
