#!/usr/bin/env bash
# What the build (SQLCipher's vendored OpenSSL), the desktop app and its end-to-end tests need
# on Debian/Ubuntu, installed only when
# missing (so a second run does nothing): WebKitGTK and GTK headers, Xvfb, WebKit's WebDriver,
# xdotool (answers the native file dialogs in the e2e suite), ImageMagick (screenshots),
# tauri-driver, and the real readers the export tests check their files with: poppler-utils
# (pdftotext, pdfinfo, pdffonts, pdftoppm), python3-openpyxl (for /usr/bin/python3) and the
# smallest LibreOffice that converts XLSX to PDF headless (libreoffice-calc-nogui).
set -euo pipefail
PACKAGES=(
  # perl and make build the OpenSSL that SQLCipher (encrypted client files) is vendored with.
  build-essential pkg-config libssl-dev perl make
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev libsoup-3.0-dev
  xvfb x11-utils webkit2gtk-driver xdotool imagemagick
  poppler-utils python3-openpyxl libreoffice-calc-nogui
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  cargo install tauri-driver --version "^2" --locked
fi
