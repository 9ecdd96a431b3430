#!/usr/bin/env bash
# Builds and runs every test as an ordinary user (see test-all.sh for the root wrapper).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

jobs="$(nproc)"
# Extra configure arguments, e.g. MARKET_CMAKE_ARGS="-DMARKET_BUILD_UI=OFF" for a quicker local run.
read -r -a extra <<<"${MARKET_CMAKE_ARGS:-}"
export QT_QPA_PLATFORM=offscreen
export CTEST_OUTPUT_ON_FAILURE=1

echo "== configure and build (ci preset: warnings are errors)"
cmake --preset ci "${extra[@]}"
cmake --build --preset ci -j "$jobs"

run_tests() {
  # A private session bus with an unlocked Secret Service for the keychain tests. The daemon gets
  # a throw-away data folder and a non-empty password: with an empty one gnome-keyring creates no
  # "login" collection, so the default collection QtKeychain writes to would not exist.
  dbus-run-session -- bash -c '
    set -e
    keyrings="$(mktemp -d)"
    printf "market-ci" | XDG_DATA_HOME="$keyrings" \
      gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null 2>&1 || true
    status=0
    ctest "$@" || status=$?
    rm -rf "$keyrings"
    exit "$status"
  ' ctest-session "$@"
}

echo "== tests"
run_tests --preset ci -j "$jobs"

if [ -z "${MARKET_SKIP_ASAN:-}" ]; then
  echo "== sanitizer build (address + undefined) of the core, sync and server tests"
  cmake --preset asan -DMARKET_BUILD_UI=OFF -DMARKET_BUILD_SERVER=ON "${extra[@]}"
  cmake --build --preset asan -j "$jobs"
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    run_tests --preset asan -j "$jobs" -LE slow
fi

if [ -z "${MARKET_SKIP_FUZZ:-}" ]; then
  echo "== libFuzzer: the push decoder and document codecs for a minute (clang)"
  cmake --preset fuzz "${extra[@]}"
  cmake --build --preset fuzz -j "$jobs"
  ctest --test-dir build/fuzz -L fuzz --output-on-failure
fi
