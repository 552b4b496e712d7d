#!/bin/sh
# Installs, with apt, whichever Debian 12 packages named are missing (as root, or through sudo),
# with one apt-get call. An argument that is a file is a list: one package per line, '#' starts a
# comment line; any other argument is a package's name.
#   sh tools/install-packages.sh LIST|PACKAGE...
set -eu
missing=""
for arg in "$@"; do
    if [ -f "$arg" ]; then names=$(grep -v -e '^#' -e '^$' "$arg"); else names=$arg; fi
    for p in $names; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
    done
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
echo "setup: installing:$missing"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q $missing
