#!/bin/sh
# Packs this folder into an .xpi that Thunderbird installs through Add-ons Manager > Install Add-on
# From File. The .xpi is a zip of the folder, without this script, the README and earlier packs.
#
# Usage: sh pack.sh [OUTPUT]    (default: hrbox.xpi in this folder)
set -eu

folder=$(cd "$(dirname "$0")" && pwd)
output=${1:-"$folder/hrbox.xpi"}
case "$output" in
/*) ;;
*) output="$PWD/$output" ;;
esac

command -v zip >/dev/null || {
    echo "pack.sh: zip is missing; install it (apt-get install zip)." >&2
    exit 1
}

rm -f "$output"
cd "$folder"
# -X leaves out file attributes beyond the basics, so the same files give the same pack.
zip -q -r -X "$output" . -x pack.sh README.md '*.xpi'
echo "Packed $output"
