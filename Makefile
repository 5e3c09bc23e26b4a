# Engage - one plain GNU Makefile (why not CMake: see docs/ARCHITECTURE.md).
#
#   make            release build: build/engage
#   make test       sanitizer build (ASan + UBSan) and the whole test suite
#   make demo       generate the demo town, import it, serve it on 127.0.0.1:8080
#   make check      build + tests + style + layer rule + banned functions
#   make fuzz       libFuzzer targets (clang), each run for FUZZ_SECONDS
#   make bench      benchmarks in bench/ (figures go to docs/PERFORMANCE.md)
#   make install    binary, man page, example config, systemd unit (PREFIX, DESTDIR)
#
# Sources are found by wildcard: a new src/<layer>/<module>.c needs no edit here.

MAKEFLAGS   += --jobs=$(shell nproc 2>/dev/null || echo 2)
PREFIX      ?= /usr/local
DESTDIR     ?=
CC          ?= cc
PKGS        := libmicrohttpd sqlite3 jansson gdal zlib libzstd libsodium nettle
PKG_CFLAGS  := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# GDAL is not linked: src/import/boundary.c loads it by its soname when the
# first boundary file is read, so the commands that never read one do not
# pay for resolving its 117 libraries at every start (70 ms).
PKG_LIBS    := $(shell pkg-config --libs $(filter-out gdal,$(PKGS)) 2>/dev/null)
GDAL_SONAME := $(or $(shell objdump -p "$$($(CC) -print-file-name=libgdal.so)" 2>/dev/null | \
                 awk '/SONAME/ { print $$2 }'),libgdal.so)

WARN   := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
          -Wformat=2 -Wvla -Wno-unused-parameter -Wno-format-truncation
BASE_CFLAGS := -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L \
               -Isrc -Ibuild/gen $(WARN) $(PKG_CFLAGS) -DENGAGE_GDAL_SONAME='"$(GDAL_SONAME)"'
LIBS   := $(PKG_LIBS) -lpthread -lm -ldl

# The release build and the sanitizer (test) build live side by side.
REL_DIR  := build/rel
ASAN_DIR := build/asan
REL_CFLAGS  := $(BASE_CFLAGS) -O2 -g $(CFLAGS)
ASAN_CFLAGS := $(BASE_CFLAGS) -O1 -g -fno-omit-frame-pointer \
               -fsanitize=address,undefined -fno-sanitize-recover=undefined \
               -Werror $(CFLAGS)
ASAN_LDFLAGS := -fsanitize=address,undefined

LIB_SRC   := $(filter-out src/cli/%,$(wildcard src/*/*.c))
CLI_SRC   := $(wildcard src/cli/*.c)
GEN_SRC   := build/gen/migrations.c
UNIT_SRC  := $(wildcard tests/unit/*.c)
MIGRATIONS := $(sort $(wildcard src/store/migrations/*.sql))

objs = $(patsubst %.c,$(1)/%.o,$(2))

.PHONY: all web test unit e2e demo check style layers fuzz bench install clean
all: build/engage web

# --- web assets (served under /assets/) -------------------------------------
# Engage's own files in web/src, govuk-frontend compiled with web/scss, and
# the npm packages it serves; node_modules comes from scripts/setup (npm ci).
WEB_STAMP := build/web/govuk.css
web: $(WEB_STAMP)
$(WEB_STAMP): $(wildcard web/src/* web/scss/*) package-lock.json tools/build-web
	tools/build-web build/web

# --- generated sources ---------------------------------------------------
build/gen/migrations.c: $(MIGRATIONS) tools/embed-migrations
	@mkdir -p $(dir $@)
	tools/embed-migrations $(MIGRATIONS) > $@.tmp && mv $@.tmp $@

# --- release build -------------------------------------------------------
$(REL_DIR)/%.o: %.c $(GEN_SRC)
	@mkdir -p $(dir $@)
	@echo '  CC      $<'
	@$(CC) $(REL_CFLAGS) -MMD -MP -c $< -o $@

$(REL_DIR)/libengage.a: $(call objs,$(REL_DIR),$(LIB_SRC) $(GEN_SRC))
	@rm -f $@
	@ar rcs $@ $^

build/engage: $(call objs,$(REL_DIR),$(CLI_SRC)) $(REL_DIR)/libengage.a
	$(CC) -o $@ $^ $(LIBS)

# The release binary looks for its web assets under $(PREFIX) (make install
# puts them there); cmd_serve.o is rebuilt whenever PREFIX changes.
PREFIX_STAMP := $(REL_DIR)/prefix
$(shell mkdir -p $(REL_DIR) && { [ "$$(cat $(PREFIX_STAMP) 2>/dev/null)" = '$(PREFIX)' ] || echo '$(PREFIX)' > $(PREFIX_STAMP); })
$(REL_DIR)/src/cli/cmd_serve.o: $(PREFIX_STAMP)
$(REL_DIR)/src/cli/cmd_serve.o: REL_CFLAGS += -DENGAGE_ASSETS_DIR='"$(PREFIX)/share/engage/web"'

# --- sanitizer build -----------------------------------------------------
$(ASAN_DIR)/%.o: %.c $(GEN_SRC)
	@mkdir -p $(dir $@)
	@echo '  CC asan $<'
	@$(CC) $(ASAN_CFLAGS) -MMD -MP -c $< -o $@

$(ASAN_DIR)/libengage.a: $(call objs,$(ASAN_DIR),$(LIB_SRC) $(GEN_SRC))
	@rm -f $@
	@ar rcs $@ $^

$(ASAN_DIR)/engage: $(call objs,$(ASAN_DIR),$(CLI_SRC)) $(ASAN_DIR)/libengage.a
	$(CC) $(ASAN_LDFLAGS) -o $@ $^ $(LIBS)

$(ASAN_DIR)/unit-tests: $(call objs,$(ASAN_DIR),$(UNIT_SRC)) $(ASAN_DIR)/libengage.a
	$(CC) $(ASAN_LDFLAGS) -o $@ $^ $(LIBS)

# --- tests ---------------------------------------------------------------
test: $(ASAN_DIR)/engage $(ASAN_DIR)/unit-tests web
	tests/run

unit: $(ASAN_DIR)/unit-tests
	$(ASAN_DIR)/unit-tests

e2e: $(ASAN_DIR)/engage web
	tests/run --e2e-only

check: all test style layers

style:
	tools/check-style

layers:
	tools/check-layers

# --- demo ----------------------------------------------------------------
DEMO_DIR ?= build/demo
demo: build/engage web
	tools/demo $(DEMO_DIR)

# --- fuzzing (clang + libFuzzer) -------------------------------------------
FUZZ_SECONDS ?= 30
FUZZ_SRC := $(wildcard fuzz/*.c)
FUZZ_LIB_SRC := $(LIB_SRC) $(GEN_SRC)
FUZZ_DIR := build/fuzz
FUZZ_CFLAGS := $(BASE_CFLAGS) -O1 -g -fsanitize=fuzzer-no-link,address,undefined
$(FUZZ_DIR)/%.o: %.c $(GEN_SRC)
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -c $< -o $@
$(FUZZ_DIR)/libengage.a: $(call objs,$(FUZZ_DIR),$(FUZZ_LIB_SRC))
	@rm -f $@
	@ar rcs $@ $^
$(FUZZ_DIR)/bin/%: $(FUZZ_DIR)/fuzz/%.o $(FUZZ_DIR)/libengage.a
	@mkdir -p $(dir $@)
	clang -fsanitize=fuzzer,address,undefined -o $@ $^ $(LIBS)
fuzz: $(patsubst fuzz/%.c,$(FUZZ_DIR)/bin/%,$(FUZZ_SRC))
	tools/run-fuzz $(FUZZ_SECONDS) $^

# --- benchmarks ----------------------------------------------------------
BENCH_SRC := $(wildcard bench/*.c)
build/bench/%: bench/%.c $(REL_DIR)/libengage.a
	@mkdir -p $(dir $@)
	$(CC) $(REL_CFLAGS) -o $@ $< $(REL_DIR)/libengage.a $(LIBS)

bench: build/engage $(patsubst bench/%.c,build/bench/%,$(BENCH_SRC))
	bench/run $(BENCH_ARGS)

# --- install -------------------------------------------------------------
build/engage.1: build/engage
	build/engage help --man > $@

install: build/engage build/engage.1 web
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)/etc/engage $(DESTDIR)/lib/systemd/system \
		$(DESTDIR)$(PREFIX)/share/engage/web
	install -m 755 build/engage $(DESTDIR)$(PREFIX)/bin/engage
	install -m 644 build/engage.1 $(DESTDIR)$(PREFIX)/share/man/man1/engage.1
	install -m 644 etc/engage.conf.example $(DESTDIR)/etc/engage/engage.conf.example
	sed 's|/usr/local/bin/engage|$(PREFIX)/bin/engage|g' contrib/engage.service \
		> $(DESTDIR)/lib/systemd/system/engage.service
	chmod 644 $(DESTDIR)/lib/systemd/system/engage.service
	cp -R build/web/. $(DESTDIR)$(PREFIX)/share/engage/web/

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)
