#!/usr/bin/env bash
# Installs what is missing, builds, and runs the main job on the embedded default: a demo shop in
# a local SQLite file. With a display (X11 or Wayland) it opens the counter, market-pos, on that
# shop; without one it prints the shop's day summary with marketctl and saves screenshots of every
# screen (offscreen) so you can see what a cashier sees. Pass a folder to keep the shop elsewhere.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$here/packaging/install-deps.sh"
cmake -S "$here" -B "$here/build/release" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMARKET_BUILD_TESTS=OFF \
  -DMARKET_BUILD_BENCH=OFF -DMARKET_BUILD_SERVER=OFF -DMARKET_BUILD_UI=ON
cmake --build "$here/build/release" -j "$(nproc)" --target marketctl market-pos

data="${1:-$HOME/.local/share/market-pos-demo}"
mkdir -p "$data"
ctl="$here/build/release/app/cli/marketctl"
pos="$here/build/release/ui/market-pos"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "Opening market-pos on a demo shop in $data/counter"
  echo "Log in as cashier with PIN 1111 (manager: PIN 2222; owner: owner / owner-pass-1)."
  exec "$pos" --demo --data-dir "$data/counter"
fi

# A fresh demo each time, so its last day is the one summarised. The demo ends today once the
# shop's day (Asia/Kolkata) is past 13:00, else yesterday: summarise that day.
db="$data/market.db"
rm -f "$db" "$db-wal" "$db-shm"
"$ctl" demo --db "$db"
day="$(TZ=Asia/Kolkata date +%F)"
[ "$(TZ=Asia/Kolkata date +%-H)" -ge 13 ] || day="$(TZ=Asia/Kolkata date -d yesterday +%F)"
"$ctl" report day --db "$db" --date "$day"
echo
echo "Demo shop: $db  (try: $ctl --db $db lot list, balance buyers, --help)"
shots="$data/screenshots"
QT_QPA_PLATFORM=offscreen "$pos" --demo --data-dir "$data/counter" --screenshots "$shots" >/dev/null
echo "No display here: the counter's screens (English, Hindi, Telugu) are saved in $shots"
echo "With a display, run: $pos --demo --data-dir $data/counter   (cashier PIN 1111)"
