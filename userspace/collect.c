// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Collectors: each fills part of struct facts and records what it found,
 * with its source, as evidence.  Nothing here prints or decides.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "execstate.h"
#include "gzstream.h"
#include "kcache.h"
#include "lines.h"

#define EM_386 3
#define EM_ARM 40
#define EM_X86_64 62
#define EM_AARCH64 183

void evidence_add(struct facts *f, const char *key, const char *source, const char *fmt, ...)
{
	struct evidence *e;
	va_list ap;

	if (f->n_ev >= EVIDENCE_MAX || f->skip_evidence)
		return;
	e = &f->ev[f->n_ev++];
	snprintf(e->key, sizeof(e->key), "%s", key);
	snprintf(e->source, sizeof(e->source), "%s", source);
	va_start(ap, fmt);
	vsnprintf(e->value, sizeof(e->value), fmt, ap);
	va_end(ap);
}

static char *trim(char *s)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return s;
}

static void collect_kernel_identity(const struct paths *p, struct facts *f)
{
	struct utsname u;
	char buf[128];

	if (p->live_kernel && uname(&u) == 0) {
		str_copy(f->kernel_machine, sizeof(f->kernel_machine), u.machine);
		str_copy(f->kernel_release, sizeof(f->kernel_release), u.release);
		f->kernel_machine_source = "uname(2)";
	} else {
		if (path_read(p, PATH_PROCFS, "sys/kernel/arch", buf, sizeof(buf)) > 0)
			str_copy(f->kernel_machine, sizeof(f->kernel_machine), buf);
		if (path_read(p, PATH_PROCFS, "sys/kernel/osrelease", buf, sizeof(buf)) > 0)
			str_copy(f->kernel_release, sizeof(f->kernel_release), buf);
		f->kernel_machine_source = "sys/kernel/arch under --procfs";
	}
	if (f->kernel_machine[0])
		evidence_add(f, "uname.machine", f->kernel_machine_source, "%s", f->kernel_machine);
	if (f->kernel_release[0])
		evidence_add(f, "uname.release", p->live_kernel ? "uname(2)" :
			     "sys/kernel/osrelease under --procfs", "%s", f->kernel_release);
}

/* Live only: the facts of this very process, not of a recorded tree. */
static void collect_process(const struct paths *p, const struct collect_opts *o,
			    struct facts *f)
{
	const char *plat;
	int cur;

	f->per_linux32_probe = -1;
	if (!p->live_kernel)
		return;
	cur = personality(0xffffffff);
	if (cur != -1) {
		f->have_personality = true;
		f->personality = cur;
		evidence_add(f, "personality", "personality(2)", "0x%08x%s", cur,
			     (cur & PER_MASK) == PER_LINUX32 ? " (PER_LINUX32)" : "");
	}
	/*
	 * arm64 refuses PER_LINUX32 when no CPU can run 32-bit tasks; this is
	 * the one AArch32 test userspace can make without the module.
	 */
	if (o->probe_personality && cur != -1 && (cur & PER_MASK) != PER_LINUX32 &&
	    !strcmp(f->kernel_machine, "aarch64")) {
		if (personality((cur & ~PER_MASK) | PER_LINUX32) == -1) {
			f->per_linux32_probe = errno == EINVAL ? 0 : -1;
		} else {
			f->per_linux32_probe = 1;
			personality(cur);
		}
		if (f->per_linux32_probe >= 0)
			evidence_add(f, "personality.linux32", "personality(PER_LINUX32) probe",
				     "%s", f->per_linux32_probe ? "accepted" : "EINVAL");
	}
	plat = (const char *)getauxval(AT_PLATFORM);
	if (plat) {
		str_copy(f->at_platform, sizeof(f->at_platform), plat);
		evidence_add(f, "auxv.platform", "getauxval(AT_PLATFORM)", "%s", plat);
	}
	f->hwcap = getauxval(AT_HWCAP);
	f->hwcap2 = getauxval(AT_HWCAP2);
	f->have_auxv = true;
	evidence_add(f, "auxv.hwcap", "getauxval(AT_HWCAP)", "0x%lx", f->hwcap);
	evidence_add(f, "auxv.hwcap2", "getauxval(AT_HWCAP2)", "0x%lx", f->hwcap2);
}

static int parse_arch_level(const char *s)
{
	/* "8", "7", "AArch64", "5TEJ", "6TEJ" */
	if (!strcmp(s, "AArch64"))
		return 8;
	return isdigit((unsigned char)s[0]) ? atoi(s) : 0;
}

static void collect_cpuinfo(const struct paths *p, struct facts *f)
{
	struct cpuinfo *c = &f->cpu;
	FILE *in = path_fopen(p, PATH_PROCFS, "cpuinfo");
	bool first_done = false;
	int model_level = 0;
	struct lines l;
	char *line;
	size_t len;

	if (!in)
		return;
	c->present = true;
	lines_init(&l, in);
	while ((line = lines_next(&l, &len))) {
		char *colon = memchr(line, ':', len);
		char *key, *val;

		if (!colon) {
			if (c->processors)
				first_done = true;
			continue;
		}
		*colon = '\0';
		key = trim(line);
		val = trim(colon + 1);
		if (!strcmp(key, "processor")) {
			c->processors++;
			continue;
		}
		if (!strcmp(key, "Hardware") && !c->hardware[0])
			str_copy(c->hardware, sizeof(c->hardware), val);
		if (first_done)
			continue;
		if (!strcmp(key, "model name") && !c->model_name[0]) {
			const char *v = strstr(val, "(v");

			str_copy(c->model_name, sizeof(c->model_name), val);
			/* 32-bit kernels: "ARMv6-compatible processor rev 7 (v6l)" */
			if (v && isdigit((unsigned char)v[2]))
				model_level = v[2] - '0';
		} else if (!strcmp(key, "CPU architecture") && !c->cpu_architecture[0]) {
			str_copy(c->cpu_architecture, sizeof(c->cpu_architecture), val);
		} else if ((!strcmp(key, "Features") || !strcmp(key, "flags")) &&
			   !c->features[0]) {
			str_copy(c->features, sizeof(c->features), val);
		} else if (!strcmp(key, "CPU implementer")) {
			c->implementer = strtoul(val, NULL, 0);
		} else if (!strcmp(key, "CPU part")) {
			c->part = strtoul(val, NULL, 0);
			c->has_part = true;
		}
	}
	fclose(in);
	if (!c->processors)
		c->processors = 1;
	/*
	 * The model name's "(vNl)" wins: ARM1176 reports "CPU architecture: 7"
	 * because it uses the ARMv7 CPUID scheme, yet it is an ARMv6 core.
	 */
	c->arch_level = model_level ? model_level : parse_arch_level(c->cpu_architecture);
	if (c->features[0]) {
		char padded[sizeof(c->features) + 2];

		snprintf(padded, sizeof(padded), " %s ", c->features);
		c->x86_lm = strstr(padded, " lm ") != NULL;
	}
	evidence_add(f, "cpuinfo.processors", "cpuinfo", "%u", c->processors);
	if (c->model_name[0])
		evidence_add(f, "cpuinfo.model_name", "cpuinfo", "%s", c->model_name);
	if (c->cpu_architecture[0])
		evidence_add(f, "cpuinfo.cpu_architecture", "cpuinfo \"CPU architecture\"", "%s",
			     c->cpu_architecture);
	if (c->has_part)
		evidence_add(f, "cpuinfo.cpu_part", "cpuinfo \"CPU implementer\"/\"CPU part\"",
			     "0x%02x/0x%03x", c->implementer, c->part);
	if (c->hardware[0])
		evidence_add(f, "cpuinfo.hardware", "cpuinfo \"Hardware\"", "%s", c->hardware);
}

static void collect_cpu_sysfs(const struct paths *p, struct facts *f)
{
	char buf[256];

	if (path_read(p, PATH_SYSFS, "devices/system/cpu/online", buf, sizeof(buf)) >= 0) {
		str_copy(f->online_cpus, sizeof(f->online_cpus), buf);
		evidence_add(f, "cpu.online", "devices/system/cpu/online", "%s", buf);
	}
	if (path_read(p, PATH_SYSFS, "devices/system/cpu/aarch32_el0", buf, sizeof(buf)) >= 0) {
		f->have_aarch32_el0_file = true;
		str_copy(f->aarch32_el0_cpus, sizeof(f->aarch32_el0_cpus), buf);
		evidence_add(f, "cpu.aarch32_el0", "devices/system/cpu/aarch32_el0", "%s",
			     buf[0] ? buf : "(none)");
	}
}

/*
 * name (after "CONFIG_", n bytes) sets @option: "OPTION=..." (set) or
 * "OPTION is not set".  Constant lengths, so each memcmp() is a compare or two.
 */
#define CONFIG_TRISTATE(name, n, set, option, dst)					\
	do {										\
		size_t len_ = sizeof(option) - 1;					\
											\
		if ((n) > len_ && !memcmp(name, option, len_) &&			\
		    ((set) ? (name)[len_] == '=' :					\
		     (n) == len_ + 11 && !memcmp((name) + len_, " is not set", 11)))	\
			*(dst) = (set) ? TRI_YES : TRI_NO;				\
	} while (0)
#define CONFIG_IS(name, n, option) ((n) == sizeof(option) - 1 && !memcmp(name, option, n))

/* One line of a kernel config, without its newline. */
static void config_line(struct facts *f, const char *line, size_t len, bool *x86, bool *arm64)
{
	bool set = line[0] == 'C';
	const char *name;
	size_t n;

	/* "CONFIG_X=..." or "# CONFIG_X is not set"; the rest are comments. */
	if (len > 7 && !memcmp(line, "CONFIG_", 7)) {
		name = line + 7;
		n = len - 7;
	} else if (len > 9 && !memcmp(line, "# CONFIG_", 9)) {
		name = line + 9;
		n = len - 9;
	} else {
		if (len >= 8 && !memcmp(line, "# Linux/", 8)) {
			*x86 = len >= 12 && !memcmp(line + 8, "x86 ", 4);
			*arm64 = len >= 14 && !memcmp(line + 8, "arm64 ", 6);
		}
		return;
	}
	switch (name[0]) {
	case 'C':
		CONFIG_TRISTATE(name, n, set, "COMPAT", &f->config_compat);
		break;
	case 'I':
		CONFIG_TRISTATE(name, n, set, "IA32_EMULATION", &f->config_ia32);
		if (CONFIG_IS(name, n, "IA32_EMULATION_DEFAULT_DISABLED=y"))
			f->config_ia32_default_off = true;
		break;
	case 'X':
		CONFIG_TRISTATE(name, n, set, "X86_X32_ABI", &f->config_x32);
		CONFIG_TRISTATE(name, n, set, "X86_X32_DISABLED", &f->config_x32_disabled);
		break;
	case 'M':
		CONFIG_TRISTATE(name, n, set, "MODULES", &f->config_modules);
		break;
	case 'A':
		if (CONFIG_IS(name, n, "ARM64_4K_PAGES=y"))
			f->config_page_size = 4096;
		else if (CONFIG_IS(name, n, "ARM64_16K_PAGES=y"))
			f->config_page_size = 16384;
		else if (CONFIG_IS(name, n, "ARM64_64K_PAGES=y"))
			f->config_page_size = 65536;
		break;
	}
}

/*
 * Scan kernel config lines.  The options wanted come early in a config of
 * thousands of lines: once all that its architecture has are known (the
 * "# Linux/ARCH" header says which), the rest is not read, nor inflated.
 * CONFIG_MODULES comes later, after the architecture's menus: @modules
 * waits for it too (a recorded kernel, which has no /proc/modules to ask).
 * Debian's X86_X32_DISABLED, which other kernels lack, comes between
 * X86_X32_ABI and COMPAT, so it is read before the scan stops.
 */
static bool scan_config(struct facts *f, FILE *in, const char *source, bool modules)
{
	struct lines l;
	bool any = false, x86 = false, arm64 = false, done = false;
	const char *line;
	size_t len;

	lines_init(&l, in);
	while (!done && (line = lines_next(&l, &len))) {
		any = true;
		config_line(f, line, len, &x86, &arm64);
		done = f->config_compat != TRI_UNKNOWN &&
		       ((x86 && f->config_ia32 != TRI_UNKNOWN && f->config_x32 != TRI_UNKNOWN) ||
			(arm64 && f->config_page_size)) &&
		       (!modules || f->config_modules != TRI_UNKNOWN);
	}
	if (any)
		str_copy(f->config_source, sizeof(f->config_source), source);
	return any;
}

static bool try_config(const struct paths *p, enum path_base base, const char *rel,
		       const char *label, struct facts *f)
{
	int fd = path_open(p, base, rel, O_RDONLY);
	char err[256];
	FILE *in;
	bool ok;

	if (fd < 0)
		return false;
	in = gz_fdopen(fd, err, sizeof(err));
	if (!in) {
		if (err[0])
			fprintf(stderr, "execstate: %s: %s\n", label, err);
		return false;
	}
	ok = scan_config(f, in, label, !p->live_kernel);
	fclose(in);
	return ok;
}

/*
 * The running kernel's config, from the per-boot cache (kcache.h) when the
 * output shows no evidence (whose lines name the file itself), else read
 * and then cached for the runs after.
 */
static void collect_config(const struct paths *p, const struct collect_opts *o,
			   struct facts *f)
{
	bool cacheable = p->live_kernel && p->live_root;
	char rel[128] = "";
	bool found;

	if (cacheable && o->skip_evidence && kcache_load(p, f))
		goto found;
	found = try_config(p, PATH_PROCFS, "config.gz", "config.gz under procfs", f);
	if (!found && f->kernel_release[0]) {
		snprintf(rel, sizeof(rel), "boot/config-%s", f->kernel_release);
		found = try_config(p, PATH_ROOT, rel, rel, f);
		/* Judging a chroot on this kernel: its config lives in the real /boot. */
		if (!found && !p->live_root && p->live_kernel)
			found = try_config(&paths_live, PATH_ROOT, rel, rel, f);
	}
	if (!found)
		return;
	if (cacheable)
		kcache_store(p, f, rel);
found:
	if (f->config_compat != TRI_UNKNOWN)
		evidence_add(f, "config.COMPAT", f->config_source, "%s",
			     f->config_compat == TRI_YES ? "y" : "n");
	if (f->config_ia32 != TRI_UNKNOWN)
		evidence_add(f, "config.IA32_EMULATION", f->config_source, "%s",
			     f->config_ia32 == TRI_YES ? "y" : "n");
	if (f->config_x32 != TRI_UNKNOWN)
		evidence_add(f, "config.X86_X32_ABI", f->config_source, "%s",
			     f->config_x32 == TRI_YES ? "y" : "n");
	if (f->config_x32_disabled != TRI_UNKNOWN)
		evidence_add(f, "config.X86_X32_DISABLED", f->config_source, "%s",
			     f->config_x32_disabled == TRI_YES ? "y" : "n");
	if (f->config_page_size)
		evidence_add(f, "config.page_size", f->config_source, "%lu", f->config_page_size);
	if (f->config_modules != TRI_UNKNOWN)
		evidence_add(f, "config.MODULES", f->config_source, "%s",
			     f->config_modules == TRI_YES ? "y" : "n");
	if (f->config_modules == TRI_NO)
		f->no_module_support = true;
}

/* The kernel's kstrtobool(): 1 true, 0 false, -1 not a boolean. */
static int kernel_bool(const char *s)
{
	switch (s[0]) {
	case 'y': case 'Y': case 't': case 'T': case '1':
		return 1;
	case 'n': case 'N': case 'f': case 'F': case '0':
		return 0;
	case 'o': case 'O':
		if (s[1] == 'n' || s[1] == 'N')
			return 1;
		if (s[1] == 'f' || s[1] == 'F')
			return 0;
		break;
	}
	return -1;
}

/*
 * Boot parameters as the kernel parses them: every occurrence before "--"
 * is applied in turn.  ia32_emulation= (x86-64, Linux 6.7+) sets the
 * state, so the last valid one wins.  Debian's syscall.x32= only moves x32
 * away from the kernel's default (on with CONFIG_X86_X32_DISABLED=y, a
 * true value enables it and a later false one does not disable it again;
 * without, the reverse), so which values occur at all is what counts.
 * That parameter's own state is module/syscall/parameters/x32 (Y or N).
 */
static void collect_cmdline(const struct paths *p, struct facts *f)
{
	char buf[4096], *save = NULL, *word;
	int ia32 = -1, b;

	if (path_read(p, PATH_SYSFS, "module/syscall/parameters/x32", buf, sizeof(buf)) >= 0 &&
	    (b = kernel_bool(buf)) >= 0) {
		f->sysfs_x32 = b ? 'Y' : 'N';
		evidence_add(f, "sysfs.syscall.x32", "module/syscall/parameters/x32", "%c",
			     f->sysfs_x32);
	}
	if (path_read(p, PATH_PROCFS, "cmdline", buf, sizeof(buf)) < 0)
		return;
	for (word = strtok_r(buf, " \t\n", &save); word; word = strtok_r(NULL, " \t\n", &save)) {
		if (!strcmp(word, "--"))
			break;
		if (!strncmp(word, "ia32_emulation=", 15) && kernel_bool(word + 15) >= 0)
			ia32 = kernel_bool(word + 15);
		if (!strncmp(word, "syscall.x32=", 12) && (b = kernel_bool(word + 12)) >= 0) {
			f->cmdline_x32_on |= b;
			f->cmdline_x32_off |= !b;
		}
	}
	f->cmdline_ia32_off = ia32 == 0;
	f->cmdline_ia32_on = ia32 == 1;
	if (ia32 >= 0)
		evidence_add(f, "cmdline.ia32_emulation", "cmdline", "%s", ia32 ? "on" : "off");
	if (f->cmdline_x32_on || f->cmdline_x32_off)
		evidence_add(f, "cmdline.syscall.x32", "cmdline", "%s",
			     f->cmdline_x32_on && f->cmdline_x32_off ? "y and n" :
			     f->cmdline_x32_on ? "y" : "n");
}

static unsigned int hexbyte(const char *s)
{
	char b[3] = { s[0], s[1], 0 };

	return strtoul(b, NULL, 16);
}

/*
 * The ABI an ELF header's machine, class (32 or 64) and byte order name,
 * all 32-bit ARM as armhf: what a binfmt_misc magic selects, and the start
 * of a binary's ABI.  The byte order is the ABI's too: big-endian ARM and
 * AArch64 (armeb, aarch64_be) and ppc64 are none of these, and a kernel of
 * the other order refuses them (ENOEXEC).
 */
static const struct abi_desc *elf_header_abi(unsigned int machine, unsigned int cls,
					     bool big_endian)
{
	const struct abi_desc *a = NULL;

	switch (machine) {
	case EM_AARCH64:
		a = cls == 64 ? abi_get(ABI_ARM64) : NULL;
		break;
	case EM_ARM:
		a = cls == 32 ? abi_get(ABI_ARMHF) : NULL;
		break;
	case EM_X86_64:
		a = cls == 64 ? abi_get(ABI_AMD64) : cls == 32 ? abi_get(ABI_X32) : NULL;
		break;
	case EM_386:
		a = cls == 32 ? abi_get(ABI_I386) : NULL;
		break;
	case 243:
		a = cls == 64 ? abi_get(ABI_RISCV64) : NULL;
		break;
	case 21:
		a = cls == 64 ? abi_get(ABI_PPC64EL) : NULL;
		break;
	case 22:
		a = cls == 64 ? abi_get(ABI_S390X) : NULL;
		break;
	}
	return a && big_endian == a->big_endian ? a : NULL;
}

/* Which ELF ABI a binfmt_misc magic string (hex, from offset 0) selects. */
static const struct abi_desc *binfmt_abi(const char *magic)
{
	size_t n = strlen(magic);
	unsigned int cls, machine;
	bool be;

	if (n < 40 || strncmp(magic, "7f454c46", 8))
		return NULL;
	cls = hexbyte(magic + 8);
	be = hexbyte(magic + 10) == 2;
	machine = hexbyte(magic + 36) | hexbyte(magic + 38) << 8;
	if (be)		/* e_machine's bytes swapped */
		machine = hexbyte(magic + 38) | hexbyte(magic + 36) << 8;
	/* One qemu-arm runs every 32-bit ARM ABI: armhf stands for them. */
	return elf_header_abi(machine, cls == 2 ? 64 : cls == 1 ? 32 : 0, be);
}

/* binfmt_misc's own control files, not entries. */
static int binfmt_entry_name(const struct dirent *de)
{
	return de->d_name[0] != '.' && strcmp(de->d_name, "register") &&
	       strcmp(de->d_name, "status");
}

/*
 * The next line of a NUL-terminated buffer, cut off in place; *cursor moves
 * past it.  NULL at the end.  For files read whole with path_read(), which
 * costs half the system calls of a stdio stream.
 */
static char *next_line(char **cursor)
{
	char *line = *cursor, *nl;

	if (!line || !*line)
		return NULL;
	nl = strchr(line, '\n');
	if (nl)
		*nl++ = '\0';
	*cursor = nl;
	return line;
}

void collect_binfmt(const struct paths *p, struct facts *f)
{
	char dir[4096], rel[320], entry[4096];
	struct dirent **names;
	int n;

	if (path_build(p, PATH_PROCFS, "sys/fs/binfmt_misc", dir, sizeof(dir)))
		return;
	/* In name order: readdir's order differs between file systems. */
	n = scandir(dir, &names, binfmt_entry_name, alphasort);
	if (n < 0)
		return;
	for (int i = 0; i < n; i++) {
		const struct dirent *de = names[i];
		struct binfmt_entry *b = &f->binfmt[f->n_binfmt];
		char magic[256] = "", *cursor = entry, *line;

		if (f->n_binfmt >= BINFMT_MAX)
			break;
		snprintf(rel, sizeof(rel), "sys/fs/binfmt_misc/%s", de->d_name);
		if (path_read(p, PATH_PROCFS, rel, entry, sizeof(entry)) < 0)
			continue;
		memset(b, 0, sizeof(*b));
		str_copy(b->name, sizeof(b->name), de->d_name);
		while ((line = next_line(&cursor))) {
			char *v = trim(line);

			if (!strcmp(v, "enabled"))
				b->enabled = true;
			else if (!strncmp(v, "interpreter ", 12))
				str_copy(b->interpreter, sizeof(b->interpreter), v + 12);
			else if (!strncmp(v, "magic ", 6))
				str_copy(magic, sizeof(magic), v + 6);
			else if (!strncmp(v, "flags: ", 7))
				str_copy(b->flags, sizeof(b->flags), v + 7);
		}
		b->abi = binfmt_abi(magic);
		if (!b->abi)
			continue;
		f->n_binfmt++;
		evidence_add(f, "binfmt_misc", rel, "%s: %s via %s", b->abi->name,
			     b->enabled ? "enabled" : "disabled", b->interpreter);
	}
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static int arm_arch_level(int tag)
{
	switch (tag) {
	case 0 ... 2:
		return 4;
	case 3 ... 5:
		return 5;
	case 6 ... 9:
	case 11 ... 12:
		return 6;
	case 10:
	case 13:
		return 7;
	case 14 ... 22:
		return 8;
	default:
		return 0;
	}
}

/* The ABI a parsed executable belongs to. */
const struct abi_desc *userland_bin_abi(struct userland_bin *b)
{
	const struct elf_info *e = &b->elf;
	const struct abi_desc *a = elf_header_abi(e->machine, e->elf_class, e->data == 2);

	if (e->machine == EM_AARCH64)
		b->arm_arch = 8;
	if (!a || a->id != ABI_ARMHF)
		return a;
	/* 32-bit ARM: the float ABI and the CPU arch its build attributes name. */
	b->arm_arch = arm_arch_level(e->tag_cpu_arch);
	if (!elf_arm_hard_float(e))
		return abi_get(ABI_ARMEL);
	/* Hard-float below ARMv7 is the Raspbian flavour of armhf. */
	if (b->arm_arch && b->arm_arch < 7)
		return abi_get(ABI_ARMV6HF);
	return a;
}

static const char *or_dash(const char *s)
{
	return s ? s : "-";
}

static void describe_bin(struct facts *f, const char *role, struct userland_bin *b)
{
	const struct elf_info *e = &b->elf;
	char key[48];

	snprintf(key, sizeof(key), "elf.%s", role);
	if (b->err) {
		evidence_add(f, key, b->shown, "unreadable: %s", strerror(-b->err));
		return;
	}
	b->abi = userland_bin_abi(b);
	if (e->machine == EM_ARM) {
		evidence_add(f, key, b->shown,
			     "ELF%u %s ARM, OS/ABI %u, e_flags 0x%x (EABI%u, %s-float), "
			     "Tag_CPU_arch %s, Tag_FP_arch %s, Tag_ABI_VFP_args %d%s%s",
			     e->elf_class, e->data == 2 ? "MSB" : "LSB", e->osabi, e->flags,
			     elf_arm_eabi_version(e), elf_arm_hard_float(e) ? "hard" : "soft",
			     or_dash(elf_arm_cpu_arch_name(e->tag_cpu_arch)),
			     or_dash(elf_arm_fp_arch_name(e->tag_fp_arch)),
			     e->tag_abi_vfp_args, e->has_interp ? ", interp " : "",
			     e->has_interp ? e->interp : "");
	} else {
		const char *name = elf_machine_name(e->machine);

		evidence_add(f, key, b->shown, "ELF%u %s %s (e_machine %u), OS/ABI %u, "
			     "e_flags 0x%x%s%s", e->elf_class, e->data == 2 ? "MSB" : "LSB",
			     name ? name : "unknown", e->machine, e->osabi, e->flags,
			     e->has_interp ? ", interp " : "", e->has_interp ? e->interp : "");
	}
	if (e->load_segments) {
		snprintf(key, sizeof(key), "elf.%s.align", role);
		evidence_add(f, key, b->shown, "%llu", (unsigned long long)e->min_load_align);
	}
}

void read_bin(const struct paths *p, enum path_base base, const char *rel,
	      const char *shown, struct userland_bin *b)
{
	struct stat st;
	int fd;

	str_copy(b->path, sizeof(b->path), rel);
	str_copy(b->shown, sizeof(b->shown), shown);
	fd = path_open_stat(p, base, rel, O_RDONLY, &st);
	if (fd < 0) {
		b->err = fd;
		return;
	}
	b->err = elf_parse_fd_stat(fd, &st, &b->elf);
	close(fd);
}

static void collect_userland(const struct paths *p, struct facts *f)
{
	static const char *const roles[BIN_COUNT] = { "init", "sh", "env", "loader" };
	struct userland_bin *init = &f->bins[BIN_INIT];
	const struct userland_bin *with_interp = NULL;

	init->err = -ENOENT;
	if (p->live_root && p->live_kernel) {
		char target[256];

		if (path_readlink(p, PATH_PROCFS, "1/exe", target, sizeof(target)) > 0) {
			char shown[300];

			snprintf(shown, sizeof(shown), "/proc/1/exe -> %s", target);
			read_bin(p, PATH_PROCFS, "1/exe", shown, init);
		}
	}
	if (init->err)
		read_bin(p, PATH_ROOT, "/sbin/init", "/sbin/init", init);
	read_bin(p, PATH_ROOT, "/bin/sh", "/bin/sh", &f->bins[BIN_SH]);
	read_bin(p, PATH_ROOT, "/usr/bin/env", "/usr/bin/env", &f->bins[BIN_ENV]);
	for (int i = BIN_INIT; i < BIN_LOADER; i++) {
		if (!f->bins[i].err && f->bins[i].elf.has_interp) {
			with_interp = &f->bins[i];
			break;
		}
	}
	if (with_interp) {
		char interp[ELF_INTERP_MAX];

		str_copy(interp, sizeof(interp), with_interp->elf.interp);
		read_bin(p, PATH_ROOT, interp, interp, &f->bins[BIN_LOADER]);
	} else {
		f->bins[BIN_LOADER].err = -ENOENT;
	}
	for (int i = 0; i < BIN_COUNT; i++)
		if (i != BIN_LOADER || with_interp)
			describe_bin(f, roles[i], &f->bins[i]);
}

/*
 * dpkg's native architecture: its own record of it (arch-native) where it
 * keeps one, else that of the dpkg package itself.
 */
static void collect_dpkg(const struct paths *p, struct facts *f)
{
	char line[512], *arch;

	if (path_read(p, PATH_ROOT, "var/lib/dpkg/arch-native", line, sizeof(line)) > 0 &&
	    (arch = trim(line))[0]) {
		str_copy(f->dpkg_arch, sizeof(f->dpkg_arch), arch);
		evidence_add(f, "dpkg.architecture", "/var/lib/dpkg/arch-native", "%s",
			     f->dpkg_arch);
		return;
	}
	path_stanza_field(p, PATH_ROOT, "var/lib/dpkg/status", "Package: dpkg", "Architecture:",
			  f->dpkg_arch, sizeof(f->dpkg_arch));
	if (f->dpkg_arch[0])
		evidence_add(f, "dpkg.architecture", "/var/lib/dpkg/status (package dpkg)", "%s",
			     f->dpkg_arch);
}

static void collect_other_pkg(const struct paths *p, struct facts *f)
{
	char buf[4096];
	FILE *in;

	if (path_read(p, PATH_ROOT, "etc/apk/arch", buf, sizeof(buf)) > 0) {
		str_copy(f->apk_arch, sizeof(f->apk_arch), trim(buf));
		evidence_add(f, "apk.arch", "/etc/apk/arch", "%s", f->apk_arch);
	}
	in = path_fopen(p, PATH_ROOT, "etc/pacman.conf");
	if (in) {
		while (fgets(buf, sizeof(buf), in)) {
			char *s = trim(buf);

			if (!strncmp(s, "Architecture", 12) && strchr(s, '=')) {
				s = trim(strchr(s, '=') + 1);
				if (strcmp(s, "auto")) {
					str_copy(f->pacman_arch, sizeof(f->pacman_arch), s);
					evidence_add(f, "pacman.arch", "/etc/pacman.conf", "%s", s);
				}
				break;
			}
		}
		fclose(in);
	}
	if (path_read(p, PATH_ROOT, "etc/rpm/platform", buf, sizeof(buf)) > 0) {
		char *dash = strchr(buf, '-');

		if (dash)
			*dash = '\0';
		str_copy(f->rpm_arch, sizeof(f->rpm_arch), trim(buf));
		evidence_add(f, "rpm.arch", "/etc/rpm/platform", "%s", f->rpm_arch);
	}
}

static void collect_os_release(const struct paths *p, struct facts *f)
{
	/* The fields the verdict names come first; a longer file is cut here. */
	char buf[4096], *cursor = buf, *line;

	if (path_read(p, PATH_ROOT, "etc/os-release", buf, sizeof(buf)) < 0 &&
	    path_read(p, PATH_ROOT, "usr/lib/os-release", buf, sizeof(buf)) < 0)
		return;
	while ((line = next_line(&cursor))) {
		char *v = strchr(line, '='), *q;
		char *dst = NULL;
		size_t size = 0;

		if (!v)
			continue;
		*v++ = '\0';
		if (!strcmp(line, "ID")) {
			dst = f->os_id;
			size = sizeof(f->os_id);
		} else if (!strcmp(line, "PRETTY_NAME")) {
			dst = f->os_pretty;
			size = sizeof(f->os_pretty);
		}
		if (!dst)
			continue;
		v = trim(v);
		if (*v == '"' || *v == '\'') {
			q = strrchr(v + 1, *v);
			if (q)
				*q = '\0';
			v++;
		}
		str_copy(dst, size, v);
	}
	if (f->os_pretty[0] || f->os_id[0])
		evidence_add(f, "os-release", "/etc/os-release", "%s",
			     f->os_pretty[0] ? f->os_pretty : f->os_id);
}

static void collect_module(const struct paths *p, const struct collect_opts *o,
			   unsigned int want, struct facts *f)
{
	struct modfacts *m = &f->mod;
	const char *src;
	int err;

	/* Without libnl (-ENOSYS, said on stderr), sysfs has the same facts. */
	if (o->use_netlink && (err = modfacts_read_netlink(m)) != -ENOSYS) {
		if (err < 0)
			memset(m, 0, sizeof(*m));
		src = "execstate generic netlink";
	} else {
		modfacts_read_sysfs(p, m);
		src = "/sys/kernel/execstate";
	}
	/*
	 * A recorded procfs may just not hold the file: only a live /proc
	 * without modules shows a kernel without loadable module support.
	 */
	if (!m->present && p->live_kernel && !path_exists(p, PATH_PROCFS, "modules")) {
		f->no_module_support = true;
		evidence_add(f, "kernel.modules", "/proc/modules",
			     "absent: no loadable module support");
	}
	if (!m->present)
		return;
	/*
	 * Only netlink can say which task asks; ABI 1 modules cannot.  Only
	 * exec-mode and the evidence use it: get, check and the other keys
	 * neither load libnl nor talk netlink for it.
	 */
	if (p->live_kernel && m->abi_version >= 2 && (want & FACTS_TASK)) {
		/*
		 * A uname(2) that does not fit the module's kernel is an
		 * emulator's: qemu-user refuses generic netlink sockets
		 * (EPROTONOSUPPORT), so the CLI does not try, and says why.
		 */
		if (m->kernel_machine[0] && !selfexec_uname_fits(f, f->kernel_machine, m->kernel_machine))
			evidence_add(f, "module.task_state", "not asked",
				     "uname(2) says %s, execstate.ko says the kernel is %s: this "
				     "process is emulated, and qemu-user carries no generic netlink",
				     f->kernel_machine, m->kernel_machine);
		else
			modfacts_read_task(m);
	}
	evidence_add(f, "module.abi_version", src, "%u", m->abi_version);
	evidence_add(f, "module.kernel_machine", src, "%s", m->kernel_machine);
	evidence_add(f, "module.kernel_bits", src, "%u", m->kernel_bits);
	evidence_add(f, "module.page_size", src, "%lu", m->page_size);
	evidence_add(f, "module.compat", src, "%s%s%s%s", m->compat == TRI_YES ? "yes" :
		     m->compat == TRI_NO ? "no" : "unknown", m->compat_reason[0] ? " (" : "",
		     m->compat_reason, m->compat_reason[0] ? ")" : "");
	if (m->task_state[0])
		evidence_add(f, "module.task_state", "execstate generic netlink (GET_TASK)",
			     "%s", m->task_state);
	if (m->has_task_personality)
		evidence_add(f, "module.task_personality", "execstate generic netlink (GET_TASK)",
			     "0x%08lx", m->task_personality);
	if (m->aarch32_el0[0])
		evidence_add(f, "module.aarch32_el0", src, "%s (cpus %s)", m->aarch32_el0,
			     m->aarch32_el0_cpus[0] ? m->aarch32_el0_cpus : "none");
	if (m->aarch64_capable != TRI_UNKNOWN || m->aarch64_capable_reason[0])
		evidence_add(f, "module.aarch64_capable", src, "%s (%s)",
			     m->aarch64_capable == TRI_YES ? "yes" :
			     m->aarch64_capable == TRI_NO ? "no" : "unknown",
			     m->aarch64_capable_reason);
	if (m->cpu_arch[0])
		evidence_add(f, "module.cpu_arch", src, "%s", m->cpu_arch);
}

static void collect_page_size(const struct paths *p, struct facts *f)
{
	if (f->mod.present && f->mod.page_size) {
		f->page_size = f->mod.page_size;
		f->page_size_source = "module";
	} else if (p->live_kernel) {
		f->page_size = sysconf(_SC_PAGESIZE);
		f->page_size_source = "sysconf(_SC_PAGESIZE)";
	} else if (f->config_page_size) {
		f->page_size = f->config_page_size;
		f->page_size_source = "kernel config";
	} else if (f->kernel_machine[0] && strcmp(f->kernel_machine, "aarch64")) {
		/* 32-bit ARM and x86 kernels only have 4 KiB pages. */
		const struct abi_desc *a = abi_from_machine(f->kernel_machine);

		if (a && a->family != FAMILY_OTHER) {
			f->page_size = 4096;
			f->page_size_source = "architecture (4 KiB pages only)";
		}
	}
	if (f->page_size)
		evidence_add(f, "kernel.page_size", f->page_size_source, "%lu", f->page_size);
}

static void collect_cpu(const struct paths *p, struct facts *f)
{
	collect_cpuinfo(p, f);
	collect_cpu_sysfs(p, f);
}

/* Whether init, sh or env is an ELF file of known ABI: the verdict's basis. */
static bool userland_abi_known(const struct facts *f)
{
	for (int i = BIN_INIT; i < BIN_LOADER; i++)
		if (!f->bins[i].err && f->bins[i].abi)
			return true;
	return false;
}

void collect_all(const struct paths *p, const struct collect_opts *o, struct facts *f)
{
	unsigned int want = o->facts ? o->facts : FACTS_ALL;
	bool cpu_later;

	/* A recorded kernel's page size, without the module, is in its config. */
	if (want & FACTS_PAGE_SIZE)
		want |= FACTS_MODULE | (p->live_kernel ? 0 : FACTS_CONFIG);
	/* And whether it can load modules at all (the module key). */
	if ((want & FACTS_MODULE) && !p->live_kernel)
		want |= FACTS_CONFIG;
	f->config_compat = f->config_ia32 = f->config_x32 = f->config_modules = TRI_UNKNOWN;
	f->config_x32_disabled = TRI_UNKNOWN;
	f->skip_evidence = o->skip_evidence;
	collect_kernel_identity(p, f);
	collect_process(p, o, f);
	/*
	 * Without an ELF file of known ABI the userland is judged by its package
	 * manager, then by the kernel: read those only when it comes to that.
	 * The container goes with the userland: an init it injected is not the
	 * image's own.
	 */
	if ((want & FACTS_USERLAND) && !(want & FACTS_PACKAGES)) {
		collect_userland(p, f);
		collect_container(p, f);
		want &= ~FACTS_USERLAND;
		if (!userland_abi_known(f))
			want |= FACTS_PACKAGES | FACTS_MODULE;
	}
	/* sys/kernel/arch corrects an emulated uname(2): part of the kernel's facts. */
	if (want & FACTS_MODULE) {
		want |= FACTS_SELF;
		collect_module(p, o, want, f);
	}
	/*
	 * What the CPU is matters to an ARM kernel's 32-bit ABIs and to a
	 * 32-bit x86 kernel; under a 64-bit x86 kernel only the evidence shows
	 * it.  The outputs without evidence wait for the kernel's own machine
	 * (sys/kernel/arch: uname(2) may be qemu-user's) and skip /proc/cpuinfo
	 * there, which the kernel formats anew for every CPU on every read.
	 */
	cpu_later = (want & FACTS_CPU) && o->skip_evidence;
	if (cpu_later)
		want |= FACTS_SELF;
	else if (want & FACTS_CPU)
		collect_cpu(p, f);
	/*
	 * execstate.ko's compat and page size answer what the config would:
	 * all but x32, which only x86-64 has.  The reports show the config's
	 * lines as evidence; the outputs without evidence skip the inflating.
	 */
	if (o->skip_evidence && f->mod.present && f->mod.compat != TRI_UNKNOWN &&
	    f->mod.page_size && f->mod.kernel_machine[0] && strcmp(f->mod.kernel_machine, "x86_64"))
		want &= ~FACTS_CONFIG;
	if (want & FACTS_CONFIG)
		collect_config(p, o, f);
	if (want & FACTS_PAGE_SIZE)
		collect_page_size(p, f);
	if (want & FACTS_CMDLINE)
		collect_cmdline(p, f);
	if (want & FACTS_BINFMT)
		collect_binfmt(p, f);
	if (want & FACTS_SELF)
		selfexec_collect(p, f);
	if (cpu_later && strcmp(f->kernel_machine, "x86_64"))
		collect_cpu(p, f);
	if (want & FACTS_USERLAND) {
		collect_userland(p, f);
		collect_container(p, f);
	}
	if (want & FACTS_PACKAGES) {
		collect_dpkg(p, f);
		/*
		 * The verdict asks apk, pacman and rpm only where dpkg does not
		 * answer, and os-release only for dpkg's armhf (Raspbian's ARMv6
		 * port): the outputs without evidence skip them otherwise.
		 */
		if (!o->skip_evidence || !f->dpkg_arch[0])
			collect_other_pkg(p, f);
		if (!o->skip_evidence || !f->dpkg_arch[0] || !strcmp(f->dpkg_arch, "armhf"))
			collect_os_release(p, f);
	}
	if (want & FACTS_LIBC_VERSION)
		collect_libc_version(p, f);
}
