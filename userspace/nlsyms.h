/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libnl for netlink.c, opened with dlopen() by nlsyms_load() instead of
 * linked: libnl-genl-3 and libnl-3 would otherwise be mapped into every
 * run, although only --netlink and watch talk to the kernel over netlink.
 * The static CLI links libnl in, and the table takes the linked addresses
 * (dynlib.h).
 *
 * Include after the libnl headers.  Each libnl function netlink.c calls is
 * redirected to a pointer of the same type (taken from libnl's own
 * prototype) in one table, so netlink.c keeps calling libnl by its names.
 * A call missing from NLSYMS() fails to link (no -lnl-3); one without its
 * #define below fails to compile.  Every one of them is a real function in
 * libnl 3 (none is a header inline or macro), so dlsym() finds them all.
 */
#ifndef EXECSTATE_NLSYMS_H
#define EXECSTATE_NLSYMS_H

#include <stddef.h>

#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>
#include <netlink/msg.h>
#include <netlink/netlink.h>

#ifndef LIBNL_GENL_SONAME
#define LIBNL_GENL_SONAME "libnl-genl-3.so.200"
#endif

/* libnl-genl-3 and, through its DT_NEEDED, libnl-3: one handle finds both. */
#define NLSYMS(X) \
	X(genl_connect) X(genl_ctrl_resolve) X(genl_ctrl_resolve_grp) X(genlmsg_parse) \
	X(genlmsg_put) \
	X(nl_cb_alloc) X(nl_cb_err) X(nl_cb_put) X(nl_cb_set) X(nl_geterror) \
	X(nl_recvmsgs) X(nl_send_auto) X(nl_socket_add_membership) X(nl_socket_alloc) \
	X(nl_socket_free) \
	X(nl_socket_get_fd) X(nla_data) X(nla_get_string) X(nla_get_u32) \
	X(nla_get_u64) X(nla_get_u8) X(nla_len) X(nla_parse) X(nla_put_u32) \
	X(nlmsg_alloc) \
	X(nlmsg_free) X(nlmsg_hdr)

struct nlsyms {
#define NLSYMS_SLOT(name) __typeof__(name) *name;
	NLSYMS(NLSYMS_SLOT)
#undef NLSYMS_SLOT
};

extern struct nlsyms nlsyms;

/*
 * Open libnl once per process.  Returns 0, or -ENOSYS with a message
 * naming the library and its package in @err.
 */
int nlsyms_load(char *err, size_t errlen);

#ifndef NLSYMS_LOADER
#define genl_connect (*nlsyms.genl_connect)
#define genl_ctrl_resolve (*nlsyms.genl_ctrl_resolve)
#define genl_ctrl_resolve_grp (*nlsyms.genl_ctrl_resolve_grp)
#define genlmsg_parse (*nlsyms.genlmsg_parse)
#define genlmsg_put (*nlsyms.genlmsg_put)
#define nl_cb_alloc (*nlsyms.nl_cb_alloc)
#define nl_cb_err (*nlsyms.nl_cb_err)
#define nl_cb_put (*nlsyms.nl_cb_put)
#define nl_cb_set (*nlsyms.nl_cb_set)
#define nl_geterror (*nlsyms.nl_geterror)
#define nl_recvmsgs (*nlsyms.nl_recvmsgs)
#define nl_send_auto (*nlsyms.nl_send_auto)
#define nl_socket_add_membership (*nlsyms.nl_socket_add_membership)
#define nl_socket_alloc (*nlsyms.nl_socket_alloc)
#define nl_socket_free (*nlsyms.nl_socket_free)
#define nl_socket_get_fd (*nlsyms.nl_socket_get_fd)
#define nla_data (*nlsyms.nla_data)
#define nla_get_string (*nlsyms.nla_get_string)
#define nla_get_u32 (*nlsyms.nla_get_u32)
#define nla_get_u64 (*nlsyms.nla_get_u64)
#define nla_get_u8 (*nlsyms.nla_get_u8)
#define nla_len (*nlsyms.nla_len)
#define nla_parse (*nlsyms.nla_parse)
#define nla_put_u32 (*nlsyms.nla_put_u32)
#define nlmsg_alloc (*nlsyms.nlmsg_alloc)
#define nlmsg_free (*nlsyms.nlmsg_free)
#define nlmsg_hdr (*nlsyms.nlmsg_hdr)
#endif

#endif
