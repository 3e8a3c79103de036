#!/bin/sh
# Installs the Debian packages eiisim builds and runs with, and those its results viewer is
# built and tested with. As root it installs what is missing; otherwise it names exactly
# what is missing and how to install it.
# `install_deps.sh --fuzz` also installs clang and libFuzzer for the fuzz build
# (`make fuzz`, docs/testing.md); the normal build does not need them.
# WITH_MPI=1 adds OpenMPI, for a build with -DEIISIM_MPI=ON (docs/hpc.md); the default
# build needs no MPI.
set -eu
PACKAGES="cmake ninja-build g++ pkg-config ccache libboost-graph-dev libtbb-dev libhdf5-dev hdf5-tools \
libcli11-dev catch2 libtomlplusplus-dev librandom123-dev libfmt-dev libbenchmark-dev \
python3 python3-numpy python3-h5py python3-matplotlib python3-pandas python3-xarray \
python3-h5netcdf python3-netcdf4 netcdf-bin python3-scipy python3-sklearn chromium"
# The results viewer (tools/viewer) is built with npm and tested in Chromium; Debian's
# nodejs and npm only where no node is installed (a newer one from elsewhere is kept).
command -v node >/dev/null 2>&1 || PACKAGES="$PACKAGES nodejs npm"
if [ "${1:-}" = "--fuzz" ]; then
  PACKAGES="$PACKAGES clang-14 libclang-rt-14-dev"
fi
[ "${WITH_MPI:-0}" = 1 ] && PACKAGES="$PACKAGES libopenmpi-dev openmpi-bin"
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "Installing missing Debian packages:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  # shellcheck disable=SC2086
  apt-get install -y -q --no-install-recommends $missing
else
  echo "Missing Debian packages:$missing" >&2
  echo "Install them with: sudo apt-get install$missing" >&2
  exit 1
fi
