#!/usr/bin/env bash
# Installs the Debian packages the build (and, with --test, the tests) need.
# Installs only what is missing; uses sudo when not root; does nothing when all are present.
set -euo pipefail
# libharfbuzz-dev (hb-subset) and libfreetype-dev: PDF text is drawn from HarfBuzz subsets of the
# fonts loaded with FreeType (libpango1.0-dev pulls both in; listed because we link them directly).
# fonts-noto-core and fonts-noto-color-emoji are the fallback set: Thai, Arabic, Devanagari ...
# and emoji in a label render instead of failing; only code points no installed font covers fail.
pkgs=(pkg-config libcairo2-dev libpango1.0-dev libharfbuzz-dev libfreetype-dev fonts-noto-cjk fonts-noto-core fonts-noto-color-emoji)
if [ "${1:-}" = "--test" ]; then
  pkgs+=(poppler-utils librsvg2-bin qpdf libxml2-utils)
  # pip, for python-pptx below, when python3 has none
  python3 -m pip --version >/dev/null 2>&1 || pkgs+=(python3-pip)
fi
# python-pptx (PyPI) reads the chart deck in the tests. LibreOffice and Chromium, which some
# tests also drive, are heavy and optional: those tests skip, saying so, when they are absent.
install_pptx() {
  [ "${1:-}" = "--test" ] || return 0
  python3 -c 'import pptx' 2>/dev/null && return 0
  echo "Installing python-pptx (PyPI) for the deck tests"
  # Debian's own python3 is "externally managed": pip then needs --break-system-packages.
  python3 -m pip install --quiet python-pptx 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages python-pptx
}
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then install_pptx "${1:-}"; exit 0; fi
echo "Installing missing system packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
install_pptx "${1:-}"
