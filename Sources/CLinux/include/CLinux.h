#ifndef LOBBY_CLINUX_H
#define LOBBY_CLINUX_H
/*
 * Thin wrappers over Linux syscalls that Swift imports badly: `struct epoll_event` is packed on x86_64,
 * fcntl is variadic, and several constants are macros. Everything returns the syscall's result; errors are
 * in errno (read with lobby_errno()).
 */
#include <stdint.h>
#include <stddef.h>
#include <sys/types.h>
#include <sys/uio.h>

/* One readiness report: the 64-bit token registered with the fd, and the EPOLL* bits. */
typedef struct {
    uint64_t token;
    uint32_t events;
} lobby_epoll_event;

/* Readiness bits, unpacked from the epoll macros. */
extern const uint32_t LOBBY_EPOLLIN;
extern const uint32_t LOBBY_EPOLLOUT;
extern const uint32_t LOBBY_EPOLLERR;
extern const uint32_t LOBBY_EPOLLHUP;
extern const uint32_t LOBBY_EPOLLRDHUP;

int lobby_errno(void);
int lobby_epoll_create(void);
int lobby_epoll_add(int epfd, int fd, uint32_t events, uint64_t token);
int lobby_epoll_mod(int epfd, int fd, uint32_t events, uint64_t token);
int lobby_epoll_del(int epfd, int fd);
/* Waits and copies up to `max` events into `out` (a scratch array of packed events is kept per call site). */
int lobby_epoll_wait(int epfd, lobby_epoll_event *out, int max, int timeout_ms);

int lobby_eventfd(void);
int lobby_eventfd_signal(int fd);
int lobby_eventfd_drain(int fd);

/* A listening TCP socket, non-blocking, SO_REUSEADDR (+ SO_REUSEPORT when reuseport != 0). host may be NULL. */
int lobby_listen_tcp(const char *host, int port, int backlog, int reuseport);
/* The port a socket is bound to, or -1. */
int lobby_local_port(int fd);
/* accept4 with SOCK_NONBLOCK|SOCK_CLOEXEC and TCP_NODELAY; peer address written as text into ip (>= 46 bytes). */
int lobby_accept(int listen_fd, char *ip, size_t iplen);
/* A non-blocking TCP connection to host:port (numeric IPv4/IPv6). Returns fd; connect may be in progress.
   If source_ip is non-NULL, binds it first (IP_BIND_ADDRESS_NO_PORT). */
int lobby_connect_tcp(const char *host, int port, const char *source_ip);
/* 0 when a non-blocking connect finished successfully, else the socket error. */
int lobby_socket_error(int fd);
/* Bytes in a TCP socket's send queue, not yet acknowledged by the peer (SIOCOUTQ), or -1. */
int lobby_socket_outq(int fd);
int lobby_set_nodelay(int fd);
/* TCP_NOTSENT_LOWAT: the socket takes (and reports writable for) at most this many bytes not yet sent. */
int lobby_set_notsent_lowat(int fd, int bytes);
int lobby_set_nonblocking(int fd);

ssize_t lobby_read(int fd, void *buf, size_t len);
ssize_t lobby_write(int fd, const void *buf, size_t len);
ssize_t lobby_writev(int fd, const struct iovec *iov, int iovcnt);
int lobby_close(int fd);
int lobby_shutdown_write(int fd);
/* Closes with SO_LINGER 0 (an RST): for connections we abandon. */
int lobby_abort(int fd);

/* CPUs this process may run on (sched_getaffinity), so `taskset -c 0` means one loop. */
int lobby_available_cpus(void);
/* Pins the calling thread to one CPU (index in the affinity set); -1 on error. */
int lobby_raise_nofile(void);
long lobby_max_iov(void);

/* Blocks SIGTERM, SIGINT, SIGPIPE(ignored) in the calling thread (call before starting threads) and returns a
   signalfd for SIGTERM/SIGINT/SIGHUP. */
int lobby_signalfd_for_shutdown(void);
/* Reads one signal from a signalfd; returns the signal number or -1. */
int lobby_signalfd_read(int fd);
void lobby_ignore_sigpipe(void);

uint64_t lobby_monotonic_ns(void);
/* Sleeps until CLOCK_MONOTONIC reaches deadline_ns (absolute, so no drift; restarted after signals). */
int lobby_sleep_until_ns(uint64_t deadline_ns);
/* Sets the calling thread's nice value (negative needs CAP_SYS_NICE); 0 or -1 with errno. */
int lobby_set_thread_nice(int nice_value);
/* Moves the calling thread to SCHED_FIFO at `priority` (1-99; needs CAP_SYS_NICE); 0 or an errno value. */
int lobby_set_thread_fifo(int priority);
/* Moves the calling thread back to SCHED_OTHER; 0 or an errno value. */
int lobby_set_thread_other(void);
int64_t lobby_realtime_ms(void);
/* Resident set size of a process in KiB from /proc/PID/status (0 for self), or -1. */
long lobby_rss_kb(int pid);
/* CPU time (user+system) of a process in clock ticks from /proc/PID/stat, or -1. */
long long lobby_cpu_ticks(int pid);
long lobby_clock_ticks_per_second(void);
/* Sets the calling thread's name (<= 15 chars). */
void lobby_set_thread_name(const char *name);
#endif
