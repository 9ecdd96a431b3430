#!/usr/bin/env bash
# Installs what is missing, builds, and runs the main job on the embedded default: a demo shop in
# a local SQLite file, then its day summary. Pass a folder to keep the shop somewhere else.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$here/packaging/install-deps.sh"
cmake -S "$here" -B "$here/build/release" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMARKET_BUILD_TESTS=OFF \
  -DMARKET_BUILD_BENCH=OFF -DMARKET_BUILD_SERVER=OFF -DMARKET_BUILD_UI=OFF
cmake --build "$here/build/release" -j "$(nproc)" --target marketctl

data="${1:-$HOME/.local/share/market-pos-demo}"
mkdir -p "$data"
db="$data/market.db"
ctl="$here/build/release/app/cli/marketctl"
if [ ! -f "$db" ]; then
  "$ctl" demo --db "$db"
fi
"$ctl" report day --db "$db"
echo
echo "Demo shop: $db  (try: $ctl --db $db lot list, balance buyers, --help)"
