#!/bin/sh
# run-atspi.sh: runs an AT-SPI UI test in a D-Bus session of its own, so
# that the accessibility bus and the application are private to it.
#   run-atspi.sh PARALLAX PARALLAX-CLI SCRIPT
# Needs an X server (run under xvfb-run -a, which must start first so that
# the accessibility registry inherits DISPLAY); skips (exit 77) without one.
# Not TAP: the session's daemons write to standard output too.
set -eu

if [ -z "${DISPLAY:-}" ]; then
  echo "SKIP: no display"
  exit 77
fi

if [ -z "${PX_ATSPI_SESSION:-}" ]; then
  if ! command -v dbus-run-session >/dev/null 2>&1; then
    echo "SKIP: dbus-run-session is not installed"
    exit 77
  fi
  PX_ATSPI_SESSION=1 exec dbus-run-session -- "$0" "$@"
fi

# pyatspi lives in the system Python, which may not be first on PATH.
exec /usr/bin/python3 "$3" "$1" "$2"
