#include "CMicroHTTPD.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>

// Leaves the URL and its query arguments percent-encoded: libmicrohttpd would decode
// them into C strings, where a decoded %00 cuts the path short and a decoded %2F is
// taken for a separator. The server decodes them itself.
static size_t keep_escaped(void *cls, struct MHD_Connection *connection, char *text) {
  (void)cls;
  (void)connection;
  return strlen(text);
}

struct MHD_Daemon *cmhd_start(unsigned flags, const char *host, uint16_t port,
                              MHD_AccessHandlerCallback handler, void *handler_cls,
                              MHD_RequestCompletedCallback done, void *done_cls,
                              unsigned timeout_seconds, size_t memory_limit) {
  struct sockaddr_in address;
  memset(&address, 0, sizeof(address));
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  if (inet_pton(AF_INET, host, &address.sin_addr) != 1) {
    return NULL;
  }

  sigset_t block, old;
  sigfillset(&block);
  sigdelset(&block, SIGSEGV);
  sigdelset(&block, SIGBUS);
  sigdelset(&block, SIGFPE);
  sigdelset(&block, SIGILL);
  sigdelset(&block, SIGTRAP);
  sigdelset(&block, SIGABRT);
  pthread_sigmask(SIG_BLOCK, &block, &old);
  struct MHD_Daemon *daemon = MHD_start_daemon(
      flags, port, NULL, NULL, handler, handler_cls,
      MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&address,
      MHD_OPTION_NOTIFY_COMPLETED, done, done_cls,
      MHD_OPTION_CONNECTION_TIMEOUT, timeout_seconds,
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, memory_limit,
      MHD_OPTION_UNESCAPE_CALLBACK, keep_escaped, NULL,
      MHD_OPTION_END);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  return daemon;
}

uint16_t cmhd_bound_port(struct MHD_Daemon *daemon) {
  const union MHD_DaemonInfo *info =
      MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
  return info ? info->port : 0;
}
