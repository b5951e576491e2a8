// Non-variadic wrappers around libmicrohttpd, which Swift cannot call directly.
#ifndef CMICROHTTPD_H
#define CMICROHTTPD_H

#include <stdarg.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <microhttpd.h>

/// Starts a daemon on `host` (an IPv4 address in dotted form) and `port`
/// (0 picks a free one). Signals are blocked while MHD creates its threads,
/// so a terminal's Ctrl-C always reaches the shell's own thread. URLs and query
/// arguments reach the handler still percent-encoded (only '+' becomes a space).
struct MHD_Daemon *cmhd_start(unsigned flags, const char *host, uint16_t port,
                              MHD_AccessHandlerCallback handler, void *handler_cls,
                              MHD_RequestCompletedCallback done, void *done_cls,
                              unsigned timeout_seconds, size_t memory_limit);

/// The port the daemon listens on.
uint16_t cmhd_bound_port(struct MHD_Daemon *daemon);

static inline ssize_t cmhd_end_of_stream(void) {
  return MHD_CONTENT_READER_END_OF_STREAM;
}
static inline ssize_t cmhd_end_with_error(void) {
  return MHD_CONTENT_READER_END_WITH_ERROR;
}
static inline uint64_t cmhd_size_unknown(void) { return MHD_SIZE_UNKNOWN; }

#endif
