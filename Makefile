# fupan - weekly KPI review (周会复盘) in the terminal.
# Plain make + pkg-config. `make run` installs the missing Debian
# packages that building needs first, `make test` also those testing
# needs (scripts/deps.sh), then build. `make install`, `make deb`: below.

BUILD    ?= build
CC       ?= cc
PKGS     := ncursesw panelw menuw formw sqlite3 libcurl xlsxwriter libzip expat icu-uc icu-i18n
OPT      ?= -O2 -g
SAN      ?=
# The binary in $(BUILD) reads the source tree's sample data; the one
# `make install` puts in $(BINDIR) reads $(PKGDATADIR) (see cli/paths.c).
DATADIR  ?= $(CURDIR)/sample-data
VERSION  := 0.1.0

# Installation (GNU names; DESTDIR for staging, e.g. a package root).
PREFIX      ?= /usr/local
BINDIR      ?= $(PREFIX)/bin
SHAREDIR    ?= $(PREFIX)/share
PKGDATADIR  ?= $(SHAREDIR)/fupan
LOCALEDIR   ?= $(SHAREDIR)/locale
MANDIR      ?= $(SHAREDIR)/man
BASHCOMPDIR ?= $(SHAREDIR)/bash-completion/completions
ZSHCOMPDIR  ?= $(SHAREDIR)/zsh/site-functions

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CRIT_CFLAGS = $(shell pkg-config --cflags criterion 2>/dev/null)
CRIT_LIBS   = $(shell pkg-config --libs criterion 2>/dev/null)

CFLAGS  := -std=c11 -Wall -Wextra -Werror $(OPT) $(SAN) \
           -D_DEFAULT_SOURCE $(PKG_CFLAGS) -I. -I$(BUILD)/gen \
           -DFUPAN_VERSION='"$(VERSION)"'
LDLIBS  := $(PKG_LIBS) -lcsv -liniparser -lm
LDFLAGS := $(SAN)

LIB_SRC  := $(wildcard model/*.c) $(wildcard storage/*.c) $(wildcard tui/*.c) \
            $(filter-out cli/main.c,$(wildcard cli/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/builtin_ini.o
TEST_SRC := $(wildcard tests/unit/*.c)
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/%.o)
BENCH_SRC := $(wildcard bench/*.c)
BENCH_BIN := $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)
# Translations: po/LANG.po -> $(BUILD)/locale/LANG/LC_MESSAGES/fupan.mo
LANGS := $(patsubst po/%.po,%,$(wildcard po/*.po))
MO    := $(LANGS:%=$(BUILD)/locale/%/LC_MESSAGES/fupan.mo)
BUILTIN_INI := sample-data/kpis.ini sample-data/causes.ini keymaps/default.ini \
               sample-data/profiles.ini
# Fuzz targets (tests/fuzz/fuzz_NAME.c) and their seed corpora
# (tests/fuzz/corpus/NAME/): `make fuzz` runs libFuzzer on each for
# FUZZ_SECONDS; `make unit` (so `make test`) replays each corpus once
# through a plain driver (tests/fuzz/driver.c, no clang needed).
FUZZ_SRC   := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_NAMES := $(FUZZ_SRC:tests/fuzz/fuzz_%.c=%)
FUZZ_SECONDS ?= 60
FUZZ_REPLAY := $(FUZZ_NAMES:%=$(BUILD)/fuzz-replay/%)

.PHONY: all deps run test unit e2e asan valgrind bench clean demo demo-reset \
        docs pot fuzz fuzz-run fuzz-replay
.PHONY: install uninstall deb bench-quick

all: $(BUILD)/fupan
all: $(MO)

deps:
	@sh scripts/deps.sh

# -MMD -MP: each object's header dependencies in a .d file beside it; an
# object without its .d file (built before) is rebuilt once to get one.
$(BUILD)/%.o: %.c $(BUILD)/%.d | $(BUILD)/gen/builtin_ini.h
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/tests/unit/%.o: tests/unit/%.c $(BUILD)/tests/unit/%.d | $(BUILD)/gen/builtin_ini.h
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) $(CRIT_CFLAGS) -MMD -MP -c $< -o $@

DEPFILES := $(filter-out $(BUILD)/gen/%,$(LIB_OBJ:.o=.d)) $(TEST_OBJ:.o=.d) \
            $(BUILD)/cli/main.d
$(DEPFILES):
-include $(wildcard $(DEPFILES))

# The build-tree binary's folders (cli/paths.c).
$(BUILD)/cli/paths.o: CFLAGS += -DFUPAN_DATADIR='"$(DATADIR)"' \
                                -DFUPAN_LOCALEDIR='"$(CURDIR)/$(BUILD)/locale"'

# The shipped catalogue, causes and keymap are built into the binary.
$(BUILD)/gen/builtin_ini.c $(BUILD)/gen/builtin_ini.h: $(BUILTIN_INI) scripts/embed.sh
	@mkdir -p $(BUILD)/gen
	sh scripts/embed.sh $(BUILD)/gen/builtin_ini $(BUILTIN_INI)

$(BUILD)/gen/builtin_ini.o: $(BUILD)/gen/builtin_ini.c
	$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/libfupan.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/fupan: $(BUILD)/cli/main.o $(BUILD)/libfupan.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/unit-tests: $(TEST_OBJ) $(BUILD)/libfupan.a
	$(CC) $(LDFLAGS) -o $@ $^ $(CRIT_LIBS) $(LDLIBS)

$(BUILD)/bench/%: bench/%.c $(BUILD)/libfupan.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< $(BUILD)/libfupan.a $(LDLIBS)

# The demo database is made the first time only: a rebuilt binary keeps
# the notes typed in `make run`. `make demo-reset` makes it afresh.
$(BUILD)/demo.db: | $(BUILD)/fupan
	$(BUILD)/fupan init --sample --db $@

demo: $(BUILD)/demo.db

demo-reset: $(BUILD)/fupan
	rm -f $(BUILD)/demo.db $(BUILD)/demo.db-wal $(BUILD)/demo.db-shm
	$(BUILD)/fupan init --sample --db $(BUILD)/demo.db

run: deps
	@$(MAKE) --no-print-directory $(BUILD)/fupan $(BUILD)/demo.db
	$(BUILD)/fupan --db $(BUILD)/demo.db

unit: $(BUILD)/unit-tests $(BUILD)/fupan fuzz-replay
	FUPAN_BIN=$(CURDIR)/$(BUILD)/fupan sh scripts/run-unit.sh $(BUILD)/unit-tests

$(BUILD)/fuzz-replay/%: tests/fuzz/fuzz_%.c tests/fuzz/driver.c $(wildcard tests/fuzz/*.h) $(BUILD)/libfupan.a
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< tests/fuzz/driver.c $(BUILD)/libfupan.a $(LDLIBS)

# Each corpus once, as a regression test (fast, no fuzzing).
fuzz-replay: $(FUZZ_REPLAY)
	@for t in $(FUZZ_NAMES); do \
	  $(BUILD)/fuzz-replay/$$t tests/fuzz/corpus/$$t || exit 1; done

# libFuzzer: clang is installed only for this target (scripts/deps.sh fuzz).
fuzz:
	@sh scripts/deps.sh fuzz
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang OPT="-O1 -g" \
	  SAN="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  fuzz-run

$(BUILD)/fuzz/%: tests/fuzz/fuzz_%.c $(wildcard tests/fuzz/*.h) $(BUILD)/libfupan.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -fsanitize=fuzzer,address,undefined -o $@ $< $(BUILD)/libfupan.a $(LDLIBS)

# New inputs go to $(BUILD)/fuzz/NAME.corpus; a crash is saved in
# $(BUILD)/fuzz/ and stops the run.
fuzz-run: $(FUZZ_NAMES:%=$(BUILD)/fuzz/%)
	@for t in $(FUZZ_NAMES); do \
	  mkdir -p $(BUILD)/fuzz/$$t.corpus; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  $(BUILD)/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
	    -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix=$(BUILD)/fuzz/$$t- \
	    $(BUILD)/fuzz/$$t.corpus tests/fuzz/corpus/$$t || exit 1; done

e2e: $(BUILD)/fupan $(MO)
	@sh tests/e2e/run-all.sh $(CURDIR)/$(BUILD)/fupan

test: deps
	@sh scripts/deps.sh test
	@$(MAKE) --no-print-directory unit e2e

asan: deps
	@sh scripts/deps.sh test
	@$(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g" \
	  SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" unit

valgrind: deps
	@sh scripts/deps.sh valgrind
	@$(MAKE) --no-print-directory $(BUILD)/fupan $(MO)
	FUPAN_VALGRIND=1 sh tests/e2e/run-all.sh $(CURDIR)/$(BUILD)/fupan

bench: deps
	@sh scripts/deps.sh bench
	@$(MAKE) --no-print-directory $(BUILD)/fupan $(BENCH_BIN)
	PKGS="$(PKGS)" sh bench/run.sh $(CURDIR)/$(BUILD)

# The import figures only, on a 10 % file (under a minute).
bench-quick: deps
	@$(MAKE) --no-print-directory $(BUILD)/fupan $(BENCH_BIN)
	QUICK=1 sh bench/run.sh $(CURDIR)/$(BUILD)

docs: $(BUILD)/fupan
	sh scripts/update-docs.sh $(BUILD)/fupan
	sh scripts/gen-completions.sh $(BUILD)/fupan completions

# The message template for translators (po/fupan.pot).
pot:
	@mkdir -p po
	xgettext --from-code=UTF-8 -k_ -kN_ -kP_:1,2 -o po/fupan.pot \
	  $(sort $(wildcard model/*.c storage/*.c tui/*.c cli/*.c))

clean:
	rm -rf build build-asan build-*

# ---- install, uninstall, deb ------------------------------------------

$(BUILD)/locale/%/LC_MESSAGES/fupan.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt -c -o $@ $<

# The installed binary differs from $(BUILD)/fupan in cli/paths.c only:
# its folders are the installed ones, also as paths relative to
# $(BINDIR), so a staged (DESTDIR) or moved prefix finds its own files.
relative_to_bindir = $(shell realpath -m --relative-to='$(BINDIR)' '$(1)')
INST_PATHS := -DFUPAN_DATADIR='"$(PKGDATADIR)"' \
              -DFUPAN_LOCALEDIR='"$(LOCALEDIR)"' \
              -DFUPAN_DATADIR_REL='"$(call relative_to_bindir,$(PKGDATADIR))"' \
              -DFUPAN_LOCALEDIR_REL='"$(call relative_to_bindir,$(LOCALEDIR))"'

# Rewritten only when the folders change, so paths.o rebuilds then.
$(BUILD)/inst/folders: FORCE
	@mkdir -p $(dir $@)
	@echo "$(BINDIR) $(PKGDATADIR) $(LOCALEDIR)" | cmp -s - $@ \
	  || echo "$(BINDIR) $(PKGDATADIR) $(LOCALEDIR)" > $@

$(BUILD)/inst/paths.o: cli/paths.c cli/runtime.h $(BUILD)/inst/folders
	$(CC) $(CFLAGS) $(INST_PATHS) -c $< -o $@

# inst/paths.o comes before the library, so the library's paths.o is
# never linked into it.
$(BUILD)/inst/fupan: $(BUILD)/cli/main.o $(BUILD)/inst/paths.o $(BUILD)/libfupan.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

SAMPLE_FILES := $(wildcard sample-data/*.csv sample-data/*.ini)
INSTALLED := $(BINDIR)/fupan $(MANDIR)/man1/fupan.1 \
             $(BASHCOMPDIR)/fupan $(ZSHCOMPDIR)/_fupan \
             $(SAMPLE_FILES:sample-data/%=$(PKGDATADIR)/%) \
             $(LANGS:%=$(LOCALEDIR)/%/LC_MESSAGES/fupan.mo)

install: $(BUILD)/inst/fupan $(MO)
	install -d '$(DESTDIR)$(BINDIR)' '$(DESTDIR)$(MANDIR)/man1' \
	  '$(DESTDIR)$(PKGDATADIR)' '$(DESTDIR)$(BASHCOMPDIR)' '$(DESTDIR)$(ZSHCOMPDIR)'
	install -m 755 $(BUILD)/inst/fupan '$(DESTDIR)$(BINDIR)/fupan'
	install -m 644 docs/fupan.1 '$(DESTDIR)$(MANDIR)/man1/fupan.1'
	install -m 644 $(SAMPLE_FILES) '$(DESTDIR)$(PKGDATADIR)'
	install -m 644 completions/fupan.bash '$(DESTDIR)$(BASHCOMPDIR)/fupan'
	install -m 644 completions/_fupan '$(DESTDIR)$(ZSHCOMPDIR)/_fupan'
	for l in $(LANGS); do \
	  install -D -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/fupan.mo \
	    '$(DESTDIR)$(LOCALEDIR)'/$$l/LC_MESSAGES/fupan.mo || exit 1; done

uninstall:
	rm -f $(foreach f,$(INSTALLED),'$(DESTDIR)$(f)')
	-rmdir '$(DESTDIR)$(PKGDATADIR)' 2>/dev/null

# A Debian package from the files `make install PREFIX=/usr` puts in place
# (dpkg-deb only, no network): $(BUILD)/fupan_VERSION-1_ARCH.deb
deb:
	@$(MAKE) --no-print-directory all
	sh packaging/deb.sh '$(BUILD)' $(VERSION) '$(MAKE)'

.PHONY: FORCE
FORCE:
