# `make run` and `make test` each build .venv from pyproject.toml when needed.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test venv clean translations

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "visitapp needs Python 3.11 or newer"'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/visitapp gui

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m visitapp.ui.screenshots docs/screenshots

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache

# Core/CLI gettext catalogue: extract, merge into the Polish .po, compile every domain.
CORE_SOURCES := visitapp/__init__.py visitapp/errors.py visitapp/i18n.py visitapp/templates.py \
	visitapp/validation.py visitapp/demo.py visitapp/db visitapp/services visitapp/exchange \
	visitapp/cli/__init__.py visitapp/cli/common.py visitapp/cli/core.py
translations: $(STAMP)
	$(VENV)/bin/pybabel extract --no-location --omit-header -k _ -k ngettext:1,2 -o build/visitapp.pot $(CORE_SOURCES)
	$(VENV)/bin/pybabel update -D visitapp -i build/visitapp.pot -d resources/locale -l pl --no-location
	$(VENV)/bin/pybabel compile -d resources/locale --statistics
