# Two commands a new machine needs: `make serve` and `make test` (see README.md).
VENV        ?= .venv
PY          := $(VENV)/bin/python
PORT        ?= 8000
export NO_MKDOCS_2_WARNING := 1
# Sitemap dates come from the last commit, so two builds of one commit are identical.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: serve build test generate bench clean

serve: $(VENV)/.installed  ## serve the site on http://127.0.0.1:8000 with live reload
	@# --dirty: an edit rebuilds only the pages whose Markdown changed (see README.md)
	$(VENV)/bin/mkdocs serve --dirty --dev-addr 127.0.0.1:$(PORT)

build: $(VENV)/.installed  ## write the site to site/ (zero warnings allowed)
	$(VENV)/bin/mkdocs build --strict

generate: $(VENV)/.installed  ## validate data/ and write the generated Markdown to .cache/pages/ to read
	$(PY) scripts/generate.py --out .cache/pages

test: $(VENV)/.installed node_modules/.installed  ## run every test
	$(PY) -m pytest

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is required (Material for MkDocs 9.8)")'
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf site .pytest_cache
