# chorus: GNU Makefile.
#
#   make                  library (static + shared) and the `chorus` command, in build/release
#   make demo             install missing packages, build, ingest the sample corpus and brief its stories
#   make check            install missing packages, build under ASan+UBSan, run every test
#   make bench            optimized build, run the benchmarks (prints figures, never fails on time)
#   make fuzz             libFuzzer targets (clang); FUZZ_SECONDS=N runs each for N seconds
#   make install          PREFIX=/usr/local DESTDIR= ; installs lib, headers, chorus.pc, chorus
#   make SANITIZE=address,undefined   a sanitized build of everything in build/san
#   make V=1              show the compiler command lines
#
# Sources are found by folder: src/lib/**.c is the library, src/cli/*.c the command,
# tests/unit/test_*.c one cmocka binary each, tests/fuzz/fuzz_*.c one fuzz target each,
# bench/bench_*.c one benchmark each.

VERSION   := 0.1.0
PREFIX    ?= /usr/local
LIBDIR    ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
BINDIR    ?= $(PREFIX)/bin
DESTDIR   ?=
CC        ?= cc

PKGS      := sqlite3 libutf8proc jansson libxml-2.0 libxxhash zlib libzstd
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS  := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lm -lpthread

WARN      := -Wall -Wextra -Wshadow -Wconversion -Wstrict-prototypes -Wmissing-prototypes \
             -Wno-sign-conversion
BASEFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -fPIC \
             -Iinclude -Isrc/lib $(PKG_CFLAGS) -DCHORUS_VERSION_STRING='"$(VERSION)"'

ifdef SANITIZE
  MODE      ?= san
  OPTFLAGS  := -O1 -g -fno-omit-frame-pointer -fsanitize=$(SANITIZE) -fno-sanitize-recover=all
  LDSAN     := -fsanitize=$(SANITIZE)
else
  MODE      ?= release
  OPTFLAGS  := -O2 -g
  LDSAN     :=
endif
WERROR    ?=

B         := build/$(MODE)
ifeq ($(V),1)
  Q :=
else
  Q := @
endif
CFLAGS    ?=
ALLCFLAGS := $(BASEFLAGS) $(WARN) $(WERROR) $(OPTFLAGS) $(CFLAGS)
LDFLAGS   ?=

LIB_SRC   := $(sort $(shell find src/lib -name '*.c'))
CLI_SRC   := $(sort $(wildcard src/cli/*.c))
UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))
SUPPORT_SRC := $(sort $(wildcard tests/unit/support/*.c))
BENCH_SRC := $(sort $(wildcard bench/bench_*.c))
FUZZ_SRC  := $(sort $(wildcard tests/fuzz/fuzz_*.c))

LIB_OBJ   := $(LIB_SRC:%.c=$(B)/obj/%.o)
CLI_OBJ   := $(CLI_SRC:%.c=$(B)/obj/%.o)
SUPPORT_OBJ := $(SUPPORT_SRC:%.c=$(B)/obj/%.o)
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
BENCH_BIN := $(BENCH_SRC:bench/%.c=$(B)/bench/%)
REPLAY_BIN := $(FUZZ_SRC:tests/fuzz/%.c=$(B)/replay/%)

STATIC    := $(B)/libchorus.a
SHARED    := $(B)/libchorus.so.$(VERSION)
CHORUS    := $(B)/chorus

.SECONDARY:
.PHONY: all deps demo check check-build unit cases bench fuzz install uninstall clean
all: $(STATIC) $(SHARED) $(CHORUS)

deps:
	@scripts/install-deps

$(B)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALLCFLAGS) -MMD -MP -c $< -o $@

$(STATIC): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(Q)rm -f $@ && ar rcs $@ $^

$(SHARED): $(LIB_OBJ)
	$(Q)$(CC) -shared -Wl,-soname,libchorus.so.0 $(LDSAN) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(CHORUS): $(CLI_OBJ) $(STATIC)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(LDSAN) $(LDFLAGS) -o $@ $(CLI_OBJ) $(STATIC) $(PKG_LIBS)

$(B)/tests/%: $(B)/obj/tests/unit/%.o $(SUPPORT_OBJ) $(STATIC)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(LDSAN) $(LDFLAGS) -o $@ $< $(SUPPORT_OBJ) $(STATIC) $(PKG_LIBS) $(shell pkg-config --libs cmocka)

# The fuzz targets built with their replay main (tests/fuzz/fuzz_replay.h), for `make check`.
$(B)/replay/%: tests/fuzz/%.c tests/fuzz/*.h $(STATIC)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  REPLAY  $@")
	$(Q)$(CC) $(ALLCFLAGS) -DCHORUS_FUZZ_MAIN $(LDSAN) $(LDFLAGS) -o $@ $< $(STATIC) $(PKG_LIBS)

$(B)/bench/%: $(B)/obj/bench/%.o $(STATIC)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(LDSAN) $(LDFLAGS) -o $@ $< $(STATIC) $(PKG_LIBS)

DEMO_DB := $(B)/demo.db

demo: deps
	@$(MAKE) --no-print-directory all
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	@echo
	@echo "== chorus ingest corpus/ --db $(DEMO_DB)  (the three stories' articles, as one stream)"
	@$(CHORUS) ingest corpus/ --db $(DEMO_DB)
	@echo
	@echo "== chorus stories --db $(DEMO_DB)"
	@$(CHORUS) stories --db $(DEMO_DB)
	@for id in $$($(CHORUS) stories --db $(DEMO_DB) | awk -F '\t' '$$1 ~ /^[0-9]+$$/ { print $$1 }'); do \
	  echo; echo "== chorus story $$id --db $(DEMO_DB) --format md"; echo; \
	  $(CHORUS) story $$id --db $(DEMO_DB) --format md || exit 1; done

# The sanitized build and the whole test suite. The last line is the total.
check: deps
	@$(MAKE) --no-print-directory SANITIZE=address,undefined MODE=check WERROR=-Werror check-build
	@CHORUS=build/check/chorus TESTBIN=build/check/tests scripts/run-tests

check-build: all $(UNIT_BIN) $(REPLAY_BIN)

bench: deps
	@$(MAKE) --no-print-directory all $(BENCH_BIN)
	@for b in $(BENCH_BIN); do echo "== $$b"; $$b || exit 1; done

# libFuzzer targets, built with clang; each runs FUZZ_SECONDS (default 60) on its corpus.
FUZZ_SECONDS ?= 60
FUZZ_B    := build/fuzz
FUZZ_CFLAGS := $(BASEFLAGS) -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
FUZZ_LIB_OBJ := $(LIB_SRC:%.c=$(FUZZ_B)/obj/%.o)
FUZZ_BIN  := $(FUZZ_SRC:tests/fuzz/%.c=$(FUZZ_B)/%)

$(FUZZ_B)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -c $< -o $@

$(FUZZ_B)/%: tests/fuzz/%.c $(FUZZ_LIB_OBJ)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_LIB_OBJ) $(PKG_LIBS)

fuzz:
	@scripts/install-deps --fuzz
	@$(MAKE) --no-print-directory $(FUZZ_BIN)
	@for f in $(FUZZ_BIN); do n=$$(basename $$f); mkdir -p tests/fuzz/corpus-$$n; \
	  echo "== $$n ($(FUZZ_SECONDS) s)"; \
	  $$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 tests/fuzz/corpus-$$n tests/fuzz/seeds/$$n || exit 1; done

install: all
	install -d $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCLUDEDIR)/chorus $(DESTDIR)$(BINDIR)
	install -m 644 $(STATIC) $(DESTDIR)$(LIBDIR)/
	install -m 755 $(SHARED) $(DESTDIR)$(LIBDIR)/
	ln -sf libchorus.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libchorus.so.0
	ln -sf libchorus.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libchorus.so
	install -m 644 include/chorus/*.h $(DESTDIR)$(INCLUDEDIR)/chorus/
	install -m 755 $(CHORUS) $(DESTDIR)$(BINDIR)/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' \
	    -e 's|@VERSION@|$(VERSION)|' -e 's|@REQUIRES@|$(PKGS)|' chorus.pc.in \
	    > $(DESTDIR)$(LIBDIR)/pkgconfig/chorus.pc

uninstall:
	rm -f $(DESTDIR)$(LIBDIR)/libchorus.a $(DESTDIR)$(LIBDIR)/libchorus.so* \
	      $(DESTDIR)$(LIBDIR)/pkgconfig/chorus.pc $(DESTDIR)$(BINDIR)/chorus
	rm -rf $(DESTDIR)$(INCLUDEDIR)/chorus

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)
