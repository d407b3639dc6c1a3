#!/bin/sh
# Every source file with translatable strings must be listed in po/POTFILES.in,
# and every file listed there must exist.
# Usage: check-potfiles.sh SOURCE_ROOT
set -eu
root=${1:-.}
cd "$root"
status=0
potfiles=po/POTFILES.in

for f in $(grep -v '^#' "$potfiles" | sed '/^$/d'); do
  if [ ! -f "$f" ]; then
    echo "listed in $potfiles but missing: $f"
    status=1
  fi
done

for f in $(grep -rlE '(^|[^A-Za-z0-9_])N?_\("|translatable="yes"' src data --include='*.c' --include='*.ui' | sort); do
  if ! grep -qx "$f" "$potfiles"; then
    echo "has translatable strings but is not in $potfiles: $f"
    status=1
  fi
done

[ $status -eq 0 ] && echo "POTFILES.in is complete"
exit $status
