# Every target bootstraps its own virtual environment from plain python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test generate check-generated spec-report lint typecheck bench ci clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python -m examples.demo

test: $(STAMP)
	$(BIN)/python -m pytest -q

generate: $(STAMP)
	$(BIN)/python -m generator build

check-generated: $(STAMP)
	$(BIN)/python -m generator check
	$(BIN)/python -m patreon_spec.coverage --check

# docs/spec-coverage.md: per type, each attribute's JSON type, nullability, scopes and sources.
spec-report: $(STAMP)
	$(BIN)/python -m patreon_spec.coverage

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy patreon_auth patreon_sandbox patreon_cli patreon_spec tests bench examples generator
	$(BIN)/mypy patreon_generated

bench: $(STAMP)
	$(BIN)/python -m bench

ci: test check-generated lint typecheck

clean:
	rm -rf $(VENV)
