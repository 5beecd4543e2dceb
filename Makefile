# Sjabloonstraat: `make demo` maakt de voorbeelddocumenten, `make test` draait alle tests.
VENV    := .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.geinstalleerd
# Debian-pakketten die de tests nodig hebben (geïnstalleerd met apt-get als we root zijn).
# postgresql: de registertests draaien ook tegen een eigen PostgreSQL-server op 127.0.0.1.
# libreoffice-writer-nogui en python3-uno: `sjabloon bulk --pdf` maakt PDF/A met één LibreOffice per werker.
# chromium: de browsertests van de webapp (Playwright stuurt Debians Chromium aan; er wordt geen browser gedownload).
# poppler-utils: pdftoppm maakt van elke PDF-pagina een afbeelding, voor de beeldtest van de voorbeelddocumenten.
# nodejs en npm (alleen als er nog geen node is; een nieuwere mag ook): de echte OpenID-provider van de tests.
DEB_PAKKETTEN := postgresql libreoffice-writer-nogui python3-uno chromium poppler-utils redis-server
# Draaien twee `make test` tegelijk, dan wacht de tweede op het slot van apt in plaats van te falen.
APT_WACHT := -o DPkg::Lock::Timeout=600
# axe-core (toegankelijkheidsregels) uit het npm-register, voor de browsertests; gecontroleerd op zijn SHA-512.
AXE     := $(VENV)/axe-core/axe.min.js
# De OpenID-provider van de tests: npm-pakket oidc-provider, precies zoals tests/oidc/package-lock.json het vastlegt.
OIDC    := $(VENV)/oidc-provider
OIDC_STAMP := $(OIDC)/node_modules/.package-lock.json

# Waar de UD-treebanks staan voor `make model` (zie checks/model/nl_sjabloonstraat/NAUWKEURIGHEID.md).
UD_DATA ?= ../shared/data/ud-dutch

.PHONY: install demo test systeem oidc model vertaling voorbeelden-png clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: install
	$(VENV)/bin/sjabloon voorbeelden --uit uitvoer
	@echo "Klaar: de voorbeelddocumenten staan in ./uitvoer/"
	@echo "Webapp: maak een account ($(VENV)/bin/sjabloon gebruiker toevoegen NAAM --rol zaakbehandelaar),"
	@echo "        start $(VENV)/bin/sjabloon web  en open dan http://127.0.0.1:8000/"

systeem:
	@ontbreekt=""; for p in $(DEB_PAKKETTEN); do dpkg -s $$p >/dev/null 2>&1 || ontbreekt="$$ontbreekt $$p"; done; \
	command -v node >/dev/null && command -v npm >/dev/null || ontbreekt="$$ontbreekt nodejs npm"; \
	if [ -n "$$ontbreekt" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get $(APT_WACHT) update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get $(APT_WACHT) install -y -qq $$ontbreekt; \
	  else echo "Installeer eerst:$$ontbreekt (apt-get als root)"; fi; \
	fi

$(AXE): tests/haal_axe.py | install
	$(PY) tests/haal_axe.py $(AXE)

oidc: $(OIDC_STAMP)

$(OIDC_STAMP): tests/oidc/package.json tests/oidc/package-lock.json | systeem
	@if command -v npm >/dev/null; then \
	  mkdir -p $(OIDC) && cp tests/oidc/package.json tests/oidc/package-lock.json $(OIDC)/ && \
	  cd $(OIDC) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error; \
	else echo "npm ontbreekt: de OpenID-tests worden overgeslagen (installeer nodejs en npm)"; fi

# Als root zijn PostgreSQL, LibreOffice, Chromium, Redis en Node geïnstalleerd (systeem), dus faalt zo'n test dan in plaats
# van over te slaan.
test: install systeem $(AXE) oidc
	ROOT=$$( [ "$$(id -u)" = 0 ] && echo 1 ); SJABLOON_PG_VERPLICHT=$$ROOT SJABLOON_PDF_VERPLICHT=$$ROOT \
	  SJABLOON_BROWSER_VERPLICHT=$$ROOT SJABLOON_OIDC_VERPLICHT=$$ROOT SJABLOON_REDIS_VERPLICHT=$$ROOT \
	  SJABLOON_AXE=$(AXE) $(PY) -m pytest

# Pagina 1 van elk voorbeelddocument als PNG in docs/voorbeelden/ (de galerij in docs/sjablonen.md); niet in make test.
voorbeelden-png: install systeem
	$(PY) bench/voorbeelden_png.py

# Train het Nederlandse taalmodel opnieuw (ongeveer een half uur op één kern; niet nodig voor installeren of testen).
model: install
	$(PY) -m nlp.train --data $(UD_DATA) --out checks/model/nl_sjabloonstraat

# Na een wijziging in cli/vertaling/click.po (de Nederlandse teksten van Click): maak click.mo opnieuw.
vertaling: install
	$(VENV)/bin/pybabel compile -i cli/vertaling/click.po -o cli/vertaling/click.mo -l nl -D click

clean:
	rm -rf $(VENV) uitvoer .pytest_cache
