# Tillitsportalen: `make run` for a working site, `make test` for the full check (CI runs it).
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.8
UV := .local/uv/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
PORT ?= 8000
DEMO_PASSWORD ?= tillit-demo-2026
export DEMO_PASSWORD

.PHONY: help install install-prod run serve test lint format pytest messages bench clean backup restore map-data

help:
	@echo "make run    - set up everything and run the portal on http://127.0.0.1:$(PORT)"
	@echo "make test   - lint, migration check and the whole test suite (what CI runs)"
	@echo "make serve  - gunicorn, task worker and scheduler with production settings (needs SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL)"
	@echo "make backup - database dump and stored files into .local/backups/tillit-<time>/ (BACKUP_DIR)"
	@echo "make restore FILE=<backup folder> - restore it into the configured database (FORCE=1 replaces)"
	@echo "make lint   - ruff, django-upgrade, the migration checks, and the import contracts (no cycles)"

$(UV):
	$(PYTHON) -m venv .local/uv
	.local/uv/bin/pip install --quiet uv==$(UV_VERSION)

# One .venv, installed either for development (make run, make test: with the dev group) or for
# production (make serve: without pytest, Playwright, locust, ruff, ...); its marker says which,
# and installing one removes the other's marker, so switching always installs again.
$(VENV)/.installed-dev: pyproject.toml uv.lock | $(UV)
	rm -f $(VENV)/.installed-prod
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --frozen --python $(PYTHON)
	touch $@

$(VENV)/.installed-prod: pyproject.toml uv.lock | $(UV)
	rm -f $(VENV)/.installed-dev
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --frozen --no-dev --python $(PYTHON)
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Made by install and install-prod once the .venv is ready (either kind will do).
locale/.compiled: $(wildcard locale/*/LC_MESSAGES/django.po locale_vendor/*/LC_MESSAGES/django.po)
	$(MANAGE) compilemessages --verbosity 0 --ignore=.venv --ignore=node_modules --ignore=.local
	touch $@

install: $(VENV)/.installed-dev node_modules/.installed
	@$(MAKE) --no-print-directory locale/.compiled
	@scripts/norsk-deps.sh

install-prod: $(VENV)/.installed-prod node_modules/.installed
	@$(MAKE) --no-print-directory locale/.compiled
	@scripts/norsk-deps.sh

# backup and restore use whichever install the .venv holds (production on a server).
CURRENT_INSTALL := $(if $(wildcard $(VENV)/.installed-prod),install-prod,install)

run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	@echo ""
	@echo "Demo users (password: $(DEMO_PASSWORD)):"
	@for role in ansatt leder tillitsvalgt departement redaktor; do echo "  $$role@demo.tillitsportalen.no"; done
	@echo ""
	@echo "Background: the task worker (run_worker) and the scheduler (run_scheduler) run beside the site."
	SITE_URL="$${SITE_URL:-http://127.0.0.1:$(PORT)}" PORT=$(PORT) $(PY) -m tillit.supervisor --development

serve: install-prod
	DJANGO_SETTINGS_MODULE=tillit.settings.production $(MANAGE) collectstatic --noinput --verbosity 0
	DJANGO_SETTINGS_MODULE=tillit.settings.production $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=tillit.settings.production PORT=$(PORT) $(PY) -m tillit.supervisor

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	git ls-files -z '*.py' | xargs -0 $(VENV)/bin/django-upgrade --target-version 5.2 --check
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) lintmigrations --quiet ok ignore
	$(VENV)/bin/lint-imports --no-cache
	$(PY) -m tests.import_cycles

backup: $(CURRENT_INSTALL)
	$(MANAGE) backup --output "$${BACKUP_DIR:-.local/backups}"

restore: $(CURRENT_INSTALL)
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=.local/backups/tillit-<time> [FORCE=1]"; exit 2; }
	$(MANAGE) restore "$(FILE)" $(if $(FORCE),--force)

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

pytest: install
	$(VENV)/bin/pytest

test: lint pytest

messages: install
	$(MANAGE) makemessages --locale nb --locale nn --locale en --ignore '.venv/*' --ignore 'node_modules/*' --ignore '.local/*' --no-obsolete

# The map's committed outline (tillit/data/kart-norge.json) from Kartverket's boundaries:
# GEODATA names the folder with kommuner.geojson (see tillit/data/SOURCES.md).
GEODATA ?= ../shared/data
map-data: | $(UV)
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --frozen --group map --python $(PYTHON)
	rm -f $(VENV)/.installed-dev $(VENV)/.installed-prod  # the next install syncs again
	$(PY) scripts/build_map.py $(GEODATA)

clean:
	rm -rf $(VENV) node_modules .local/uv .local/staticfiles locale/.compiled

# make bench SIZE=1000000: 1 000 against that many measures (seeded in bulk), the overview's
# filters and searches against issue 21's targets (bench/scale.py); the database is kept.
bench: install
	$(PY) bench/run.py $(if $(SIZE),--scale $(SIZE))
