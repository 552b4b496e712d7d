#!/bin/sh
# HipView set-up on Debian 12, as root or with sudo:
#   sh tools/setup.sh run [ARGS...]   install what is missing, build, open the viewer on the default model
#                                     (ARGS: e.g. --select piriformis --pose hip_flexion_r=90)
#   sh tools/setup.sh test            install what is missing, build, run every test through CTest
set -eu
mode=${1:-run}
[ $# -gt 0 ] && shift
cd "$(dirname "$0")/.."

packages=$(grep -v -e '^#' -e '^$' tools/debian-packages.txt | tr '\n' ' ')
missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    echo "setup: installing:$missing"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q $missing
fi

if [ -f tools/test-tools/package.json ] && [ ! -d tools/test-tools/node_modules ]; then
    echo "setup: installing the test tools (npm ci in tools/test-tools)"
    npm ci --prefix tools/test-tools --no-audit --no-fund
fi

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j "$jobs"

case "$mode" in
run)
    # The viewer (with ARGS: start-state options or another command, e.g. `report --roles`).
    exec ./build/hipview "$@"
    ;;
test)
    exec ctest --test-dir build --output-on-failure -j "$jobs"
    ;;
*)
    echo "usage: sh tools/setup.sh run|test" >&2
    exit 2
    ;;
esac
