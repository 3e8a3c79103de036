#!/bin/sh
# Makes `python3 -m eiisim_results` work from any folder without pip: writes a .pth file
# naming this tools/ folder into the user's site-packages of the given interpreter
# (default /usr/bin/python3). Undo: delete the file it names. With pip instead:
#   pip install --no-build-isolation --no-deps ./tools   (see tools/pyproject.toml)
set -eu
PYTHON=${1:-/usr/bin/python3}
TOOLS=$(cd "$(dirname "$0")" && pwd)
SITE=$("$PYTHON" -c 'import site; print(site.getusersitepackages())')
mkdir -p "$SITE"
echo "$TOOLS" > "$SITE/eiisim_results.pth"
echo "wrote $SITE/eiisim_results.pth ($TOOLS); try: $PYTHON -m eiisim_results --help"
