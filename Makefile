# Sonae — every target runs the idempotent set-up first, so `make demo` and `make test` are all a newcomer types.
SHELL := /bin/bash
ROOT := $(CURDIR)
PY := $(ROOT)/.venv/bin/python
SHARED ?= $(abspath $(ROOT)/../shared)

export PROJ_DATA := /usr/share/proj
export QT_QPA_PLATFORM ?= offscreen
export XDG_RUNTIME_DIR := $(ROOT)/build/xdg
export QGIS_PLUGINPATH := $(ROOT)/build/plugins
export SONAE_SHARED := $(SHARED)
export PATH := $(ROOT)/.venv/bin:$(PATH)
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup links demo test test-fast test-current wheelhouse bad-input bad-input-doc bench bench-national batch i18n help help-check package deploy qgis-list desktop-check screenshot clean platform platform-stop

setup:
	@./scripts/setup.sh
	@$(MAKE) --no-print-directory links

links:
	@mkdir -p build/plugins build/xdg && chmod 700 build/xdg
	@[ -L build/plugins/sonae ] || ln -s "$(ROOT)" build/plugins/sonae
	@[ ! -f i18n/sonae_ja.ts ] || [ i18n/sonae_ja.qm -nt i18n/sonae_ja.ts ] || lrelease -silent i18n/sonae_ja.ts -qm i18n/sonae_ja.qm

demo: setup
	cd build/plugins && $(PY) -m sonae.demo.run_demo --out $(ROOT)/demo_output

test: setup bad-input-doc wheelhouse test-current
	cd build/plugins && $(PY) -m pytest -p no:cacheprovider sonae/tests $(PYTEST_ARGS)

# The bad-input suite alone (issue 11); SONAE_BADINPUT_REPORT=file.jsonl records each case's failure classes.
bad-input: setup bad-input-doc
	cd build/plugins && $(PY) -m pytest -p no:cacheprovider sonae/tests/badinput $(PYTEST_ARGS)

# docs/bad-input.md is generated from tests/badinput/cases_*.py (a test fails when it is stale).
bad-input-doc: links
	@cd build/plugins && $(PY) -m sonae.tests.badinput.make_doc

# Every QGIS-free test in a plain venv (no system site-packages, no QGIS) of the newest releases: numpy 2,
# pandas 3, shapely 2.1, geopandas 1.1, pyogrio and rasterio wheels. tests/conftest.py deselects the tests that
# need QGIS when SONAE_NO_QGIS=1; a test that imports qgis anyway fails here (there is no qgis to import).
CURRENT := build/venv-current
CURRENT_REQS := "numpy>=2,<3" "pandas>=3,<4" "shapely>=2.1,<2.2" "geopandas>=1.1,<1.2" pyogrio rasterio scipy \
  pyproj openpyxl jismesh "pvlib>=0.11,<0.12" exactextract pytest hypothesis pyyaml jsonschema
test-current: links
	@[ -f $(CURRENT)/.sonae-current ] || { rm -rf $(CURRENT) && /usr/bin/python3 -m venv $(CURRENT) && \
	  $(CURRENT)/bin/python -m pip install -q --disable-pip-version-check $(CURRENT_REQS) && touch $(CURRENT)/.sonae-current; }
	@$(CURRENT)/bin/python -c "import numpy, pandas, shapely, geopandas; print('[test-current] numpy', numpy.__version__, '| pandas', pandas.__version__, '| shapely', shapely.__version__, '| geopandas', geopandas.__version__)"
	cd build/plugins && SONAE_NO_QGIS=1 env -u PYTHONPATH -u PROJ_DATA -u PROJ_LIB $(ROOT)/$(CURRENT)/bin/python -m pytest -q -p no:cacheprovider sonae/tests $(PYTEST_ARGS)

# Wheels for the end-to-end install test (tests/test_package_install.py): what a city hall copies to an LGWAN PC.
# shapely/pyogrio are built from source against this machine's GEOS/GDAL (their PyPI wheels bundle their own,
# which clash with QGIS's in one process: PLATFORM.md); the rest are PyPI wheels.
wheelhouse: build/wheelhouse/.stamp
build/wheelhouse/.stamp: requirements.txt
	@mkdir -p build/wheelhouse
	/usr/bin/python3 -m pip download --disable-pip-version-check -q --only-binary :all: --no-deps -d build/wheelhouse \
	  "jismesh>=2.1,<3" "pvlib>=0.11,<0.12" tzdata pytz "exactextract>=0.2,<0.3" "geopandas>=1.0,<1.1" \
	  "numba>=0.59,<0.61" "llvmlite>=0.42,<0.44"
	/usr/bin/python3 -m pip wheel --disable-pip-version-check -q --no-deps --no-binary shapely,pyogrio -w build/wheelhouse \
	  "shapely>=2.0,<2.1" "pyogrio>=0.7,<0.11"
	@touch $@

bench: setup
	cd build/plugins && $(PY) -m sonae.benchmarks.run_all $(BENCH_ARGS)

# The national chain (issue 16): seeded workload (benchmarks/national_data.py, built once under build/bench_data),
# import -> hazard -> exposed -> catchments through qgis_process, outage through the engine; wall time and peak RSS
# per step. BENCH_ARGS=--small for a quick check.
bench-national: setup
	cd build/plugins && $(PY) -m sonae.benchmarks.bench_national $(BENCH_ARGS)

# The QGIS-free batch runner on Dask distributed (batch/): every shared city (BATCH=cities) or the national
# workload (BATCH=national), a 2-worker LocalCluster unless BATCH_ARGS names --scheduler tcp://host:8786 or --serial.
BATCH ?= cities
batch: setup
	cd build/plugins && $(PY) -m sonae.batch $(BATCH) --data $(SHARED)/data --out $(ROOT)/build/batch_$(BATCH) $(BATCH_ARGS)

# scripts/i18n_fill.py replaces pylupdate5, measured (notes/issue-14-i18n.md, 2026-12-01): of the 415 strings Sonae
# translates, pylupdate5 finds 207 and files none of them under the context "Sonae" that the code looks up (it uses
# the class names, "alg" and "@default"); it misses 208: 151 help texts passed to add(), 17 option labels, 16
# SHORT_HELP, 14 DISPLAY_NAME, 8 GROUPS, 2 tr(CONSTANT). QT_TRANSLATE_NOOP would mean rewriting ~200 call sites in
# every algorithm module. The extractor writes a standard Qt .ts (context "Sonae"; Qt Linguist edits it, lrelease
# compiles it), fills the Japanese half of "English / 日本語" strings, keeps hand edits, lists what is untranslated.
i18n: setup
	$(PY) scripts/i18n_fill.py
	lrelease -silent i18n/sonae_ja.ts -qm i18n/sonae_ja.qm
	@$(PY) scripts/i18n_fill.py --check | tail -n 4 || true

# Help pages (help/<lang>/<alg_id>.html): writes the pages of new algorithms and appends the parameters and outputs
# an existing page lacks (from the code's strings), keeping every edited entry; `make help-check` lists the gaps.
# tests/test_help_sync.py fails while a parameter or output has no entry in help/en or help/ja.
help: links
	cd build/plugins && $(PY) -m sonae.scripts.make_help

help-check: links
	cd build/plugins && $(PY) -m sonae.scripts.make_help --check

# List the provider through qgis_process with a throwaway profile (shows the `sonae` algorithms).
qgis-list: setup
	@home=$$(mktemp -d) && HOME=$$home qgis_process plugins enable sonae >/dev/null && \
	  HOME=$$home qgis_process list | sed -n '/^sonae/,/^$$/p'; rm -rf $$home

# Link this checkout into the default QGIS profile, enable it and point QGIS's start-up PYTHONPATH at .venv
# (desktop use: QGIS started from the menu then finds shapely 2 / geopandas 1.0 / pyogrio).
deploy: setup
	@/usr/bin/python3 scripts/deploy.py

# The plugin zip for the QGIS plugin manager: `git archive` of the committed tree (plus uncommitted edits of tracked
# files, via `git stash create`), minus what .gitattributes marks export-ignore, plus the built Japanese .qm;
# then plugins.qgis.org's upload checks (scripts/check_package.py). PACKAGE_REF=HEAD for a release build.
PACKAGE_REF ?= $$(git stash create 2>/dev/null | grep . || echo HEAD)
package: links
	@rm -f build/sonae.zip && git archive --prefix=sonae/ -o build/sonae.zip $(PACKAGE_REF) && \
	  /usr/bin/python3 -c "import zipfile; z = zipfile.ZipFile('build/sonae.zip', 'a'); z.write('i18n/sonae_ja.qm', 'sonae/i18n/sonae_ja.qm'); z.close()" && \
	  /usr/bin/python3 scripts/check_package.py build/sonae.zip && echo build/sonae.zip

# Every demo step inside the real QGIS desktop binary (under Xvfb), not only in a Python-hosted QgsApplication.
desktop-check: setup
	/usr/bin/python3 scripts/desktop_demo_check.py

screenshot: setup
	$(PY) scripts/desktop.py --screenshot docs/screenshot.png

# A local PostgreSQL + PostGIS trial platform (Unix socket in build/platform, no TCP); prints how to connect.
platform: setup
	$(PY) scripts/platform_trial.py start

platform-stop:
	$(PY) scripts/platform_trial.py stop

clean:
	-@[ ! -f build/platform/current ] || $(PY) scripts/platform_trial.py stop
	rm -rf build demo_output
