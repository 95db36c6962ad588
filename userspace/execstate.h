/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The CLI's three stages share these plain structs: collectors fill
 * struct facts (and never print), verdict_decide() turns facts into a
 * struct verdict, and one printer per output mode prints them.
 */
#ifndef EXECSTATE_H
#define EXECSTATE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "abi.h"
#include "container.h"
#include "ecosys.h"
#include "elf.h"
#include "kmodctl.h"
#include "modfacts.h"
#include "paths.h"

#define EVIDENCE_MAX 160
#define BINFMT_MAX 24
#define CONFLICT_MAX 16

struct evidence {
	char key[48];
	char value[200];
	char source[160];
};

enum userland_role { BIN_INIT, BIN_SH, BIN_ENV, BIN_LOADER, BIN_COUNT };

struct userland_bin {
	char path[256];		/* as looked up, e.g. /sbin/init */
	char shown[300];	/* what is reported (may name /proc/1/exe) */
	int err;		/* 0 parsed, else -errno */
	struct elf_info elf;
	const struct abi_desc *abi;	/* ABI this binary belongs to, NULL if unknown */
	int arm_arch;		/* 5, 6, 7, 8 from Tag_CPU_arch; 0 unknown */
};

struct cpuinfo {
	bool present;
	unsigned int processors;
	int arch_level;		/* from model name "(v7l)" or "CPU architecture" */
	char cpu_architecture[16];	/* the raw "CPU architecture" field */
	char model_name[128];
	char features[512];	/* arm "Features" or x86 "flags" (first CPU) */
	unsigned int implementer, part;	/* first CPU, arm only */
	bool has_part;
	char hardware[96];
	bool x86_lm;		/* x86 CPU can run 64-bit code */
};

struct binfmt_entry {
	char name[64];
	bool enabled;
	char interpreter[160];
	char flags[16];			/* "flags: POCF": how the interpreter is run */
	const struct abi_desc *abi;	/* ELF ABI the magic matches, NULL otherwise */
};

/*
 * How this very process runs (selfexec.c): natively, or under a qemu-user
 * emulator, which fakes uname(2) and /proc/self/exe but not the kernel's
 * sys/kernel/arch or sysfs.
 */
struct self_exec {
	const struct abi_desc *abi;	/* the ABI this execstate binary runs as; NULL unknown */
	const char *abi_source;		/* "compile time" or a recorded proc/self/exe */
	char uname_machine[65];		/* uname(2) as this process sees it; "" not live */
	char kernel_arch[65];		/* procfs sys/kernel/arch, the real kernel's */
	bool uname_emulated;		/* uname(2) disagrees with the kernel unexplained */
	char real_exe[256];		/* the kernel's own /proc/self/exe when qemu hides it */
	char interpreter[256];		/* the emulator, when known */
	char binfmt[64];		/* the binfmt_misc entry that runs this ABI, "" none */
};

struct facts {
	/* kernel */
	char kernel_machine[65];	/* uname(2) machine or procfs sys/kernel/arch */
	char kernel_release[65];
	const char *kernel_machine_source;
	bool have_personality;
	unsigned long personality;
	int per_linux32_probe;		/* 1 allowed, 0 EINVAL, -1 not tried */
	bool have_auxv;
	char at_platform[32];
	unsigned long hwcap, hwcap2;
	unsigned long page_size;
	const char *page_size_source;
	struct cpuinfo cpu;
	bool have_aarch32_el0_file;
	char aarch32_el0_cpus[256];
	char online_cpus[256];
	int config_compat, config_ia32, config_x32;	/* enum tristate */
	unsigned long config_page_size;
	char config_source[160];
	bool cmdline_ia32_off;
	bool cmdline_ia32_on;		/* ia32_emulation=on, last one wins */
	bool config_ia32_default_off;	/* CONFIG_IA32_EMULATION_DEFAULT_DISABLED=y */
	int config_modules;		/* enum tristate; read for a recorded kernel only */
	/* No loadable module support: live, no /proc/modules; recorded, by its config. */
	bool no_module_support;
	/*
	 * Debian's "x86: Make x32 syscall support conditional on a kernel
	 * parameter": CONFIG_X86_X32_DISABLED (enum tristate: y, "is not set"
	 * in a patched kernel's config, unknown without the line, as in any
	 * other kernel's), syscall.x32= on the command line, and that
	 * parameter as the kernel itself reports it.
	 */
	int config_x32_disabled;
	bool cmdline_x32_on;		/* some syscall.x32= is true */
	bool cmdline_x32_off;		/* some syscall.x32= is false */
	char sysfs_x32;			/* module/syscall/parameters/x32: 'Y', 'N', 0 absent */
	unsigned int n_binfmt;		/* entries of binfmt[], below */
	/* userland */
	struct userland_bin bins[BIN_COUNT];
	char dpkg_arch[32];
	char glibc_version[16];		/* "2.36", from dpkg's libc6 */
	char musl_version[16];		/* "1.2", from apk's musl */
	char apk_arch[32];
	char pacman_arch[32];
	char rpm_arch[32];
	char os_id[64];
	char os_pretty[128];
	/* container (userspace/container.c) */
	char container[32];		/* docker, podman, kubernetes, lxc, ...; "" none */
	const char *container_source;
	char pid1_init[32];		/* PID 1 is this injected init; "" otherwise */
	/* module */
	struct modfacts mod;
	bool have_module_status;
	/* this process */
	struct self_exec self;
	unsigned int n_ev;
	bool skip_evidence;	/* the output prints none: do not format it */
	/*
	 * The big tables last, each filled only as far as it is used: a run
	 * touches only the pages it writes, and the fields above share few.
	 */
	struct module_status module_status;
	struct binfmt_entry binfmt[BINFMT_MAX];
	/* every fact above that was found, with its source */
	struct evidence ev[EVIDENCE_MAX];
};

enum exec_kind { EXEC_NATIVE, EXEC_EMULATED, EXEC_NO, EXEC_UNKNOWN };

struct exec_status {
	const struct abi_desc *abi;
	enum exec_kind kind;
	char reason[400];
};

struct conflict {
	const char *id;
	char message[400];
	char remedy[400];
};

struct verdict {
	const struct abi_desc *abi;	/* the userland's native ABI */
	char machine[16];
	char arm_arch[8];
	char docker_platform[24];
	char gnu_type[40];
	const char *libc;		/* glibc, musl, unknown */
	const char *basis;		/* what decided the userland, e.g. "/sbin/init" */
	char kernel_machine[65];
	unsigned int kernel_bits;
	const struct abi_desc *kernel_abi;
	unsigned long page_size;
	const char *confidence;		/* authoritative, inferred, guessed */
	unsigned int n_exec;
	unsigned int n_conflicts;
	const char *exec_mode;		/* this execstate process: native, emulated, unknown */
	const char *exec_mode_confidence;	/* authoritative, inferred */
	char exec_mode_reason[300];
	/*
	 * The tables come last: verdict_decide() clears only what lies before
	 * them (they are 17 KiB), and an entry is written whole when added.
	 */
	struct exec_status exec[ABI_COUNT];
	struct conflict conflicts[CONFLICT_MAX];
};

/*
 * Groups of facts, each read by its own collectors (the kernel's identity
 * and this process's personality and auxv are always read: a few system
 * calls).  A run asks for the groups its output depends on, so `get
 * machine` reads the userland's ELF files and nothing else.
 */
enum fact_group {
	FACTS_USERLAND = 1 << 0,	/* ELF files of init, sh, env and the loader */
	FACTS_PACKAGES = 1 << 1,	/* dpkg, apk, pacman, rpm; os-release */
	FACTS_MODULE = 1 << 2,		/* execstate.ko */
	FACTS_PAGE_SIZE = 1 << 3,
	FACTS_CPU = 1 << 4,		/* cpuinfo, devices/system/cpu */
	FACTS_CONFIG = 1 << 5,		/* the kernel config */
	FACTS_CMDLINE = 1 << 6,
	FACTS_BINFMT = 1 << 7,
	FACTS_SELF = 1 << 8,		/* this process's own ABI, sys/kernel/arch */
	FACTS_LIBC_VERSION = 1 << 9,	/* glibc's (dpkg) or musl's (apk) version */
	FACTS_TASK = 1 << 10,		/* execstate.ko's view of this task (GET_TASK) */
	FACTS_ALL = (1 << 11) - 1,
};

struct collect_opts {
	bool use_netlink;	/* read module facts over generic netlink */
	bool probe_personality;	/* live PER_LINUX32 probe */
	unsigned int facts;	/* enum fact_group bits to collect; 0 all */
	bool skip_evidence;	/* the output shows no evidence */
};

void evidence_add(struct facts *f, const char *key, const char *source, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* The ABI a parsed executable belongs to (NULL if none); sets b->arm_arch. */
const struct abi_desc *userland_bin_abi(struct userland_bin *b);
void collect_all(const struct paths *p, const struct collect_opts *o, struct facts *f);
/* Single collectors and ELF helpers of collect.c that pid.c and selfexec.c share. */
void collect_binfmt(const struct paths *p, struct facts *f);
void read_bin(const struct paths *p, enum path_base base, const char *rel,
	      const char *shown, struct userland_bin *b);
/* selfexec.c: evidence about this process (collect stage), then its exec-mode. */
void selfexec_collect(const struct paths *p, struct facts *f);
void selfexec_decide(const struct paths *p, const struct facts *f, struct verdict *v);
/* The ABI this binary was compiled for. */
const struct abi_desc *selfexec_build_abi(void);
/*
 * Whether uname(2)'s machine @uname_m is what a native process sees of the
 * kernel @kernel (under f's PER_LINUX32 personality its 32-bit name counts).
 */
bool selfexec_uname_fits(const struct facts *f, const char *uname_m, const char *kernel);
void verdict_decide(const struct paths *p, const struct facts *f, struct verdict *v);
void add_conflict(struct verdict *v, const char *id, const char *remedy, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Judge one more ABI (check --target) and add it to v->exec. */
const struct exec_status *verdict_judge(const struct paths *p, const struct facts *f,
					struct verdict *v, const struct abi_desc *a);
/*
 * The caller says the userland is ABI a (--assume, EXECSTATE_ASSUME, named
 * by): the names follow a, confidence becomes "overridden", and conflicts
 * say where the facts disagree.
 */
void verdict_assume(const struct paths *p, const struct facts *f, struct verdict *v,
		    const struct abi_desc *a, const char *by);
const struct exec_status *verdict_exec(const struct verdict *v, const struct abi_desc *abi);
const char *exec_kind_name(enum exec_kind k);

/*
 * snprintf(dst, size, "%s", src) without the formatting: the outputs copy
 * dozens of values a run.  @size must not be 0.
 */
static inline void str_copy(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);

	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* Output keys, in order; value of one key for `get` and the machine formats. */
extern const char *const verdict_keys[];
/* The fact groups the value of @key depends on (FACTS_ALL if unknown). */
unsigned int verdict_key_facts(const char *key);
/* The fact groups judging @target (NULL: any ABI, as check --file) depends on. */
unsigned int verdict_target_facts(const struct abi_desc *target);
int verdict_value(const struct verdict *v, const struct facts *f, const char *key,
		  char *buf, size_t size);

void print_human(FILE *out, const struct facts *f, const struct verdict *v);
int print_json(FILE *out, const struct facts *f, const struct verdict *v, bool pretty);
void print_shell(FILE *out, const struct facts *f, const struct verdict *v);
void print_make(FILE *out, const struct facts *f, const struct verdict *v);
/* prometheus.c: the text exposition format for node_exporter's textfile collector. */
void print_prometheus(FILE *out, const struct facts *f, const struct verdict *v);
/* A label value escaped: backslash, double quote and newline. */
void prom_escape_label(FILE *out, const char *s);
/* HELP text escaped: backslash and newline. */
void prom_escape_help(FILE *out, const char *s);
/*
 * execstate.ko's state for the module key: loaded; else libkmod's answer
 * when it was asked (kmodctl_status()); else missing on a kernel without
 * loadable module support, which needs no libkmod; else absent.
 */
const char *verdict_module_state(const struct facts *f);

#endif
