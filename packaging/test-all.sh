#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs every test; then builds the
# core, sync and server tests with AddressSanitizer + UndefinedBehaviorSanitizer and runs them again.
#
# PostgreSQL's initdb refuses to run as root, and tests must not need root, so when started as
# root this script copies the tree to a scratch folder owned by an unprivileged system user
# (marketci) and builds and tests there as that user. Keychain tests need a Secret Service: the
# tests run inside a private D-Bus session with an unlocked gnome-keyring.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$here/packaging/install-deps.sh"

if [ "$(id -u)" -eq 0 ]; then
  user=marketci
  id "$user" >/dev/null 2>&1 || useradd --system --create-home --shell /bin/bash "$user"
  work="$(mktemp -d /tmp/market-ci.XXXXXX)"
  # Copy the sources (not any local build folders) and hand them to the test user.
  tar -C "$here" --exclude=./build --exclude='./build-*' -cf - . | tar -C "$work" -xf -
  chown -R "$user:" "$work"
  status=0
  runuser -u "$user" -- env HOME="$(getent passwd "$user" | cut -d: -f6)" \
    MARKET_CMAKE_ARGS="${MARKET_CMAKE_ARGS:-}" MARKET_SKIP_ASAN="${MARKET_SKIP_ASAN:-}" \
    MARKET_SKIP_FUZZ="${MARKET_SKIP_FUZZ:-}" \
    bash "$work/packaging/build-and-test.sh" || status=$?
  if [ "$status" -eq 0 ] && [ -z "${MARKET_KEEP_CI_TREE:-}" ]; then rm -rf "$work"; fi
  exit "$status"
fi

exec bash "$here/packaging/build-and-test.sh"
