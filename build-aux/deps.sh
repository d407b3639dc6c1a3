# deps.sh: installs the Debian 12 packages Parallax needs, if any is missing.
# Sourced by build-aux/try and build-aux/test.

PARALLAX_PACKAGES="meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev
  libxml2-dev libsqlite3-dev desktop-file-utils appstream libxml2-utils
  xvfb xauth dbus-daemon at-spi2-core python3-pyatspi valgrind"

parallax_install_deps () {
  missing=""
  for p in $PARALLAX_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0

  echo "Installing:$missing"
  if [ "$(id -u)" -eq 0 ]; then
    sudo=""
  elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "These packages are missing and neither root nor sudo is available:$missing" >&2
    return 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  $sudo apt-get install -y --no-install-recommends $missing
}

parallax_build () {
  builddir=$1
  shift
  if [ ! -f "$builddir/build.ninja" ]; then
    meson setup "$builddir" "$@"
  fi
  meson compile -C "$builddir"
}
