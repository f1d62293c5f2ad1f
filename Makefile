# Two commands on a fresh machine with Python 3.11: `make run` serves, `make test` tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run test lint train evaluate bench clean

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

run: $(VENV)/.runtime  ## serve the API with gunicorn on $$PORT (default 8000)
	PORT=$(PORT) $(VENV)/bin/gunicorn -c gunicorn.conf.py 'service:create_app()'

test: $(VENV)/.dev  ## lint, type-check and run the tests
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(PY) -m pytest

train: $(VENV)/.runtime  ## retrain the model from seeds/ (deterministic)
	$(PY) -m classifiers.train

evaluate: $(VENV)/.dev  ## style-held-out figures, and the dev set with peers when ../shared has it
	$(PY) -m classifiers.evaluate

bench: $(VENV)/.runtime  ## articles per second through the core
	$(PY) -m benchmarks.throughput

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
