#!/usr/bin/env bash
# Installs the Debian packages ThiĐua needs. Usage: scripts/system-deps.sh run|test
#   run : build PyICU (libicu-dev pkg-config g++), WeasyPrint's Pango, Liberation fonts, venv
#   test: the above plus Debian's chromium for the browser tests (never a browser download);
#         nginx and systemd so that `nginx -t` and `systemd-analyze verify` check deploy/; and
#         Node.js/npm, which installs the pinned axe-core of package-lock.json (the WCAG test)
set -euo pipefail
mode="${1:-run}"
pkgs=(libicu-dev pkg-config g++ python3-venv python3-dev libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-liberation fonts-liberation2 fonts-dejavu-core gettext)
if [ "$mode" = "test" ]; then
  pkgs+=(chromium libreoffice-writer-nogui poppler-utils zbar-tools nodejs)  # zbar-tools: zbarimg reads the QR codes
  pkgs+=(nginx systemd)  # issue #17: deploy/ files checked by nginx -t and systemd-analyze verify
  # Debian ships npm as its own package; a NodeSource nodejs already carries it
  command -v npm >/dev/null 2>&1 || pkgs+=(npm)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Cài gói hệ thống: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
