# fupan - weekly KPI review (周会复盘) in the terminal.
# Plain make + pkg-config. `make run` and `make test` install missing
# Debian packages first (scripts/deps.sh), then build.

BUILD    ?= build
CC       ?= cc
PKGS     := ncursesw panelw menuw formw sqlite3
OPT      ?= -O2 -g
SAN      ?=
DATADIR  ?= $(CURDIR)/sample-data

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CRIT_CFLAGS = $(shell pkg-config --cflags criterion 2>/dev/null)
CRIT_LIBS   = $(shell pkg-config --libs criterion 2>/dev/null)

CFLAGS  := -std=c11 -Wall -Wextra -Werror $(OPT) $(SAN) \
           -D_DEFAULT_SOURCE $(PKG_CFLAGS) -I. -I$(BUILD)/gen \
           -DFUPAN_DATADIR='"$(DATADIR)"' -DFUPAN_VERSION='"0.1.0"' \
           -DFUPAN_LOCALEDIR='"$(CURDIR)/$(BUILD)/locale"'
LDLIBS  := $(PKG_LIBS) -lcsv -liniparser -lm
LDFLAGS := $(SAN)

LIB_SRC  := $(wildcard model/*.c) $(wildcard storage/*.c) $(wildcard tui/*.c) \
            $(filter-out cli/main.c,$(wildcard cli/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/builtin_ini.o
TEST_SRC := $(wildcard tests/unit/*.c)
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/%.o)
BENCH_SRC := $(wildcard bench/*.c)
BENCH_BIN := $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)
BUILTIN_INI := sample-data/kpis.ini sample-data/causes.ini keymaps/default.ini

.PHONY: all deps run test unit e2e asan valgrind bench bench-quick clean demo docs pot

all: $(BUILD)/fupan

deps:
	@sh scripts/deps.sh

$(BUILD)/%.o: %.c $(wildcard */*.h) | $(BUILD)/gen/builtin_ini.h
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/tests/unit/%.o: tests/unit/%.c $(wildcard */*.h) | $(BUILD)/gen/builtin_ini.h
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) $(CRIT_CFLAGS) -c $< -o $@

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

$(BUILD)/demo.db: $(BUILD)/fupan $(wildcard sample-data/*)
	rm -f $@ $@-wal $@-shm
	$(BUILD)/fupan init --sample --db $@

demo: $(BUILD)/demo.db

run: deps
	@$(MAKE) --no-print-directory $(BUILD)/fupan $(BUILD)/demo.db
	$(BUILD)/fupan --db $(BUILD)/demo.db

unit: $(BUILD)/unit-tests $(BUILD)/fupan
	FUPAN_BIN=$(CURDIR)/$(BUILD)/fupan sh scripts/run-unit.sh $(BUILD)/unit-tests

e2e: $(BUILD)/fupan
	@sh tests/e2e/run-all.sh $(CURDIR)/$(BUILD)/fupan

test: deps
	@$(MAKE) --no-print-directory unit e2e

asan: deps
	@$(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g" \
	  SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" unit

valgrind: deps
	@$(MAKE) --no-print-directory $(BUILD)/fupan
	FUPAN_VALGRIND=1 sh tests/e2e/run-all.sh $(CURDIR)/$(BUILD)/fupan

bench: deps
	@$(MAKE) --no-print-directory $(BUILD)/fupan $(BENCH_BIN)
	sh bench/run.sh $(CURDIR)/$(BUILD)

# The import figures only, on a 10 % file (under a minute).
bench-quick: deps
	@$(MAKE) --no-print-directory $(BUILD)/fupan $(BENCH_BIN)
	QUICK=1 sh bench/run.sh $(CURDIR)/$(BUILD)

docs: $(BUILD)/fupan
	sh scripts/update-docs.sh $(BUILD)/fupan

# The message template for translators (po/fupan.pot).
pot:
	@mkdir -p po
	xgettext --from-code=UTF-8 -k_ -kN_ -kP_:1,2 -o po/fupan.pot \
	  $(sort $(wildcard model/*.c storage/*.c tui/*.c cli/*.c))

clean:
	rm -rf build build-asan build-*
