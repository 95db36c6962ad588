# execstate: top-level build.  See README.md.
#   make                build the CLI (and the module when kernel headers exist)
#   make run            build and print the verdict for this machine
#   make test           install missing test dependencies, run every test
#   make coverage       gcov line coverage of userspace/*.c under the unit and
#                       trees suites, one "FILE: NN.N% lines" per file
#   make stress         500 load/unload cycles on a debug kernel (tests/stress)
#   make mutate FILE=userspace/verdict.c   every one-line mutant of FILE
#                       against its tests; lists those no test fails
#   make install        PREFIX=/usr/local DESTDIR=
#   make CROSS_COMPILE=aarch64-linux-gnu-   cross-build the CLI against a
#                       sysroot of that architecture's Debian -dev packages
VERSION := $(shell cat VERSION)
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
LIBEXECDIR ?= $(PREFIX)/libexec
MANDIR ?= $(PREFIX)/share/man
COMPLETIONDIR ?= $(PREFIX)/share/bash-completion/completions
MODULESLOADDIR ?= $(PREFIX)/lib/modules-load.d
SYSTEMDUNITDIR ?= $(PREFIX)/lib/systemd/system
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
ifeq ($(origin SYSROOT),undefined)
SYSROOT := $(shell scripts/sysroot.sh $(DEBARCH))
endif
else
O ?= $(CURDIR)/build
SYSROOT ?=
endif
# Passed explicitly, never exported: the test suites run nested makes
# (cross builds, the Debian package) that must not inherit these.
# STATIC=0 links the CLI dynamically (userspace/Makefile).
STATIC ?= 1
userspace_args = O=$(O) SYSROOT=$(SYSROOT) MULTIARCH=$(MULTIARCH) CROSS_COMPILE=$(CROSS_COMPILE) \
	STATIC=$(STATIC) HELPERDIR=$(LIBEXECDIR)/execstate

all: cli man $(if $(CROSS_COMPILE),,$(if $(wildcard $(KDIR)/Makefile),module))

cli:
	@[ -z "$(CROSS_COMPILE)" ] || [ -d "$(SYSROOT)/usr/include" ] || \
		{ echo "error: no sysroot for $(DEBARCH) (scripts/sysroot.sh failed)" >&2; exit 2; }
	$(MAKE) -C userspace $(userspace_args)

man:
	$(MAKE) -C userspace $(userspace_args) man

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
	$(MAKE) -C userspace $(userspace_args) unit
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL tests/run-all.sh

# The full stress run; `make test` runs a shorter one (tests/suites/55-stress.sh).
stress: test-deps
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL tests/stress/run.sh 500

style:
	$(MAKE) -C kmod style

# Not part of test: a file takes up to an hour (tests/mutation/run.sh).
FILE ?= userspace/verdict.c
mutate: test-deps
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL tests/mutation/run.sh $(FILE)

# Its own instrumented build in $(O)/coverage; see tests/lib/coverage.sh.
coverage:
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL EXECSTATE_BUILD=$(O) tests/lib/coverage.sh

# make install: the CLI and its libkmod helper (LIBEXECDIR/execstate), its
# man pages, bash completion, the modules-load.d entry that loads the
# module at boot (the module itself comes from dkms-install or the
# execstate-dkms package) and the systemd service and timer that write the
# Prometheus metrics (installed, not enabled).
# uninstall removes exactly the files in install_files.
systemd_units := execstate-prometheus.service execstate-prometheus.timer
install_files := $(BINDIR)/execstate $(LIBEXECDIR)/execstate/execstate-kmod $(MANDIR)/man1/execstate.1 \
	$(MANDIR)/man5/execstate-sysfs.5 $(COMPLETIONDIR)/execstate \
	$(MODULESLOADDIR)/execstate.conf $(addprefix $(SYSTEMDUNITDIR)/,$(systemd_units))

$(O)/execstate-sysfs.5: kmod/Documentation/execstate-sysfs.5.scd
	@mkdir -p $(O)
	scdoc <$< >$@

install: cli man $(O)/execstate-sysfs.5
	install -D -m 0755 $(O)/execstate $(DESTDIR)$(BINDIR)/execstate
	install -D -m 0755 $(O)/execstate-kmod $(DESTDIR)$(LIBEXECDIR)/execstate/execstate-kmod
	install -D -m 0644 $(O)/execstate.1 $(DESTDIR)$(MANDIR)/man1/execstate.1
	install -D -m 0644 $(O)/execstate-sysfs.5 $(DESTDIR)$(MANDIR)/man5/execstate-sysfs.5
	install -D -m 0644 userspace/execstate.bash-completion $(DESTDIR)$(COMPLETIONDIR)/execstate
	install -D -m 0644 dkms/modules-load.conf $(DESTDIR)$(MODULESLOADDIR)/execstate.conf
	install -d $(DESTDIR)$(SYSTEMDUNITDIR)
	for unit in $(systemd_units); do \
		sed 's|@BINDIR@|$(BINDIR)|g' systemd/$$unit >$(DESTDIR)$(SYSTEMDUNITDIR)/$$unit && \
		chmod 0644 $(DESTDIR)$(SYSTEMDUNITDIR)/$$unit || exit 1; \
	done

uninstall:
	rm -f $(addprefix $(DESTDIR),$(install_files))
	rmdir $(DESTDIR)$(LIBEXECDIR)/execstate 2>/dev/null || :

# DKMS: dkms-src puts the module's sources and a stamped dkms.conf into
# $(DESTDIR)$(DKMS_SRCDIR) (the Debian package uses it too); dkms-install
# registers, builds and installs them for KVER, and undoes all of it when
# any step fails, so a kernel the module cannot build for leaves nothing
# behind.  dkms-remove removes every kernel's copy and the sources.
DKMS_SRCDIR := /usr/src/execstate-$(VERSION)
dkms_srcs := $(filter-out %.mod.c,$(wildcard kmod/Kbuild kmod/Makefile kmod/*.c kmod/*.h kmod/uapi/*.h))

dkms-src:
	rm -rf $(DESTDIR)$(DKMS_SRCDIR)
	install -d $(DESTDIR)$(DKMS_SRCDIR)/uapi
	install -m 0644 $(filter-out kmod/uapi/%,$(dkms_srcs)) $(DESTDIR)$(DKMS_SRCDIR)/
	install -m 0644 $(filter kmod/uapi/%,$(dkms_srcs)) $(DESTDIR)$(DKMS_SRCDIR)/uapi/
	sed 's/#MODULE_VERSION#/$(VERSION)/' dkms/dkms.conf.in >$(DESTDIR)$(DKMS_SRCDIR)/dkms.conf

dkms-install: dkms-remove
	$(MAKE) dkms-src DESTDIR=
	dkms add execstate/$(VERSION) && dkms install execstate/$(VERSION) -k $(KVER) || \
		{ tail -n 20 /var/lib/dkms/execstate/$(VERSION)/build/make.log >&2 2>/dev/null; \
		  echo "error: dkms could not build execstate $(VERSION) for kernel $(KVER);" \
			"removed it again (see the dkms output above)" >&2; \
		  $(MAKE) --no-print-directory dkms-remove; exit 1; }

dkms-remove:
	if dkms status -m execstate -v $(VERSION) | grep -q .; then \
		dkms remove execstate/$(VERSION) --all; fi
	rm -rf $(DKMS_SRCDIR)

clean:
	rm -rf build
	-$(MAKE) -C kmod clean

.PHONY: all cli man module run deps test-deps test coverage stress mutate style install uninstall clean \
	dkms-src dkms-install dkms-remove
