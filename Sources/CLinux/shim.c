#define _GNU_SOURCE
#include "CLinux.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <time.h>
#include <unistd.h>
#include <pthread.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <linux/sockios.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/syscall.h>

const uint32_t LOBBY_EPOLLIN = EPOLLIN;
const uint32_t LOBBY_EPOLLOUT = EPOLLOUT;
const uint32_t LOBBY_EPOLLERR = EPOLLERR;
const uint32_t LOBBY_EPOLLHUP = EPOLLHUP;
const uint32_t LOBBY_EPOLLRDHUP = EPOLLRDHUP;

int lobby_errno(void) { return errno; }

int lobby_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

int lobby_epoll_add(int epfd, int fd, uint32_t events, uint64_t token) {
    struct epoll_event ev = { .events = events, .data = { .u64 = token } };
    return epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev);
}

int lobby_epoll_mod(int epfd, int fd, uint32_t events, uint64_t token) {
    struct epoll_event ev = { .events = events, .data = { .u64 = token } };
    return epoll_ctl(epfd, EPOLL_CTL_MOD, fd, &ev);
}

int lobby_epoll_del(int epfd, int fd) {
    struct epoll_event ev = { 0 };
    return epoll_ctl(epfd, EPOLL_CTL_DEL, fd, &ev);
}

int lobby_epoll_wait(int epfd, lobby_epoll_event *out, int max, int timeout_ms) {
    struct epoll_event evs[1024];
    if (max > 1024) max = 1024;
    int n;
    do { n = epoll_wait(epfd, evs, max, timeout_ms); } while (n < 0 && errno == EINTR);
    for (int i = 0; i < n; i++) { out[i].token = evs[i].data.u64; out[i].events = evs[i].events; }
    return n;
}

int lobby_eventfd(void) { return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); }
int lobby_eventfd_signal(int fd) { uint64_t one = 1; return (int)write(fd, &one, sizeof one); }
int lobby_eventfd_drain(int fd) { uint64_t v; return (int)read(fd, &v, sizeof v); }

int lobby_listen_tcp(const char *host, int port, int backlog, int reuseport) {
    struct sockaddr_storage ss; socklen_t len; memset(&ss, 0, sizeof ss);
    int family = AF_INET;
    struct sockaddr_in *v4 = (struct sockaddr_in *)&ss;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&ss;
    if (host && strchr(host, ':')) {
        family = AF_INET6; v6->sin6_family = AF_INET6; v6->sin6_port = htons(port); len = sizeof *v6;
        if (inet_pton(AF_INET6, host, &v6->sin6_addr) != 1) { errno = EINVAL; return -1; }
    } else {
        v4->sin_family = AF_INET; v4->sin_port = htons(port); len = sizeof *v4;
        if (!host || !*host) v4->sin_addr.s_addr = htonl(INADDR_ANY);
        else if (inet_pton(AF_INET, host, &v4->sin_addr) != 1) { errno = EINVAL; return -1; }
    }
    int fd = socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (reuseport) setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    if (bind(fd, (struct sockaddr *)&ss, len) < 0 || listen(fd, backlog) < 0) {
        int e = errno; close(fd); errno = e; return -1;
    }
    return fd;
}

int lobby_local_port(int fd) {
    struct sockaddr_storage ss; socklen_t len = sizeof ss;
    if (getsockname(fd, (struct sockaddr *)&ss, &len) < 0) return -1;
    if (ss.ss_family == AF_INET) return ntohs(((struct sockaddr_in *)&ss)->sin_port);
    if (ss.ss_family == AF_INET6) return ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
    return -1;
}

int lobby_accept(int listen_fd, char *ip, size_t iplen) {
    struct sockaddr_storage ss; socklen_t len = sizeof ss;
    int fd = accept4(listen_fd, (struct sockaddr *)&ss, &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) return -1;
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (ip && iplen) {
        ip[0] = 0;
        if (ss.ss_family == AF_INET) inet_ntop(AF_INET, &((struct sockaddr_in *)&ss)->sin_addr, ip, iplen);
        else if (ss.ss_family == AF_INET6) inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&ss)->sin6_addr, ip, iplen);
    }
    return fd;
}

int lobby_connect_tcp(const char *host, int port, const char *source_ip) {
    struct sockaddr_storage ss; socklen_t len; memset(&ss, 0, sizeof ss);
    int family = strchr(host, ':') ? AF_INET6 : AF_INET;
    if (family == AF_INET6) {
        struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss; a->sin6_family = AF_INET6; a->sin6_port = htons(port);
        if (inet_pton(AF_INET6, host, &a->sin6_addr) != 1) { errno = EINVAL; return -1; }
        len = sizeof *a;
    } else {
        struct sockaddr_in *a = (struct sockaddr_in *)&ss; a->sin_family = AF_INET; a->sin_port = htons(port);
        if (inet_pton(AF_INET, host, &a->sin_addr) != 1) { errno = EINVAL; return -1; }
        len = sizeof *a;
    }
    int fd = socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (source_ip && family == AF_INET) {
        struct sockaddr_in src; memset(&src, 0, sizeof src); src.sin_family = AF_INET;
        if (inet_pton(AF_INET, source_ip, &src.sin_addr) == 1) {
#ifdef IP_BIND_ADDRESS_NO_PORT
            setsockopt(fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
#endif
            if (bind(fd, (struct sockaddr *)&src, sizeof src) < 0) { int e = errno; close(fd); errno = e; return -1; }
        }
    }
    if (connect(fd, (struct sockaddr *)&ss, len) < 0 && errno != EINPROGRESS) {
        int e = errno; close(fd); errno = e; return -1;
    }
    return fd;
}

int lobby_socket_error(int fd) {
    int err = 0; socklen_t len = sizeof err;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0) return errno;
    return err;
}

int lobby_socket_outq(int fd) {
    int n = 0;
    return ioctl(fd, SIOCOUTQ, &n) == 0 ? n : -1;
}

int lobby_set_nodelay(int fd) { int one = 1; return setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one); }

int lobby_set_nonblocking(int fd) {
    int flags = fcntl(fd, F_GETFL, 0);
    if (flags < 0) return -1;
    return fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

ssize_t lobby_read(int fd, void *buf, size_t len) {
    ssize_t n; do { n = read(fd, buf, len); } while (n < 0 && errno == EINTR); return n;
}
ssize_t lobby_write(int fd, const void *buf, size_t len) {
    ssize_t n; do { n = send(fd, buf, len, MSG_NOSIGNAL); } while (n < 0 && errno == EINTR); return n;
}
ssize_t lobby_writev(int fd, const struct iovec *iov, int iovcnt) {
    struct msghdr m; memset(&m, 0, sizeof m); m.msg_iov = (struct iovec *)iov; m.msg_iovlen = iovcnt;
    ssize_t n; do { n = sendmsg(fd, &m, MSG_NOSIGNAL); } while (n < 0 && errno == EINTR); return n;
}
int lobby_close(int fd) { return close(fd); }
int lobby_shutdown_write(int fd) { return shutdown(fd, SHUT_WR); }
int lobby_abort(int fd) {
    struct linger l = { .l_onoff = 1, .l_linger = 0 };
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    return close(fd);
}

int lobby_available_cpus(void) {
    cpu_set_t set; CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0) { int n = CPU_COUNT(&set); if (n > 0) return n; }
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

int lobby_raise_nofile(void) {
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) < 0) return -1;
    if (rl.rlim_cur < rl.rlim_max) { rl.rlim_cur = rl.rlim_max; setrlimit(RLIMIT_NOFILE, &rl); getrlimit(RLIMIT_NOFILE, &rl); }
    return (int)rl.rlim_cur;
}

long lobby_max_iov(void) { long n = sysconf(_SC_IOV_MAX); return n > 0 ? n : 1024; }

int lobby_signalfd_for_shutdown(void) {
    sigset_t set; sigemptyset(&set);
    sigaddset(&set, SIGTERM); sigaddset(&set, SIGINT); sigaddset(&set, SIGHUP);
    if (pthread_sigmask(SIG_BLOCK, &set, NULL) != 0) return -1;
    signal(SIGPIPE, SIG_IGN);
    return signalfd(-1, &set, SFD_CLOEXEC);
}

int lobby_signalfd_read(int fd) {
    struct signalfd_siginfo info;
    ssize_t n; do { n = read(fd, &info, sizeof info); } while (n < 0 && errno == EINTR);
    return n == (ssize_t)sizeof info ? (int)info.ssi_signo : -1;
}

void lobby_ignore_sigpipe(void) { signal(SIGPIPE, SIG_IGN); }

uint64_t lobby_monotonic_ns(void) {
    struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

int64_t lobby_realtime_ms(void) {
    struct timespec ts; clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

long lobby_rss_kb(int pid) {
    char path[64];
    if (pid > 0) snprintf(path, sizeof path, "/proc/%d/status", pid); else snprintf(path, sizeof path, "/proc/self/status");
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    char line[256]; long kb = -1;
    while (fgets(line, sizeof line, f)) { if (strncmp(line, "VmRSS:", 6) == 0) { kb = strtol(line + 6, NULL, 10); break; } }
    fclose(f);
    return kb;
}

long long lobby_cpu_ticks(int pid) {
    char path[64];
    if (pid > 0) snprintf(path, sizeof path, "/proc/%d/stat", pid); else snprintf(path, sizeof path, "/proc/self/stat");
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    char buf[1024]; size_t n = fread(buf, 1, sizeof buf - 1, f); fclose(f); buf[n] = 0;
    char *p = strrchr(buf, ')'); if (!p) return -1;
    /* fields after ')' : state(3) ... utime(14) stime(15) */
    long long ut = 0, st = 0; int field = 2; p++;
    char *tok = strtok(p, " ");
    while (tok) { field++; if (field == 14) ut = atoll(tok); if (field == 15) { st = atoll(tok); break; } tok = strtok(NULL, " "); }
    return ut + st;
}

long lobby_clock_ticks_per_second(void) { return sysconf(_SC_CLK_TCK); }

void lobby_set_thread_name(const char *name) { pthread_setname_np(pthread_self(), name); }

int lobby_sleep_until_ns(uint64_t deadline_ns) {
    struct timespec ts;
    ts.tv_sec = (time_t)(deadline_ns / 1000000000ull);
    ts.tv_nsec = (long)(deadline_ns % 1000000000ull);
    int rc;
    do {
        rc = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);
    } while (rc == EINTR);
    return rc;
}

int lobby_set_thread_nice(int nice_value) {
    pid_t tid = (pid_t)syscall(SYS_gettid);
    return setpriority(PRIO_PROCESS, (id_t)tid, nice_value);
}

int lobby_set_thread_fifo(int priority) {
    struct sched_param param;
    memset(&param, 0, sizeof param);
    param.sched_priority = priority;
    return pthread_setschedparam(pthread_self(), SCHED_FIFO, &param);
}

int lobby_set_thread_other(void) {
    struct sched_param param;
    memset(&param, 0, sizeof param);
    return pthread_setschedparam(pthread_self(), SCHED_OTHER, &param);
}

int lobby_set_notsent_lowat(int fd, int bytes) {
    return setsockopt(fd, IPPROTO_TCP, TCP_NOTSENT_LOWAT, &bytes, sizeof bytes);
}
