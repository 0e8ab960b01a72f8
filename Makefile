# Every target bootstraps its own virtual environment from plain python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-quick test-compiled generate check-generated spec-report lint typecheck docs package bench ci clean

# The editable install's own finder is an import hook, which static checkers cannot follow
# (setuptools docs, "Development Mode": "Limitations"); a .pth file naming the checkout lets mypy
# and pyright, run from any folder, see the packages and their py.typed. It is what setuptools'
# editable_mode=compat did, without that mode's deprecation warning.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -c "import pathlib, site; pathlib.Path(site.getsitepackages()[0], 'patreonkit-checkout.pth').write_text(str(pathlib.Path.cwd()) + '\\n')"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python -m examples.demo

# Everything: starts redis-server, PostgreSQL (as `nobody` when run as root) and headless Chromium,
# and builds wheels; a missing server is a skip, or a failure under CI=true. README "Tests".
test: $(STAMP)
	$(BIN)/python -m pytest -q

# No redis-server, PostgreSQL or Chromium, and not the slow tests (tests/conftest.py: markers
# `external` and `slow`); the run fails if a test starts one of those servers anyway.
test-quick: $(STAMP)
	$(BIN)/python -m pytest -q --quick

# The same suite against the binary wheel, whose decode path mypyc compiles (setup.py): needs a C
# compiler and the Python headers, which `make test` and `make demo` do not.
test-compiled: $(STAMP)
	bash .ci/test-compiled

generate: $(STAMP)
	$(BIN)/python -m generator build

# Everything generated: patreon_generated/, the sync twins and docs/spec-coverage.md; `check`
# fails when any of them differs from what `generate` writes.
check-generated: $(STAMP)
	$(BIN)/python -m generator check

# docs/spec-coverage.md alone (per type, each attribute's JSON type, nullability, scopes and
# sources); `make generate` writes it too.
spec-report: $(STAMP)
	$(BIN)/python -m patreon_spec.coverage

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy patreon_runtime patreon_auth patreon_members patreon_sandbox patreon_cli patreon_spec tests bench examples generator build_backend setup.py
	$(BIN)/mypy patreon_generated

# The docs site (mkdocs): the guides plus an API reference from the public docstrings, --strict.
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet --site-dir site

# The wheel and sdist as users get them: build, twine check, install into a fresh venv, smoke test.
package: $(STAMP)
	bash .ci/package

# Each bench in the interpreted checkout, then bench.decode and bench.imports on the compiled build.
bench: $(STAMP)
	$(BIN)/python -m bench
	bash .ci/bench-compiled

ci: test test-compiled check-generated lint typecheck docs package

clean:
	rm -rf $(VENV) .venv-compiled build
