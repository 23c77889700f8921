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

.PHONY: setup links demo test test-fast bench i18n package deploy qgis-list desktop-check screenshot clean platform platform-stop

setup:
	@./scripts/setup.sh
	@$(MAKE) --no-print-directory links

links:
	@mkdir -p build/plugins build/xdg && chmod 700 build/xdg
	@[ -L build/plugins/sonae ] || ln -s "$(ROOT)" build/plugins/sonae
	@[ ! -f i18n/sonae_ja.ts ] || [ i18n/sonae_ja.qm -nt i18n/sonae_ja.ts ] || lrelease -silent i18n/sonae_ja.ts -qm i18n/sonae_ja.qm

demo: setup
	cd build/plugins && $(PY) -m sonae.demo.run_demo --out $(ROOT)/demo_output

test: setup
	cd build/plugins && $(PY) -m pytest -p no:cacheprovider sonae/tests $(PYTEST_ARGS)

bench: setup
	cd build/plugins && $(PY) -m sonae.benchmarks.run_all $(BENCH_ARGS)

# scripts/i18n_fill.py replaces pylupdate5 (which files module-level tr() under class names/"@default" and cannot
# see DISPLAY_NAME/SHORT_HELP/GROUPS/help texts): it extracts every string into the "Sonae" context, fills the
# Japanese half of "English / 日本語" strings, keeps hand edits, then lists what remains untranslated.
i18n: setup
	$(PY) scripts/i18n_fill.py
	lrelease -silent i18n/sonae_ja.ts -qm i18n/sonae_ja.qm
	@$(PY) scripts/i18n_fill.py --check | tail -n 4 || true

# List the provider through qgis_process with a throwaway profile (shows the `sonae` algorithms).
qgis-list: setup
	@home=$$(mktemp -d) && HOME=$$home qgis_process plugins enable sonae >/dev/null && \
	  HOME=$$home qgis_process list | sed -n '/^sonae/,/^$$/p'; rm -rf $$home

# Link this checkout into the default QGIS profile, enable it and point QGIS's start-up PYTHONPATH at .venv
# (desktop use: QGIS started from the menu then finds shapely 2 / geopandas 1.0 / pyogrio).
deploy: setup
	@/usr/bin/python3 scripts/deploy.py

# The plugin zip for the QGIS plugin manager: the committed tree plus the built Japanese translation (.qm).
package: links
	@rm -f build/sonae.zip && git archive --prefix=sonae/ -o build/sonae.zip HEAD && \
	  /usr/bin/python3 -c "import zipfile; z = zipfile.ZipFile('build/sonae.zip', 'a'); z.write('i18n/sonae_ja.qm', 'sonae/i18n/sonae_ja.qm'); z.close()" && \
	  echo build/sonae.zip

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
