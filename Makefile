# Maillage — `make run` and `make test` work on a fresh machine with Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: install gettext messages translations run test test-postgres lint format clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

# Django's translation tools need GNU gettext (msgfmt, xgettext).
gettext:
	@command -v msgfmt >/dev/null 2>&1 || { \
	  echo "Installing GNU gettext..."; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq gettext; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq gettext; fi; }

messages: install gettext
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=var -v 0

# After changing user-facing strings: refresh the French catalogue, then translate.
translations: install gettext
	$(BIN)/python manage.py makemessages -l fr --no-location --ignore=.venv --ignore=var --ignore='*/tests/*' -v 0

run: messages
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput -v 0
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: messages lint
	mkdir -p var
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run -v 0
	$(BIN)/pytest $(PYTEST_ARGS)

test-postgres: messages
	DATABASE_URL=$(PG_URL) $(BIN)/pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) var
