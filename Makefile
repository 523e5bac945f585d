# Two entry points: `make demo` scores the bundled sample corpus, `make test` runs the tests.
# Each builds its own virtual environment from pyproject.toml.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test venv clean bench screenshot

$(BIN)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (set PYTHON=...)" >&2; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

venv: $(BIN)/.installed

demo: venv
	$(BIN)/tension explain --file seeds/000_d113c72b39d588f2.txt --date 2025-10-18
	$(BIN)/tension run --sample --out out --freq M

test: venv
	$(BIN)/python -m pytest -q tests tension

bench: venv
	$(BIN)/python benchmarks/accuracy.py

clean:
	rm -rf $(VENV) out build dist

# The README's picture: the demo's report, rendered by Debian's Chromium.
screenshot: demo
	chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
	  --disable-component-update --disable-sync --user-data-dir=$$(mktemp -d) --window-size=1200,1150 \
	  --hide-scrollbars --screenshot=docs/demo_report.png file://$(CURDIR)/out/report.html
