# Deep Learning for Computer Vision: course tasks. `make demo` sets everything up and grades a demo class;
# `make test` runs the repository's tests (the same command CI runs).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
ASSIGNMENTS := $(notdir $(wildcard source/*))
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)
export PYTHONPATH := $(CURDIR)/tests

.PHONY: setup sandbox data release demo test proof benchmark clean

setup: $(VENV)/.installed sandbox data

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip==24.3.1
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

# bubblewrap isolates student code while it is graded (tests/harness/sandbox.py)
sandbox:
	@command -v bwrap >/dev/null || { [ "$$(id -u)" = 0 ] && (apt-get install -y -qq bubblewrap >/dev/null 2>&1 || \
	  (apt-get update -qq && apt-get install -y -qq bubblewrap >/dev/null)); } || \
	  echo "WARNING: bubblewrap (bwrap) is not installed: student code would be graded without a sandbox"

# real data if it is in data/, otherwise the offline synthetic stand-in
data: $(VENV)/.installed
	$(PY) -m dlcv.synthetic --root data

release: setup
	for a in $(ASSIGNMENTS); do $(PY) -m nbgrader generate_assignment $$a --force || exit 1; done

demo: setup
	$(PY) scripts/demo_class.py

test: setup
	$(PY) -m pytest tests -q

proof: setup
	$(PY) -m harness.proof

benchmark: setup
	$(PY) scripts/benchmark.py

clean:
	rm -rf autograded feedback submitted gradebook.db demo .grader_cache tensorboard_logs
