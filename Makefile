# Convolutional Neural Networks, from first principles.
#   make lab      create .venv if missing, install, open the student's JupyterLab on notebooks/ (no instructor tools)
#   make instructor  JupyterLab from the repo root with nbgrader's Formgrader and Create Assignment
#   make test     create .venv if missing, install, run every test in FAST mode (TEST_JOBS=2 processes)
#   make test-browser  the real-browser tests only (needs Chromium; CI sets CNNLAB_REQUIRE_BROWSER=1)
#   make release  regenerate notebooks/ from solutions/ (ASSIGNMENTS="01-why-convolutions" for some)
#   make grade    autograde autograder/submitted/ into autograder/grades.csv, each kernel in a sandbox
#                 (JOBS=2 in parallel; STUDENT=.. ASSIGNMENT=.. regrade some; FORCE=1 regrade all;
#                 ALLOW_UNSANDBOXED=1 grade where the sandbox cannot run, e.g. macOS: see docs/SANDBOX.md)
#   make grade-setup  install the sandbox (bubblewrap) on Debian/Ubuntu, as root
#   make feedback HTML feedback for graded submissions (hidden tests removed)
#   make bench    measure speed and accuracy into docs/benchmarks.md
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ASSIGNMENTS ?=
LAB_ARGS ?=
PYTEST_ARGS ?=
# make test runs the test files in TEST_JOBS processes (pytest-xdist; one file stays in one process)
TEST_JOBS ?= 2
# nbgrader and jupyter call helper programs (alembic, jupyter-*) by name: find the venv's first.
export PATH := $(CURDIR)/$(BIN):$(PATH)
JOBS ?= 1
STUDENT ?=
ASSIGNMENT ?=
FORCE ?=
ALLOW_UNSANDBOXED ?=
GRADE_FLAGS := --jobs $(JOBS) $(if $(STUDENT),--student $(STUDENT)) $(if $(ASSIGNMENT),--assignment $(ASSIGNMENT)) \
	$(if $(filter 1,$(FORCE)),--force) $(if $(filter 1,$(ALLOW_UNSANDBOXED)),--allow-unsandboxed)
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: lab instructor test test-browser release grade grade-setup feedback bench clean-venv

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# The student's lab reads lab/student/ (JUPYTER_CONFIG_DIR): nbgrader's instructor plugins and server
# extensions are off there, Validate stays on. See lab/student/README.md.
lab: $(STAMP)
	JUPYTER_CONFIG_DIR=$(CURDIR)/lab/student $(BIN)/jupyter-lab --notebook-dir=notebooks $(ROOT_FLAG) $(LAB_ARGS)

instructor: $(STAMP)
	$(BIN)/jupyter-lab --notebook-dir=. --ServerApp.contents_manager_class=cnnlab.labserver.CourseContentsManager \
		$(ROOT_FLAG) $(LAB_ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest -n $(TEST_JOBS) --dist loadfile $(PYTEST_ARGS)

test-browser: $(STAMP)
	$(BIN)/python -m pytest -m browser tests/test_browser.py $(PYTEST_ARGS)

release: $(STAMP)
	$(BIN)/python -m autograder release $(ASSIGNMENTS)

grade: $(STAMP)
	$(BIN)/python -m autograder grade $(GRADE_FLAGS)

grade-setup:
	apt-get install -y bubblewrap util-linux || (apt-get update && apt-get install -y bubblewrap util-linux)

bench: $(STAMP)
	$(BIN)/python -m bench

clean-venv:
	rm -rf $(VENV)

feedback: $(STAMP)
	$(BIN)/python -m autograder feedback

# Remake the pretrained networks of notebooks 09-10 (data/pretrained/*.pt + .json records; CPU minutes).
.PHONY: pretrain
pretrain: $(STAMP)
	$(BIN)/python -m cnnlab.pretrain
	$(BIN)/python -m cnnlab.pretrain --source digits04
