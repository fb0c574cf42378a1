# The two commands a new machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# Tests run with debug off, like production, but over plain HTTP (the live server for browser
# tests has no TLS). The key is for the test run only.
TEST_ENV := DJANGO_DEBUG=0 DJANGO_SECURE_SSL_REDIRECT=0 DJANGO_SECRET_KEY=test-only-secret-key-not-for-any-real-deployment-0123456789

.PHONY: install run test test-e2e lint format migrations-check check-deploy seed screenshots bench bench-quick clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# The development server and the background worker together (Procfile, through honcho).
PORT ?= 8000
run: install
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=1 PORT=$(PORT) PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/honcho start

test: install
	$(TEST_ENV) $(BIN)/pytest $(PYTEST_ARGS)

# The hostile-input walkers with many more examples per form than CI runs (a few minutes).
fuzz: install
	$(TEST_ENV) REBOUND_FUZZ_EXAMPLES=$${REBOUND_FUZZ_EXAMPLES:-300} $(BIN)/pytest tests/core/test_fuzz_forms.py tests/core/test_get_walker.py tests/core/test_hostile_input.py $(PYTEST_ARGS)

test-e2e: install
	$(TEST_ENV) $(BIN)/pytest tests/e2e $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: install
	$(TEST_ENV) $(BIN)/python manage.py makemigrations --check --dry-run

seed: install
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=1 $(BIN)/python manage.py seed_demo --email demo@example.com --replace

# The README's pictures: a browser test with demo data writes them to docs/.
screenshots: install
	$(TEST_ENV) REBOUND_SCREENSHOTS=docs $(BIN)/pytest tests/e2e/test_screenshots.py -q -p no:cacheprovider

# Throwaway PostgreSQL databases rebound_bench_<size> on 127.0.0.1:5432 (see bench/run.py).
bench: install
	$(BIN)/python bench/run.py

bench-quick: install
	$(BIN)/python bench/run.py --quick --json bench/results-quick.json

clean:
	rm -rf $(VENV) staticfiles
