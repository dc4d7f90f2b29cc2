# Two commands a new machine needs: `make serve` and `make test` (see README.md).
VENV        ?= .venv
PY          := $(VENV)/bin/python
PORT        ?= 8000
export NO_MKDOCS_2_WARNING := 1
# Sitemap dates come from the last commit, so two builds of one commit are identical.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: serve build check new-code generate test test-fast bench clean

serve: $(VENV)/.site  ## serve the site on http://127.0.0.1:$(PORT) with live reload
	@# --dirty: an edit rebuilds only the pages whose Markdown changed (see README.md)
	$(VENV)/bin/mkdocs serve --dirty --dev-addr 127.0.0.1:$(PORT)

build: $(VENV)/.site  ## write the site to site/ (zero warnings allowed)
	$(VENV)/bin/mkdocs build --strict

check: $(VENV)/.site  ## validate data/: every problem, with its file, code and field
	$(PY) scripts/generate.py

new-code: $(VENV)/.site  ## start data/codes/<N>xx/$(CODE).yaml (VENDOR="..." for an unofficial code)
	@test -n "$(CODE)" || { echo 'usage: make new-code CODE=460 [VENDOR="AWS Elastic Load Balancing"]'; exit 2; }
	$(PY) scripts/new_code.py $(CODE) $(if $(VENDOR),--vendor "$(VENDOR)")

generate: $(VENV)/.site  ## write the generated Markdown to .cache/pages/ to read it
	$(PY) scripts/generate.py --out .cache/pages

test: $(VENV)/.test node_modules/.installed  ## run every test
	$(PY) scripts/find_browser.py
	$(PY) -m pytest

test-fast: $(VENV)/.test  ## every test that needs no browser (the inner loop)
	$(PY) -m pytest -m "not browser" -q

bench: $(VENV)/.test node_modules/.installed scripts/lighthouse/node_modules/.installed  ## the speed and size figures of README.md
	$(PY) scripts/bench.py

# Building needs only requirements.txt; the tests add requirements-dev.txt.
$(VENV)/.site: requirements.txt
	@python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is required (Material for MkDocs 9.8)")'
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test: $(VENV)/.site requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Lighthouse (make bench) has its own folder: the tests do not need its 110 MB.
scripts/lighthouse/node_modules/.installed: scripts/lighthouse/package.json scripts/lighthouse/package-lock.json
	npm ci --prefix scripts/lighthouse --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf site .pytest_cache .cache
