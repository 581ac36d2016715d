#!/usr/bin/env bash
# Installs the Debian packages the build (and, with --test, the tests) need.
# Installs only what is missing; uses sudo when not root; does nothing when all are present.
set -euo pipefail
# fonts-noto-core and fonts-noto-color-emoji are the fallback set: Thai, Arabic, Devanagari ...
# and emoji in a label render instead of failing; only code points no installed font covers fail.
pkgs=(pkg-config libcairo2-dev libpango1.0-dev fonts-noto-cjk fonts-noto-core fonts-noto-color-emoji)
if [ "${1:-}" = "--test" ]; then
  pkgs+=(poppler-utils librsvg2-bin qpdf libxml2-utils)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing missing system packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
