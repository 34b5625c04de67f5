# Two commands for a fresh machine: `make run` (the app on demo data) and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
DB     ?= data/ecom.db
# Port of `make run`: STREAMLIT_SERVER_PORT (Streamlit's own variable) wins, then PORT
# (what hosting platforms set), then Streamlit's default 8501. Empty values count as unset.
PORT   := $(or $(STREAMLIT_SERVER_PORT),$(PORT),8501)

.PHONY: run test bench demo clean-db

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

demo: $(VENV)/.installed
	ECOM_DB=$(DB) $(PY) -m ecom_models demo --db $(DB)

# Two malloc arenas from the first thread on: the server's own threads otherwise make more
# before app.py can limit them, and freed memory stays in them (ui/memory.py).
run: demo
	MALLOC_ARENA_MAX=2 ECOM_DB=$(DB) $(PY) -m streamlit run app.py --server.port $(PORT)

test: $(VENV)/.installed-dev
	$(PY) -m pytest

bench: $(VENV)/.installed-dev
	$(PY) bench/ingest.py
	$(PY) bench/pricing.py
	$(PY) bench/pages.py
	$(PY) bench/bundles.py
	$(PY) bench/journey.py
	$(PY) bench/scale.py --sizes 1,4
	$(PY) bench/load.py
	$(PY) -m pip install --quiet --no-deps -r requirements-bench.txt
	$(PY) bench/forecast.py

clean-db:
	rm -f $(DB) $(DB)-wal $(DB)-shm
