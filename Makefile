# execstate: top-level build.  See README.md.
#   make                build the CLI (and the module when kernel headers exist)
#   make run            build and print the verdict for this machine
#   make test           install missing test dependencies, run every test
#   make install        PREFIX=/usr/local DESTDIR=
#   make CROSS_COMPILE=aarch64-linux-gnu-   cross-build the CLI against a
#                       sysroot of that architecture's Debian -dev packages
VERSION := $(shell cat VERSION)
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DESTDIR ?=
KVER ?= $(shell uname -r)
KDIR ?= /lib/modules/$(KVER)/build
CROSS_COMPILE ?=

# Cross builds: the Debian architecture and multiarch triplet of the target,
# and a sysroot of its -dev packages unpacked from Debian's archive.
cross_triplet := $(patsubst %-,%,$(CROSS_COMPILE))
debarch_aarch64-linux-gnu := arm64
debarch_arm-linux-gnueabihf := armhf
debarch_arm-linux-gnueabi := armel
debarch_i686-linux-gnu := i386
debarch_x86_64-linux-gnu := amd64
ifneq ($(CROSS_COMPILE),)
DEBARCH := $(debarch_$(cross_triplet))
ifeq ($(DEBARCH),)
$(error CROSS_COMPILE=$(CROSS_COMPILE) is not one of aarch64-linux-gnu-, arm-linux-gnueabihf-, arm-linux-gnueabi-, i686-linux-gnu-)
endif
MULTIARCH := $(if $(filter i386,$(DEBARCH)),i386-linux-gnu,$(cross_triplet))
O ?= $(CURDIR)/build/$(DEBARCH)
SYSROOT ?= $(shell scripts/sysroot.sh $(DEBARCH))
else
O ?= $(CURDIR)/build
SYSROOT ?=
endif
export O SYSROOT MULTIARCH CROSS_COMPILE

all: cli man $(if $(CROSS_COMPILE),,$(if $(wildcard $(KDIR)/Makefile),module))

cli:
	@[ -z "$(CROSS_COMPILE)" ] || [ -d "$(SYSROOT)/usr/include" ] || \
		{ echo "error: no sysroot for $(DEBARCH) (scripts/sysroot.sh failed)" >&2; exit 2; }
	$(MAKE) -C userspace O=$(O)

man:
	$(MAKE) -C userspace O=$(O) man

module:
	$(MAKE) -C kmod KDIR=$(KDIR)

run: deps
	$(MAKE) cli
	$(O)/execstate

deps:
	scripts/install-deps.sh scripts/deps/build.txt

test-deps:
	scripts/install-deps.sh scripts/deps/build.txt scripts/deps/test.txt

test: test-deps
	$(MAKE) cli
	$(MAKE) -C userspace O=$(O) unit
	tests/run-all.sh

style:
	$(MAKE) -C kmod style

install: cli man
	install -D -m 0755 $(O)/execstate $(DESTDIR)$(BINDIR)/execstate
	install -D -m 0644 $(O)/execstate.1 $(DESTDIR)$(MANDIR)/man1/execstate.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/execstate $(DESTDIR)$(MANDIR)/man1/execstate.1

clean:
	rm -rf build
	-$(MAKE) -C kmod clean

.PHONY: all cli man module run deps test-deps test style install uninstall clean
