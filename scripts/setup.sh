#!/usr/bin/env bash
# Sonae set-up on a fresh Debian 12 (bookworm) machine. Idempotent: every step checks before it acts.
#  1. apt: bookworm-backports source, QGIS 3.40 LTR and Debian's scientific Python (one GDAL, one GEOS).
#  2. .venv (--system-site-packages): shapely 2 + pyogrio built from source against Debian's GEOS/GDAL,
#     geopandas 1.0, exactextract, jismesh, pvlib (--no-deps, uses Debian's h5py), pinned to Debian's
#     numpy/pandas/rasterio/pyproj so QGIS and the plugin share one libgdal (see ../shared/PLATFORM.md).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

APT_PACKAGES="qgis python3-qgis qgis-providers python3-geopandas python3-rasterio python3-scipy python3-h5py
 python3-pytestqt python3-pytest python3-hypothesis python3-openpyxl python3-yaml python3-jsonschema python3-venv
 xvfb xauth x11-apps imagemagick fonts-noto-cjk fonts-open-sans poppler-utils qttools5-dev-tools pyqt5-dev-tools
 gdal-bin libgdal-dev libgeos-dev python3-dev build-essential
 postgresql-15-postgis-3 python3-psycopg2"

missing=""
for p in $APT_PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "[setup] apt packages to install:$missing"
  if ! grep -rqs "bookworm-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "deb http://deb.debian.org/debian bookworm-backports main" | $SUDO tee /etc/apt/sources.list.d/bookworm-backports.list >/dev/null
  fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends -t bookworm-backports $APT_PACKAGES
else
  echo "[setup] apt packages present"
fi

# The venv: rebuilt only when this script or the requirements change.
stamp=".venv/.sonae-setup-$(cat scripts/setup.sh requirements/*.txt | sha1sum | cut -c1-12)"
if [ -f "$stamp" ]; then
  echo "[setup] .venv up to date ($stamp)"; exit 0
fi
[ -x .venv/bin/python ] || /usr/bin/python3 -m venv --system-site-packages .venv
# Constraints pin what must stay Debian's (read from Debian's own modules, so they always match).
/usr/bin/python3 - > .venv/constraints.txt <<'PY'
import numpy, pandas, rasterio, pyproj, h5py
from osgeo import gdal
print(f"numpy=={numpy.__version__}\npandas=={pandas.__version__}\nrasterio=={rasterio.__version__}")
print(f"pyproj=={pyproj.__version__}\nh5py=={h5py.__version__}\nGDAL=={gdal.__version__}")
PY
PIP=".venv/bin/python -m pip --disable-pip-version-check -q"
C="-c .venv/constraints.txt"
# Never wheels for shapely/pyogrio: those bundle their own GEOS/GDAL which clash with QGIS's in one process.
$PIP install $C --no-binary shapely,pyogrio -r requirements/source-built.txt
$PIP install $C -r requirements/extras.txt
$PIP install $C --no-deps -r requirements/nodeps.txt
.venv/bin/python - <<'PY'
import shapely, pyogrio, geopandas, exactextract, jismesh, pvlib, numpy, rasterio
assert shapely.__version__.startswith("2."), shapely.__version__
assert geopandas.__version__.startswith("1."), geopandas.__version__
print("[setup] shapely", shapely.__version__, "GEOS", shapely.geos_version_string, "| pyogrio", pyogrio.__version__,
      "GDAL", pyogrio.__gdal_version_string__, "| geopandas", geopandas.__version__, "| numpy", numpy.__version__,
      "| rasterio", rasterio.__version__, "| pvlib", pvlib.__version__)
PY
rm -f .venv/.sonae-setup-*
touch "$stamp"
echo "[setup] done"
