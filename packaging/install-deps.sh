#!/usr/bin/env bash
# Installs every Debian 12 package the project needs to build, run and test.
# Idempotent: packages already present are skipped by apt.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git clang clang-format clang-tidy libclang-rt-14-dev
  # Qt 6.4
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-charts-dev libqt6sql6-sqlite libqt6svg6 qt6-translations-l10n libgl-dev
  # storage, crypto, keychain, HTTP
  libsqlite3-dev sqlite3 libssl-dev openssl libpqxx-dev qtkeychain-qt6-dev libcpp-httplib-dev
  # PostgreSQL server for the central store and its tests
  postgresql-15 postgresql-client-15
  # running the GUI headless, keychain in tests, Indic fonts, PDF checks
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools
  fonts-noto-core fonts-noto-ui-core fonts-dejavu-core poppler-utils
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
