# Maillage — `make run` and `make test` work on a fresh machine with Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
# `make run PORT=8001` serves on another port.
PORT ?= 8000

.PHONY: install lock gettext chromium messages translations run test test-fast test-postgres lint format clean \
	bench loadtest serve backup

# Dependencies come from uv.lock (exact versions and hashes), installed by uv. uv
# itself is bootstrapped with pip into .tools/ at a pinned version, so a machine
# needs only python3 with pip and venv. .python-version asks uv for Python 3.11.
# `make install UV_EXTRAS="--extra test --extra s3"` adds object storage.
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
UV_EXTRAS ?= --extra test

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet "uv==$(UV_VERSION)"

$(VENV)/.installed: uv.lock pyproject.toml | $(UV)
	$(UV) sync --locked $(UV_EXTRAS)
	touch $@

install: $(VENV)/.installed

# After changing dependencies in pyproject.toml: refresh uv.lock (then commit it).
# `make lock UV_LOCK_ARGS=--upgrade` moves every package to its newest allowed version.
lock: $(UV)
	$(UV) lock $(UV_LOCK_ARGS)

# Django's translation tools need GNU gettext (msgfmt, xgettext).
gettext:
	@command -v msgfmt >/dev/null 2>&1 || { \
	  echo "Installing GNU gettext..."; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq gettext; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq gettext; fi; }

# Browser tests (e2e/) drive Debian's Chromium; Playwright's own download does not
# work here. The tests fail, rather than skip, when it cannot start.
CHROMIUM ?= /usr/bin/chromium
chromium:
	@test -x $(CHROMIUM) || { \
	  echo "Installing Chromium..."; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium; fi; }

messages: install gettext
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=var -v 0

# After changing user-facing strings: refresh the French catalogue, then translate.
translations: install gettext
	$(BIN)/python manage.py makemessages -l fr --no-location --ignore=.venv --ignore=var --ignore='*/tests/*' -v 0

# `make run PORT=8001` serves on another port; e-mailed links follow it (DEBUG).
PORT ?= 8000
run: messages
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput -v 0
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The suite runs on every core (pytest-xdist, one test database per worker:
# docs/decisions/0006-pytest-xdist.md): first everything but the browser tests,
# each file whole on one worker (`--dist loadfile`: a module's world is built
# once), the slowest files first (conftest.py's SLOWEST_FILES), then the browser tests (e2e/, marked `browser`) in a second call, spread
# test by test. `make test WORKERS=0` runs serially; PYTEST_ARGS goes to both
# calls (a call that selects no test is not an error).
WORKERS ?= auto
PYTEST_FAST = $(BIN)/pytest -n $(WORKERS) --dist loadfile --no-loadscope-reorder -m "not browser" $(PYTEST_ARGS) || [ $$? -eq 5 ]
PYTEST_BROWSER = $(BIN)/pytest -n $(WORKERS) -m browser $(PYTEST_ARGS) || [ $$? -eq 5 ]

test: messages lint chromium
	mkdir -p var
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run -v 0
	$(PYTEST_FAST)
	$(PYTEST_BROWSER)

# The edit-test loop: the whole suite but the browser tests, in parallel.
test-fast: messages
	mkdir -p var
	$(PYTEST_FAST)

test-postgres: messages chromium
	DATABASE_URL=$(PG_URL) $(PYTEST_FAST)
	DATABASE_URL=$(PG_URL) $(PYTEST_BROWSER)

# Production serving: gunicorn + whitenoise with config.settings.prod; every
# setting comes from the environment (README, docs/deployment.md). Refuses to start
# without a real SECRET_KEY.
serve: messages
	@test -n "$$SECRET_KEY" || { echo "Set SECRET_KEY (50+ random characters): see docs/deployment.md"; exit 1; }
	mkdir -p var
	DJANGO_SETTINGS_MODULE=config.settings.prod $(BIN)/python manage.py collectstatic --noinput -v 0
	DJANGO_SETTINGS_MODULE=config.settings.prod $(BIN)/python manage.py migrate --noinput -v 0
	DJANGO_SETTINGS_MODULE=config.settings.prod $(BIN)/gunicorn config.wsgi -c config/gunicorn.py

# A consistent copy of the database and uploads into var/backups/ (manage.py backup).
backup: install
	$(BIN)/python manage.py backup

# Scale benchmark (not part of `make test`): SQLite, then PostgreSQL when reachable
# (BENCH_DATABASE_URL, default $(BENCH_PG_URL)). BENCH_SCALES: sizes to measure.
# The French catalogue is compiled first: the pages are timed as users see them.
BENCH_PG_URL ?= postgres://postgres@127.0.0.1:5432/maillage_bench
BENCH_SCALES ?= 1 10
bench: messages
	$(BIN)/python -m bench --engine sqlite --scales $(BENCH_SCALES)
	@if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null || [ -n "$$BENCH_DATABASE_URL" ]; then \
	  BENCH_DATABASE_URL=$${BENCH_DATABASE_URL:-$(BENCH_PG_URL)} $(BIN)/python -m bench --engine postgresql --scales $(BENCH_SCALES); \
	else echo "PostgreSQL not reachable: skipping its benchmark (set BENCH_DATABASE_URL)."; fi

clean:
	rm -rf $(VENV) $(TOOLS) var

# Concurrent writers (not part of `make test`): gunicorn on the SQLite default,
# 20 clients posting replies and reactions for 30 s while 5 read; counts checked.
loadtest: messages
	$(BIN)/python -m bench.loadtest

# Several machines, proven (not part of `make test`): two gunicorn app servers and
# two db_worker task workers on production settings, a fresh PostgreSQL database
# (CLUSTER_PG_URL, default maillage_cluster, dropped at the end) and one Redis
# database (CLUSTER_REDIS_URL, default db 13, flushed); docs/deployment.md.
CLUSTER_ARGS ?=
cluster-test: messages
	$(BIN)/python -m cluster $(CLUSTER_ARGS)
.PHONY: cluster-test
