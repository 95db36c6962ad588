// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Bounded ELF reader.  The file may be truncated, corrupt or hostile: every
 * offset, size and count taken from it is range-checked with arithmetic
 * that cannot overflow before anything is read, and fields are decoded
 * byte by byte in the file's own byte order, so the host's endianness and
 * alignment never matter.
 *
 * Both entry points share one parser that pulls bytes through a small
 * source abstraction: elf_parse_buffer() copies from memory, elf_parse_fd()
 * uses pread() and so reads only the headers, PT_INTERP and the few
 * sections it needs, however large the file.
 */
#include <endian.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
/*
 * The kernel's UAPI header, not glibc's <elf.h>: this directory's own
 * "elf.h" shadows that name on the include path.
 */
#include <linux/elf.h>

#include "elf.h"
#include "fdio.h"

/* Not in <linux/elf.h>: gABI extended numbering and the ARM ELF ABI. */
#define SHN_XINDEX		0xffff
#define SHT_ARM_ATTRIBUTES	0x70000003
#define EF_ARM_EABIMASK		0xff000000
#define EF_ARM_ABI_FLOAT_HARD	0x00000400

/*
 * Caps on what a sane executable carries; anything larger is rejected
 * before allocating.  Linux's binfmt_elf refuses program header tables
 * larger than 64 KiB; real section header tables are a few KiB (objects
 * built with -ffunction-sections reach a few MiB); .ARM.attributes is
 * usually under 100 bytes.  .shstrtab is never read whole.
 */
#define PHDR_TABLE_MAX		(64 * 1024)
#define SHDR_TABLE_MAX		(4 * 1024 * 1024)
#define ARM_ATTRIBUTES_MAX	(64 * 1024)

#define ARM_ATTRIBUTES_NAME	".ARM.attributes"

/*
 * Linkers put .shstrtab just before the section header table, so the table
 * is read with up to this many bytes in front of it: .shstrtab's last byte
 * and the section names then come from memory, not from more pread()s.
 */
#define SHDR_LEAD		512

/*
 * The first bytes of a file, read with one pread(): the ELF header, the
 * program headers and PT_INTERP's string lie there in any real executable.
 */
#define ELF_HEAD_MAX		4096

struct elf_head {
	unsigned char buf[ELF_HEAD_MAX];
	size_t len;
};

/* Where the bytes come from: a memory image or an open file. */
struct elf_src {
	const unsigned char *buf;	/* NULL when reading from fd */
	int fd;
	uint64_t size;
	struct elf_head *head;		/* with fd: the file's first bytes, or NULL */
	/* Bytes already read at win_off, or NULL: the section header table's. */
	const unsigned char *win;
	uint64_t win_off, win_len;
};

struct elf_file {
	const struct elf_src *src;
	bool is64;
	bool big_endian;
};

static bool range_ok(uint64_t off, uint64_t len, uint64_t size)
{
	return off <= size && len <= size - off;
}

/* Read len bytes at off into dst; the caller has range-checked them. */
static int src_read(const struct elf_src *src, uint64_t off, size_t len, void *dst)
{
	unsigned char *p = dst;

	if (src->buf) {
		memcpy(p, src->buf + off, len);
		return 0;
	}
	if (src->head && off <= src->head->len && len <= src->head->len - off) {
		memcpy(p, src->head->buf + off, len);
		return 0;
	}
	if (src->win && off >= src->win_off && range_ok(off - src->win_off, len, src->win_len)) {
		memcpy(p, src->win + (off - src->win_off), len);
		return 0;
	}
	while (len > 0) {
		ssize_t n = pread(src->fd, p, len, (off_t)off);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		/* The file shrank under us since fstat(). */
		if (n == 0)
			return -EIO;
		p += n;
		off += (uint64_t)n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * Allocate and read [off, off + len).  -EBADMSG when the range is outside
 * the file or larger than cap.
 */
static int src_read_alloc(const struct elf_src *src, uint64_t off, uint64_t len,
			  uint64_t cap, unsigned char **out)
{
	unsigned char *p;
	int err;

	*out = NULL;
	if (len > cap || !range_ok(off, len, src->size))
		return -EBADMSG;
	p = malloc(len ? (size_t)len : 1);
	if (!p)
		return -ENOMEM;
	err = src_read(src, off, (size_t)len, p);
	if (err < 0) {
		free(p);
		return err;
	}
	*out = p;
	return 0;
}

/*
 * The fields read are 2, 4 or 8 bytes wide: one unaligned load and a byte
 * swap where the file's order is not the host's (<endian.h> picks which),
 * instead of a loop over the bytes, which gcc does not fold and which the
 * parser of every userland binary ran thousands of times.  Always inlined,
 * so that FIELD()'s constant width selects the case at compile time.
 */
static inline __attribute__((always_inline)) uint64_t
get_uint(const struct elf_file *ef, const unsigned char *p, size_t size)
{
	uint16_t v16;
	uint32_t v32;
	uint64_t v64;

	switch (size) {
	case 2:
		memcpy(&v16, p, 2);
		return ef->big_endian ? be16toh(v16) : le16toh(v16);
	case 4:
		memcpy(&v32, p, 4);
		return ef->big_endian ? be32toh(v32) : le32toh(v32);
	default:
		memcpy(&v64, p, 8);
		return ef->big_endian ? be64toh(v64) : le64toh(v64);
	}
}

/*
 * Read a field of an Elf32_/Elf64_ structure by name: the offset and width
 * come from <elf.h> for the file's class, the byte order from the file.
 */
#define FIELD(ef, base, type, field)					\
	((ef)->is64 ?							\
	 get_uint(ef, (base) + offsetof(Elf64_##type, field),		\
		  sizeof(((Elf64_##type *)0)->field)) :			\
	 get_uint(ef, (base) + offsetof(Elf32_##type, field),		\
		  sizeof(((Elf32_##type *)0)->field)))

#define STRUCT_SIZE(ef, type) \
	((ef)->is64 ? sizeof(Elf64_##type) : sizeof(Elf32_##type))

static void info_reset_arm_attributes(struct elf_info *info)
{
	info->has_arm_attributes = false;
	info->tag_cpu_arch = ELF_ATTR_ABSENT;
	info->tag_cpu_arch_profile = ELF_ATTR_ABSENT;
	info->tag_arm_isa_use = ELF_ATTR_ABSENT;
	info->tag_thumb_isa_use = ELF_ATTR_ABSENT;
	info->tag_fp_arch = ELF_ATTR_ABSENT;
	info->tag_advsimd_arch = ELF_ATTR_ABSENT;
	info->tag_abi_vfp_args = ELF_ATTR_ABSENT;
}

static void info_reset(struct elf_info *info)
{
	memset(info, 0, sizeof(*info));
	info_reset_arm_attributes(info);
}

/* e_ident and the fixed header fields. */
static int parse_ehdr(struct elf_file *ef, const unsigned char *ident, size_t have)
{
	if (have < SELFMAG || memcmp(ident, ELFMAG, SELFMAG) != 0)
		return -ENOEXEC;
	if (have < EI_NIDENT)
		return -EBADMSG;
	switch (ident[EI_CLASS]) {
	case ELFCLASS32:
		ef->is64 = false;
		break;
	case ELFCLASS64:
		ef->is64 = true;
		break;
	default:
		return -EINVAL;
	}
	switch (ident[EI_DATA]) {
	case ELFDATA2LSB:
		ef->big_endian = false;
		break;
	case ELFDATA2MSB:
		ef->big_endian = true;
		break;
	default:
		return -EINVAL;
	}
	if (ident[EI_VERSION] != EV_CURRENT)
		return -EINVAL;
	return 0;
}

static int parse_interp(const struct elf_file *ef, uint64_t off, uint64_t size,
			struct elf_info *info)
{
	unsigned char *buf;
	int err;

	/* The kernel insists on a NUL-terminated, non-empty path. */
	if (size < 2)
		return -EBADMSG;
	if (size > ELF_INTERP_MAX)
		return -ENAMETOOLONG;
	err = src_read_alloc(ef->src, off, size, ELF_INTERP_MAX, &buf);
	if (err < 0)
		return err;
	if (buf[size - 1] != '\0' || memchr(buf, '\0', size - 1)) {
		free(buf);
		return -EBADMSG;
	}
	memcpy(info->interp, buf, size);
	info->has_interp = true;
	free(buf);
	return 0;
}

static int parse_phdrs(const struct elf_file *ef, const unsigned char *ehdr,
		       struct elf_info *info)
{
	uint64_t phoff = FIELD(ef, ehdr, Ehdr, e_phoff);
	uint64_t phnum = FIELD(ef, ehdr, Ehdr, e_phnum);
	uint64_t phentsize = FIELD(ef, ehdr, Ehdr, e_phentsize);
	uint64_t entsize = STRUCT_SIZE(ef, Phdr);
	bool have_interp = false;
	uint64_t interp_off = 0, interp_size = 0;
	unsigned char *tab;
	uint64_t i;
	int err;

	if (phnum == 0)
		return 0;
	/* 16-bit operands: the product below cannot overflow 64 bits. */
	if (phentsize != entsize)
		return -EBADMSG;
	err = src_read_alloc(ef->src, phoff, phnum * phentsize, PHDR_TABLE_MAX, &tab);
	if (err < 0)
		return err;

	for (i = 0; i < phnum; i++) {
		const unsigned char *ph = tab + i * entsize;
		uint64_t type = FIELD(ef, ph, Phdr, p_type);
		uint64_t off = FIELD(ef, ph, Phdr, p_offset);
		uint64_t filesz = FIELD(ef, ph, Phdr, p_filesz);
		uint64_t align = FIELD(ef, ph, Phdr, p_align);

		if (!range_ok(off, filesz, ef->src->size)) {
			err = -EBADMSG;
			goto out;
		}
		if (type == PT_LOAD) {
			if (info->load_segments == 0 || align < info->min_load_align)
				info->min_load_align = align;
			info->load_segments++;
		} else if (type == PT_INTERP && !have_interp) {
			/* Like the kernel, the first PT_INTERP wins. */
			have_interp = true;
			interp_off = off;
			interp_size = filesz;
		}
	}
	if (have_interp)
		err = parse_interp(ef, interp_off, interp_size, info);
out:
	free(tab);
	return err;
}

/* ULEB128 at *p, not reading at or past end.  Values above 64 bits are corrupt. */
static bool read_uleb(const unsigned char **p, const unsigned char *end, uint64_t *val)
{
	unsigned int shift = 0;
	uint64_t v = 0;

	while (*p < end) {
		unsigned char byte = *(*p)++;

		if (shift >= 64 || (shift == 63 && (byte & 0x7e)))
			return false;
		v |= (uint64_t)(byte & 0x7f) << shift;
		shift += 7;
		if (!(byte & 0x80)) {
			*val = v;
			return true;
		}
	}
	return false;
}

/* Skip a NUL-terminated byte string; false when it runs past end. */
static bool skip_ntbs(const unsigned char **p, const unsigned char *end)
{
	const unsigned char *nul = memchr(*p, '\0', (size_t)(end - *p));

	if (!nul)
		return false;
	*p = nul + 1;
	return true;
}

enum {
	ARM_TAG_FILE = 1,
	ARM_TAG_CPU_RAW_NAME = 4,
	ARM_TAG_CPU_NAME = 5,
	ARM_TAG_CPU_ARCH = 6,
	ARM_TAG_CPU_ARCH_PROFILE = 7,
	ARM_TAG_ARM_ISA_USE = 8,
	ARM_TAG_THUMB_ISA_USE = 9,
	ARM_TAG_FP_ARCH = 10,
	ARM_TAG_ADVANCED_SIMD_ARCH = 12,
	ARM_TAG_ABI_VFP_ARGS = 28,
	ARM_TAG_COMPATIBILITY = 32,
};

/*
 * The attributes of a Tag_File sub-subsection.  Parameter types follow the
 * "aeabi" rules (ARM IHI 0045, and binutils' elf32_arm_obj_attrs_arg_type):
 * Tag_CPU_raw_name and Tag_CPU_name are NTBS, Tag_compatibility is a ULEB128
 * flag followed by an NTBS, other tags below 32 are ULEB128, and from 32 on
 * odd tags are NTBS and even ones ULEB128 -- which lets us skip the tags we
 * do not know (Tag_also_compatible_with, Tag_conformance...).
 */
static bool parse_arm_file_attributes(const unsigned char *p, const unsigned char *end,
				      struct elf_info *info)
{
	while (p < end) {
		uint64_t tag, val;
		int *slot = NULL;

		if (!read_uleb(&p, end, &tag))
			return false;
		if (tag == ARM_TAG_CPU_RAW_NAME || tag == ARM_TAG_CPU_NAME ||
		    (tag > ARM_TAG_COMPATIBILITY && (tag & 1))) {
			if (!skip_ntbs(&p, end))
				return false;
			continue;
		}
		if (!read_uleb(&p, end, &val))
			return false;
		if (tag == ARM_TAG_COMPATIBILITY) {
			if (!skip_ntbs(&p, end))
				return false;
			continue;
		}
		switch (tag) {
		case ARM_TAG_CPU_ARCH:
			slot = &info->tag_cpu_arch;
			break;
		case ARM_TAG_CPU_ARCH_PROFILE:
			slot = &info->tag_cpu_arch_profile;
			break;
		case ARM_TAG_ARM_ISA_USE:
			slot = &info->tag_arm_isa_use;
			break;
		case ARM_TAG_THUMB_ISA_USE:
			slot = &info->tag_thumb_isa_use;
			break;
		case ARM_TAG_FP_ARCH:
			slot = &info->tag_fp_arch;
			break;
		case ARM_TAG_ADVANCED_SIMD_ARCH:
			slot = &info->tag_advsimd_arch;
			break;
		case ARM_TAG_ABI_VFP_ARGS:
			slot = &info->tag_abi_vfp_args;
			break;
		}
		if (slot) {
			if (val > INT_MAX)
				return false;
			*slot = (int)val;
		}
	}
	return true;
}

/*
 * .ARM.attributes: the format-version byte 'A', then vendor subsections
 * (uint32 length in the file's byte order, including itself; NTBS vendor
 * name; data).  In "aeabi", sub-subsections carry a ULEB128 tag (Tag_File,
 * Tag_Section, Tag_Symbol) and a uint32 size counted from the tag byte; only
 * Tag_File describes the whole executable.
 */
static bool parse_arm_attributes(const struct elf_file *ef, const unsigned char *sec,
				 uint64_t size, struct elf_info *info)
{
	const unsigned char *p = sec, *end = sec + size;

	if (size < 1 || *p++ != 'A')
		return false;
	while (p < end) {
		const unsigned char *sub = p, *sub_end, *vendor;
		uint64_t len;

		if (end - p < 4)
			return false;
		len = get_uint(ef, p, 4);
		if (len < 4 || len > (uint64_t)(end - p))
			return false;
		sub_end = sub + len;
		p += 4;
		vendor = p;
		if (!skip_ntbs(&p, sub_end))
			return false;
		if (strcmp((const char *)vendor, "aeabi") != 0) {
			p = sub_end;
			continue;
		}
		while (p < sub_end) {
			const unsigned char *subsub = p, *data;
			uint64_t tag, subsub_len;

			if (!read_uleb(&p, sub_end, &tag) || sub_end - p < 4)
				return false;
			subsub_len = get_uint(ef, p, 4);
			p += 4;
			data = p;
			if (subsub_len < (uint64_t)(data - subsub) ||
			    subsub_len > (uint64_t)(sub_end - subsub))
				return false;
			p = subsub + subsub_len;
			if (tag == ARM_TAG_FILE &&
			    !parse_arm_file_attributes(data, p, info))
				return false;
		}
	}
	return true;
}

static int read_arm_attributes(const struct elf_file *ef, uint64_t off, uint64_t size,
			       struct elf_info *info)
{
	unsigned char *sec;
	int err;

	/* The caller checked that the section lies inside the file. */
	if (size > ARM_ATTRIBUTES_MAX)
		return 0;
	err = src_read_alloc(ef->src, off, size, ARM_ATTRIBUTES_MAX, &sec);
	if (err < 0)
		return err;
	if (parse_arm_attributes(ef, sec, size, info))
		info->has_arm_attributes = true;
	else
		info_reset_arm_attributes(info);
	free(sec);
	return 0;
}

/*
 * Whether the string at off (with avail bytes left in .shstrtab) is want:
 * reads only strlen(want) + 1 bytes.  1 or 0, or a negative errno.
 */
static int section_name_is(const struct elf_file *ef, uint64_t off, uint64_t avail,
			   const char *want)
{
	char buf[32];
	size_t len = strlen(want) + 1;
	int err;

	if (len > sizeof(buf) || avail < len)
		return 0;
	err = src_read(ef->src, off, len, buf);
	if (err < 0)
		return err;
	return memcmp(buf, want, len) == 0;
}

/*
 * The section header table, for .ARM.attributes.  The table, .shstrtab and
 * every section with file contents must lie inside the file and every name
 * inside .shstrtab, or the file is corrupt.  Executables stripped of their
 * section headers (e_shoff == 0) are fine: they just carry no attributes.
 */
static int parse_shdrs(const struct elf_file *file, const unsigned char *ehdr,
		       struct elf_info *info)
{
	struct elf_src src = *file->src;
	struct elf_file window = { .src = &src, .is64 = file->is64,
				   .big_endian = file->big_endian };
	const struct elf_file *ef = &window;
	uint64_t shoff = FIELD(ef, ehdr, Ehdr, e_shoff);
	uint64_t shnum = FIELD(ef, ehdr, Ehdr, e_shnum);
	uint64_t shentsize = FIELD(ef, ehdr, Ehdr, e_shentsize);
	uint64_t shstrndx = FIELD(ef, ehdr, Ehdr, e_shstrndx);
	uint64_t entsize = STRUCT_SIZE(ef, Shdr);
	unsigned char *lead_tab = NULL, *tab, last;
	uint64_t strtab_off, strtab_size, attr_off = 0, attr_size = 0;
	bool have_attr = false;
	const unsigned char *sh;
	uint64_t i, lead;
	int err;

	if (shoff == 0)
		return 0;
	if (shentsize != entsize)
		return -EBADMSG;
	/*
	 * More than SHN_LORESERVE sections, or a string table index beyond it,
	 * are stored in section header 0 (gABI "Extended Section Numbering").
	 */
	if (shnum == 0 || shstrndx == SHN_XINDEX) {
		unsigned char sh0[sizeof(Elf64_Shdr)];

		if (!range_ok(shoff, entsize, ef->src->size))
			return -EBADMSG;
		err = src_read(ef->src, shoff, entsize, sh0);
		if (err < 0)
			return err;
		if (shnum == 0)
			shnum = FIELD(ef, sh0, Shdr, sh_size);
		if (shstrndx == SHN_XINDEX)
			shstrndx = FIELD(ef, sh0, Shdr, sh_link);
	}
	if (shnum == 0)
		return 0;
	if (shnum > SHDR_TABLE_MAX / entsize)
		return -EBADMSG;
	lead = shoff < SHDR_LEAD ? shoff : SHDR_LEAD;
	err = src_read_alloc(ef->src, shoff - lead, lead + shnum * entsize,
			     SHDR_LEAD + SHDR_TABLE_MAX, &lead_tab);
	if (err < 0)
		return err;
	tab = lead_tab + lead;
	src.win = lead_tab;
	src.win_off = shoff - lead;
	src.win_len = lead + shnum * entsize;

	if (shstrndx == SHN_UNDEF || shstrndx >= shnum) {
		err = -EBADMSG;
		goto out;
	}
	sh = tab + shstrndx * entsize;
	strtab_off = FIELD(ef, sh, Shdr, sh_offset);
	strtab_size = FIELD(ef, sh, Shdr, sh_size);
	if (FIELD(ef, sh, Shdr, sh_type) != SHT_STRTAB || strtab_size == 0 ||
	    !range_ok(strtab_off, strtab_size, ef->src->size)) {
		err = -EBADMSG;
		goto out;
	}
	/* With a NUL at its end, any in-range name offset is a valid string. */
	err = src_read(ef->src, strtab_off + strtab_size - 1, 1, &last);
	if (err < 0)
		goto out;
	if (last != '\0') {
		err = -EBADMSG;
		goto out;
	}

	for (i = 0; i < shnum; i++) {
		uint64_t type, off, size, name;

		sh = tab + i * entsize;
		type = FIELD(ef, sh, Shdr, sh_type);
		off = FIELD(ef, sh, Shdr, sh_offset);
		size = FIELD(ef, sh, Shdr, sh_size);
		name = FIELD(ef, sh, Shdr, sh_name);
		if (name >= strtab_size ||
		    (type != SHT_NOBITS && type != SHT_NULL &&
		     !range_ok(off, size, ef->src->size))) {
			err = -EBADMSG;
			goto out;
		}
		/*
		 * SHT_ARM_ATTRIBUTES shares its number with other machines'
		 * processor-specific types (AArch64's new build attributes),
		 * so the machine and the name must both match.
		 */
		if (info->machine == EM_ARM && type == SHT_ARM_ATTRIBUTES && !have_attr) {
			int match = section_name_is(ef, strtab_off + name, strtab_size - name,
						    ARM_ATTRIBUTES_NAME);

			if (match < 0) {
				err = match;
				goto out;
			}
			if (match) {
				have_attr = true;
				attr_off = off;
				attr_size = size;
			}
		}
	}
	if (have_attr)
		err = read_arm_attributes(ef, attr_off, attr_size, info);
out:
	free(lead_tab);
	return err;
}

static int elf_parse_facts(const struct elf_src *src, struct elf_info *info)
{
	unsigned char ehdr[sizeof(Elf64_Ehdr)];
	struct elf_file ef = { .src = src };
	size_t have = src->size < sizeof(ehdr) ? (size_t)src->size : sizeof(ehdr);
	int err;

	err = src_read(src, 0, have, ehdr);
	if (err < 0)
		return err;
	err = parse_ehdr(&ef, ehdr, have);
	if (err < 0)
		return err;
	if (have < STRUCT_SIZE(&ef, Ehdr))
		return -EBADMSG;
	if (FIELD(&ef, ehdr, Ehdr, e_version) != EV_CURRENT)
		return -EINVAL;

	info->elf_class = ef.is64 ? 64 : 32;
	info->data = ef.big_endian ? ELFDATA2MSB : ELFDATA2LSB;
	info->osabi = ehdr[EI_OSABI];
	info->type = FIELD(&ef, ehdr, Ehdr, e_type);
	info->machine = FIELD(&ef, ehdr, Ehdr, e_machine);
	info->flags = FIELD(&ef, ehdr, Ehdr, e_flags);

	err = parse_phdrs(&ef, ehdr, info);
	if (err == 0)
		err = parse_shdrs(&ef, ehdr, info);
	return err;
}

/* On failure nothing half-parsed is left for the caller to trust. */
static int elf_parse(const struct elf_src *src, struct elf_info *info)
{
	int err;

	info_reset(info);
	err = elf_parse_facts(src, info);
	if (err < 0)
		info_reset(info);
	return err;
}

int elf_parse_buffer(const void *buf, size_t len, struct elf_info *info)
{
	struct elf_src src = { .buf = buf, .fd = -1, .size = len };

	if (!buf && len) {
		info_reset(info);
		return -EINVAL;
	}
	/* A NULL image of length 0 is an empty file: -ENOEXEC like any other. */
	if (!buf)
		src.buf = (const unsigned char *)"";
	return elf_parse(&src, info);
}

/*
 * The head of the file: what one pread() (or more, if interrupted or
 * short) gives of its first ELF_HEAD_MAX bytes.  What could not be read is
 * read again where it is needed, and fails there.
 */
static void read_head(int fd, uint64_t size, struct elf_head *h)
{
	ssize_t n = pread_full(fd, h->buf, size < ELF_HEAD_MAX ? (size_t)size : ELF_HEAD_MAX, 0);

	h->len = n > 0 ? (size_t)n : 0;
}

int elf_parse_fd_stat(int fd, const struct stat *st, struct elf_info *info)
{
	static struct elf_head head;
	struct elf_src src = { .buf = NULL, .fd = fd, .head = &head };

	info_reset(info);
	if (!S_ISREG(st->st_mode))
		return S_ISDIR(st->st_mode) ? -EISDIR : -ENOEXEC;
	src.size = (uint64_t)st->st_size;
	read_head(fd, src.size, &head);
	return elf_parse(&src, info);
}

int elf_parse_fd(int fd, struct elf_info *info)
{
	struct stat st;

	if (fstat(fd, &st) < 0) {
		info_reset(info);
		return -errno;
	}
	return elf_parse_fd_stat(fd, &st, info);
}

unsigned int elf_arm_eabi_version(const struct elf_info *info)
{
	if (info->machine != EM_ARM)
		return 0;
	return (info->flags & EF_ARM_EABIMASK) >> 24;
}

bool elf_arm_hard_float(const struct elf_info *info)
{
	if (info->machine != EM_ARM)
		return false;
	/* Tag_ABI_VFP_args 1: arguments are passed in VFP registers. */
	return (info->flags & EF_ARM_ABI_FLOAT_HARD) || info->tag_abi_vfp_args == 1;
}

/* Tag_CPU_arch values, ARM IHI 0045 (names as in binutils, "-A" added for v8/v9). */
static const char *const arm_cpu_arch_names[] = {
	"pre-v4", "v4", "v4T", "v5T", "v5TE", "v5TEJ", "v6", "v6KZ", "v6T2",
	"v6K", "v7", "v6-M", "v6S-M", "v7E-M", "v8-A", "v8-R", "v8-M.baseline",
	"v8-M.mainline", "v8.1-A", "v8.2-A", "v8.3-A", "v8.1-M.mainline", "v9-A",
};

/* Tag_FP_arch values, ARM IHI 0045. */
static const char *const arm_fp_arch_names[] = {
	"none", "VFPv1", "VFPv2", "VFPv3", "VFPv3-D16", "VFPv4", "VFPv4-D16",
	"FP-ARMv8", "FP-ARMv8-D16",
};

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

const char *elf_arm_cpu_arch_name(int tag_cpu_arch)
{
	if (tag_cpu_arch < 0 || (size_t)tag_cpu_arch >= ARRAY_SIZE(arm_cpu_arch_names))
		return NULL;
	return arm_cpu_arch_names[tag_cpu_arch];
}

const char *elf_arm_fp_arch_name(int tag_fp_arch)
{
	if (tag_fp_arch < 0 || (size_t)tag_fp_arch >= ARRAY_SIZE(arm_fp_arch_names))
		return NULL;
	return arm_fp_arch_names[tag_fp_arch];
}

const char *elf_machine_name(unsigned int machine)
{
	switch (machine) {
	case EM_386:
		return "i386";
	case EM_X86_64:
		return "x86-64";
	case EM_ARM:
		return "ARM";
	case EM_AARCH64:
		return "AArch64";
	case EM_MIPS:
		return "MIPS";
	case EM_PPC:
		return "PowerPC";
	case EM_PPC64:
		return "PowerPC64";
	case EM_S390:
		return "S/390";
	case EM_RISCV:
		return "RISC-V";
	case EM_LOONGARCH:
		return "LoongArch";
	default:
		return NULL;
	}
}
