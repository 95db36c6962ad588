// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The verdict's ABI named as each ecosystem names it.  Every name is the
 * one the ecosystem's own tool prints on such a userland: `rustc -vV`
 * host, `go env GOARCH GOARM`, `node -p process.arch`, the .NET RID
 * catalogue, conda's subdir, and packaging.tags.platform_tags() (the
 * order pip tries wheels in).  Python's tags come from the userland's
 * ABI, not from uname: a 32-bit Python under a 64-bit kernel gets its own
 * armv7l tags, not armv8l ones (pypa/packaging#476).  manylinux tags exist
 * for the architectures Debian's python3-packaging (23.0) allows them on.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ecosys.h"
#include "execstate.h"

const char *const ecosys_keys[] = {
	"rust-target", "goarch", "goarm", "node-arch", "dotnet-rid", "conda-subdir",
	"python-platforms", "docker-platforms", "docker-platforms-emulated", "container", NULL,
};

struct eco_names {
	const char *rust;	/* Rust target without the libc, e.g. "armv7-unknown-linux-" */
	const char *rust_env;	/* libc suffix: "gnu", "gnueabihf", ... ("musl" replaces "gnu") */
	const char *goarch;
	const char *goarm;
	const char *node;
	const char *dotnet;	/* RID without "linux-" / "linux-musl-" */
	const char *conda;
	const char *python;	/* Python's machine in platform tags */
	bool manylinux;		/* PEP 600 tags exist for this arch */
};

static const struct eco_names names[ABI_COUNT] = {
	[ABI_UNKNOWN] = { NULL, NULL, "", "", "", NULL, "", NULL, false },
	[ABI_ARM64] = { "aarch64-unknown-linux-", "gnu", "arm64", "", "arm64", "arm64",
			"linux-aarch64", "aarch64", true },
	[ABI_ARMHF] = { "armv7-unknown-linux-", "gnueabihf", "arm", "7", "arm", "arm",
			"linux-armv7l", "armv7l", true },
	[ABI_ARMV6HF] = { "arm-unknown-linux-", "gnueabihf", "arm", "6", "arm", "armv6",
			  "linux-armv6l", "armv6l", false },
	[ABI_ARMEL] = { "armv5te-unknown-linux-", "gnueabi", "arm", "5", "arm", "armel", "",
			"armv5tel", false },
	[ABI_AMD64] = { "x86_64-unknown-linux-", "gnu", "amd64", "", "x64", "x64", "linux-64",
			"x86_64", true },
	[ABI_I386] = { "i686-unknown-linux-", "gnu", "386", "", "ia32", "x86", "linux-32",
		       "i686", true },
	[ABI_X32] = { "x86_64-unknown-linux-", "gnux32", "", "", "", NULL, "", NULL, false },
	[ABI_RISCV64] = { "riscv64gc-unknown-linux-", "gnu", "riscv64", "", "riscv64",
			  "riscv64", "linux-riscv64", "riscv64", false },
	[ABI_PPC64EL] = { "powerpc64le-unknown-linux-", "gnu", "ppc64le", "", "ppc64",
			  "ppc64le", "linux-ppc64le", "ppc64le", true },
	[ABI_S390X] = { "s390x-unknown-linux-", "gnu", "s390x", "", "s390x", "s390x",
			"linux-s390x", "s390x", true },
};

/* "2.36-9+deb12u4" or "1.2.4-r2" -> major and minor; false if unparsable. */
static bool parse_version(const char *s, unsigned int *major, unsigned int *minor)
{
	char *end;

	*major = strtoul(s, &end, 10);
	if (end == s || *end != '.')
		return false;
	s = end + 1;
	*minor = strtoul(s, &end, 10);
	return end != s && *major < 100 && *minor < 1000;
}

static void scan_db(const struct paths *p, const char *rel, const char *pkg_line,
		    const char *version_key, char *out, size_t size)
{
	char version[64];
	unsigned int major, minor;

	out[0] = '\0';
	if (path_stanza_field(p, PATH_ROOT, rel, pkg_line, version_key, version,
			      sizeof(version)) > 0 && parse_version(version, &major, &minor))
		snprintf(out, size, "%u.%u", major, minor);
}

/*
 * On the live root, the glibc this process runs on is the system's (its
 * loader found it where the userland's programs find theirs; Debian keeps
 * libc6 of every architecture at one version): what Python's packaging
 * asks too (os.confstr), for the cost of no read.  Elsewhere, under
 * another C library, and in the static CLI, whose glibc is the one it was
 * built with, dpkg's libc6 says.
 */
#ifdef EXECSTATE_STATIC
#define OWN_GLIBC_IS_SYSTEMS false
#else
#define OWN_GLIBC_IS_SYSTEMS true
#endif

static bool own_glibc_version(const struct paths *p, char *out, size_t size)
{
#ifdef _CS_GNU_LIBC_VERSION
	char buf[64];
	unsigned int major, minor;

	if (OWN_GLIBC_IS_SYSTEMS && p->live_root && confstr(_CS_GNU_LIBC_VERSION, buf, sizeof(buf)) > 0 &&
	    !strncmp(buf, "glibc ", 6) && parse_version(buf + 6, &major, &minor)) {
		snprintf(out, size, "%u.%u", major, minor);
		return true;
	}
#endif
	return false;
}

void collect_libc_version(const struct paths *p, struct facts *f)
{
	if (own_glibc_version(p, f->glibc_version, sizeof(f->glibc_version))) {
		evidence_add(f, "libc.glibc_version", "confstr(_CS_GNU_LIBC_VERSION)", "%s",
			     f->glibc_version);
	} else {
		scan_db(p, "var/lib/dpkg/status", "Package: libc6", "Version:", f->glibc_version,
			sizeof(f->glibc_version));
		if (f->glibc_version[0])
			evidence_add(f, "libc.glibc_version",
				     "/var/lib/dpkg/status (package libc6)", "%s",
				     f->glibc_version);
	}
	scan_db(p, "lib/apk/db/installed", "P:musl", "V:", f->musl_version,
		sizeof(f->musl_version));
	if (f->musl_version[0])
		evidence_add(f, "libc.musl_version", "/lib/apk/db/installed (package musl)", "%s",
			     f->musl_version);
}

struct list {
	char *buf;
	size_t size, len;
	bool full;
};

/* A tag that does not fit is dropped whole, with all after it. */
static void add_tag(struct list *l, const char *tag, size_t n)
{
	size_t sep = l->len ? 1 : 0;

	if (l->full || l->len + sep + n >= l->size) {
		l->full = true;
		return;
	}
	if (sep)
		l->buf[l->len++] = ' ';
	memcpy(l->buf + l->len, tag, n);
	l->len += n;
	l->buf[l->len] = '\0';
}

static void add(struct list *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add(struct list *l, const char *fmt, ...)
{
	char tag[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tag, sizeof(tag), fmt, ap);
	va_end(ap);
	if (n >= 0)
		add_tag(l, tag, (size_t)n < sizeof(tag) ? (size_t)n : sizeof(tag) - 1);
}

/* add(l, "manylinux_2_%u_%s", minor, arch) without printf: the list has dozens. */
static void add_manylinux(struct list *l, unsigned int minor, const char *arch)
{
	char tag[128] = "manylinux_2_", digits[12];
	size_t len = 12, alen = strnlen(arch, sizeof(tag) - 32);
	int d = 0;

	do
		digits[d++] = '0' + minor % 10;
	while ((minor /= 10));
	while (d)
		tag[len++] = digits[--d];
	tag[len++] = '_';
	memcpy(tag + len, arch, alen);
	add_tag(l, tag, len + alen);
}

/* packaging.tags.platform_tags() order: manylinux, musllinux, then linux_ARCH. */
static void python_platforms(const struct verdict *v, const struct facts *f,
			     const struct eco_names *e, char *buf, size_t size)
{
	struct list l = { buf, size, 0, false };
	unsigned int major, minor;

	buf[0] = '\0';
	if (!e->python)
		return;
	if (e->manylinux && !strcmp(v->libc, "glibc") &&
	    parse_version(f->glibc_version, &major, &minor) && major == 2) {
		/* PEP 600 starts at glibc 2.17 except on x86, where manylinux1 is 2.5. */
		unsigned int oldest = v->abi->family == FAMILY_X86 ? 5 : 17;

		for (unsigned int m = minor; m >= oldest && m <= minor; m--) {
			add_manylinux(&l, m, e->python);
			if (m == 17)
				add(&l, "manylinux2014_%s", e->python);
			else if (m == 12)
				add(&l, "manylinux2010_%s", e->python);
			else if (m == 5)
				add(&l, "manylinux1_%s", e->python);
		}
	}
	if (!strcmp(v->libc, "musl") && parse_version(f->musl_version, &major, &minor))
		for (unsigned int m = minor + 1; m-- > 0;)
			add(&l, "musllinux_%u_%u_%s", major, m, e->python);
	add(&l, "linux_%s", e->python);
}

/*
 * OCI platforms of the ABIs judged kind, the userland's own first (the
 * daemon's default), then in the ABI table's order.  Each 32-bit ARM
 * variant was judged on its own: none without AArch32 at EL0 or on a
 * 16K-page kernel, i386 only with IA32 emulation.
 */
static void docker_platforms(const struct verdict *v, enum exec_kind kind, char *buf,
			     size_t size)
{
	const struct exec_status *own = verdict_exec(v, v->abi);
	struct list l = { buf, size, 0, false };

	buf[0] = '\0';
	if (own && own->kind == kind && v->abi->docker_platform[0])
		add_tag(&l, v->abi->docker_platform, strlen(v->abi->docker_platform));
	for (int id = ABI_UNKNOWN + 1; id < ABI_COUNT; id++) {
		const struct abi_desc *a = abi_get(id);
		const struct exec_status *s = verdict_exec(v, a);

		if (s && s->kind == kind && a != v->abi && a->docker_platform[0])
			add_tag(&l, a->docker_platform, strlen(a->docker_platform));
	}
}

int ecosys_value(const struct verdict *v, const struct facts *f, const char *key,
		 char *buf, size_t size)
{
	const struct eco_names *e = &names[v->abi->id < ABI_COUNT ? v->abi->id : ABI_UNKNOWN];
	bool musl = !strcmp(v->libc, "musl");

	if (!strcmp(key, "rust-target")) {
		if (!e->rust)
			str_copy(buf, size, "unknown");
		else if (musl && !strncmp(e->rust_env, "gnu", 3))
			snprintf(buf, size, "%smusl%s", e->rust, e->rust_env + 3);
		else
			snprintf(buf, size, "%s%s", e->rust, e->rust_env);
	} else if (!strcmp(key, "goarch")) {
		str_copy(buf, size, e->goarch);
	} else if (!strcmp(key, "goarm")) {
		str_copy(buf, size, e->goarm);
	} else if (!strcmp(key, "node-arch")) {
		str_copy(buf, size, e->node);
	} else if (!strcmp(key, "dotnet-rid")) {
		if (e->dotnet)
			snprintf(buf, size, "linux-%s%s", musl ? "musl-" : "", e->dotnet);
		else
			buf[0] = '\0';
	} else if (!strcmp(key, "conda-subdir")) {
		str_copy(buf, size, e->conda);
	} else if (!strcmp(key, "python-platforms")) {
		python_platforms(v, f, e, buf, size);
	} else if (!strcmp(key, "docker-platforms")) {
		docker_platforms(v, EXEC_NATIVE, buf, size);
	} else if (!strcmp(key, "docker-platforms-emulated")) {
		docker_platforms(v, EXEC_EMULATED, buf, size);
	} else if (!strcmp(key, "container")) {
		str_copy(buf, size, f->container[0] ? f->container : "none");
	} else {
		return -1;
	}
	return 0;
}
