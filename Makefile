# `make run` and `make test` each build .venv from pyproject.toml when needed.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint venv clean translations screenshots package package-test

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "visitapp needs Python 3.11 or newer"'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

# The developer's run: the window on a demo database (made when missing; or $VISITAPP_DB). A person's
# first start of the installed app (`visitapp`, no database named) shows the first-run wizard instead.
DEMO_DB ?= build/demo.db
run: $(STAMP)
	@if [ -n "$$VISITAPP_DB" ]; then exec $(VENV)/bin/visitapp gui; fi; \
	test -e $(DEMO_DB) || { mkdir -p $(dir $(DEMO_DB)) && $(VENV)/bin/visitapp demo --db $(DEMO_DB) >/dev/null; }; \
	exec $(VENV)/bin/visitapp gui --db $(DEMO_DB)

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m visitapp.ui.screenshots docs/screenshots --all-to build/screenshots

# Lint and types first (seconds, zero findings allowed), then the suite in 2 worker processes (pytest-xdist):
# most tests wait on subprocesses, Qt, PostgreSQL or signing, so a second worker nearly halves the time on 2
# cores. --dist loadfile keeps each test file on one worker, so its module-scoped fixtures (signed PDFs,
# tokens, test PKIs) are built once, not once per worker. `make test PYTEST_XDIST=` runs in one process.
PYTEST_XDIST ?= -n 2 --dist loadfile
test: $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_XDIST) --durations=30 $(PYTEST_ARGS)

# ruff and mypy read their settings from pyproject.toml.
lint: $(STAMP)
	$(VENV)/bin/ruff check visitapp tests benchmarks packaging
	$(VENV)/bin/mypy visitapp

# The frozen one-folder app (dist/visitapp) and the .deb; PyInstaller comes in only for this.
PACKAGE_STAMP := $(VENV)/.package-installed
$(PACKAGE_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,package]'
	touch $(PACKAGE_STAMP)

package: $(PACKAGE_STAMP)
	$(PY) packaging/build.py

# The frozen app run as a user would (no venv on PATH), and the .deb's contents.
package-test: $(STAMP)
	VISITAPP_FROZEN=dist/visitapp $(PY) -m pytest tests/test_frozen_app.py -q $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache

# gettext catalogues of the core (no Qt): one domain per area, each extracted from its
# sources, merged into the Polish .po (the translator's file) and compiled to .mo.
# The GUI's Qt catalogues are in resources/translations (see README).
DOMAIN_visitapp := visitapp/__init__.py visitapp/domain.py visitapp/errors.py visitapp/i18n.py visitapp/limits.py visitapp/templates.py \
	visitapp/validation.py visitapp/demo.py visitapp/db visitapp/ops visitapp/services visitapp/exchange \
	visitapp/cli/__init__.py visitapp/cli/common.py visitapp/cli/core.py visitapp/cli/gui.py visitapp/cli/dbcmd.py \
	visitapp/cli/visit_cmd.py visitapp/cli/argparse_i18n.py
DOMAIN_minutes := visitapp/minutes visitapp/signing visitapp/files.py visitapp/publish.py visitapp/cli/minutes.py visitapp/cli/verify_cmd.py
DOMAIN_coordinator := visitapp/registry visitapp/cli/coordinator.py visitapp/cli/persons.py visitapp/cli/registry_copy.py
translations: $(STAMP)
	mkdir -p build
	for domain in visitapp minutes coordinator; do \
	  case $$domain in visitapp) src="$(DOMAIN_visitapp)";; minutes) src="$(DOMAIN_minutes)";; coordinator) src="$(DOMAIN_coordinator)";; esac; \
	  $(VENV)/bin/pybabel extract --no-location --omit-header -k _ -k t -k ngettext:1,2 -o build/$$domain.pot $$src && \
	  $(VENV)/bin/pybabel update -D $$domain -i build/$$domain.pot -d resources/locale -l pl --no-fuzzy-matching --ignore-obsolete || exit 1; \
	done
	for domain in visitapp minutes coordinator; do \
	  $(VENV)/bin/pybabel compile -D $$domain -d resources/locale --statistics || exit 1; \
	done
