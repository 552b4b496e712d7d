#!/bin/sh
# HipView set-up on Debian 12, as root or with sudo:
#   sh tools/setup.sh run [ARGS...]   install what is missing, build, open the viewer on the default model
#                                     (ARGS: e.g. --select piriformis --pose hip_flexion_r=90)
#   sh tools/setup.sh test            install what is missing, build, run every test through CTest
set -eu
mode=${1:-run}
[ $# -gt 0 ] && shift
cd "$(dirname "$0")/.."

# Node.js and npm (for Khronos' glTF validator in the tests) only where the commands are missing:
# some machines carry them from another source.
node=""
command -v node >/dev/null 2>&1 || node="$node nodejs"
command -v npm >/dev/null 2>&1 || node="$node npm"
# shellcheck disable=SC2086
sh tools/install-packages.sh tools/debian-packages.txt $node

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
