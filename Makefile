# On a fresh machine (Python 3.11+ and a shell):
#   make run    set up, then serve on http://127.0.0.1:5000 with SQLite and demo data
#   make workshop  set up (no demo data), then serve to the laptop's network (Waitress, port 8000)
#   make test   set up, then run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
INSTALLED := $(VENV)/.installed
CATALOGUES := $(wildcard app/translations/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGUES:.po=.mo)

.PHONY: run workshop test setup database lint format messages lock

run: setup
	@echo
	@echo "Open http://127.0.0.1:5000  (Ctrl+C stops the server)"
	$(FLASK) run --host 127.0.0.1 --port 5000

# A workshop without internet: serve to the laptop's Wi-Fi or hotspot (Waitress, port 8000 or
# PORT); join links and posters use the laptop's address. See "A workshop from a laptop".
# No demo data: its accounts' password is public. `make workshop PACK=round.ftw` unpacks the
# round packed on the server first (again changes nothing).
workshop: $(INSTALLED) $(COMPILED)
	$(FLASK) db upgrade
	$(FLASK) instruments load
	$(if $(PACK),$(FLASK) workshop unpack "$(PACK)")
	$(FLASK) workshop serve

test: $(INSTALLED) $(COMPILED)
	$(BIN)/pytest

setup: $(INSTALLED) $(COMPILED) database

database: $(INSTALLED)
	$(FLASK) db upgrade
	$(FLASK) instruments load
	$(FLASK) demo load

$(INSTALLED): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version))"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

app/translations/%/LC_MESSAGES/messages.mo: app/translations/%/LC_MESSAGES/messages.po $(INSTALLED)
	$(BIN)/pybabel compile --statistics -i $< -o $@

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# After changing user-facing text: collect the strings, then translate the new ones in the .po.
messages: $(INSTALLED)
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output \
		--project freedom-table -o app/translations/messages.pot .
	$(BIN)/pybabel update -i app/translations/messages.pot -d app/translations --no-fuzzy-matching \
		--ignore-obsolete --width 100
	# The creation date changes on every run and would only make merges conflict.
	sed -i "/^\"POT-Creation-Date:/d" $(CATALOGUES)
	rm app/translations/messages.pot

# After changing requirements.in: pin it and everything it pulls in.
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet -r requirements.in
	{ echo "# Every package pinned, generated from requirements.in by \`make lock\` (pip freeze)."; \
	  .venv-lock/bin/pip freeze; } > requirements.txt
	rm -rf .venv-lock
