/* Descriptors that are kernel objects: a socket pair between two processes, a Unix-domain
 * listening socket, UDP over the loopback interface, sendmsg/recvmsg with several iovecs,
 * socket options, eventfd (counter and semaphore), epoll, timerfd, memfd; and prctl's thread
 * name and the scheduler queries. argv[1]: a scratch directory for the socket's path. Prints
 * results and data, not addresses or ports, so that runs can be compared line by line. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define T(name, expr)                                                                    \
    do {                                                                                 \
        errno = 0;                                                                       \
        long r_ = (long)(expr);                                                          \
        printf("%-14s %ld %s\n", name, r_, r_ < 0 ? strerror(errno) : "");              \
    } while (0)

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    int sv[2];
    T("socketpair", socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
    pid_t child = fork();
    if (child == 0) {
        close(sv[0]);
        char buf[32] = {0};
        read(sv[1], buf, sizeof buf - 1);
        for (char *c = buf; *c; c++) *c = *c >= 'a' && *c <= 'z' ? *c - 32 : *c;
        write(sv[1], buf, strlen(buf));
        _exit(0);
    }
    close(sv[1]);
    write(sv[0], "between processes", 17);
    char back[32] = {0};
    T("read back", read(sv[0], back, sizeof back - 1));
    printf("child answered: %s\n", back);
    waitpid(child, 0, 0);
    close(sv[0]);

    /* sendmsg/recvmsg with gathered and scattered pieces. */
    T("dgram pair", socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
    struct iovec out[3] = {{"one ", 4}, {"two ", 4}, {"three", 5}};
    struct msghdr mh = {.msg_iov = out, .msg_iovlen = 3};
    T("sendmsg", sendmsg(sv[0], &mh, 0));
    char a[6] = {0}, b[16] = {0};
    struct iovec in[2] = {{a, 5}, {b, 15}};
    struct msghdr rh = {.msg_iov = in, .msg_iovlen = 2};
    T("recvmsg", recvmsg(sv[1], &rh, 0));
    printf("pieces [%s] [%s] flags %d\n", a, b, rh.msg_flags);
    int type = 0;
    socklen_t len = sizeof type;
    T("getsockopt", getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &type, &len));
    printf("SO_TYPE %d len %d\n", type, (int)len);
    int big = 65536;
    T("setsockopt", setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &big, sizeof big));
    T("shutdown", shutdown(sv[0], SHUT_RDWR));
    close(sv[0]);
    close(sv[1]);

    /* A Unix-domain server and client in one process. */
    struct sockaddr_un un = {.sun_family = AF_UNIX};
    snprintf(un.sun_path, sizeof un.sun_path, "%s/sock", argv[1]);
    unlink(un.sun_path);
    int srv = socket(AF_UNIX, SOCK_STREAM, 0);
    T("bind unix", bind(srv, (struct sockaddr *)&un, sizeof un));
    T("listen", listen(srv, 4));
    int cli = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    T("connect unix", connect(cli, (struct sockaddr *)&un, sizeof un));
    struct sockaddr_un peer;
    socklen_t plen = sizeof peer;
    int conn = accept(srv, (struct sockaddr *)&peer, &plen);
    T("accept", conn >= 0);
    printf("peer family %d\n", peer.sun_family);
    T("send", send(cli, "over a path", 11, 0));
    char got[16] = {0};
    T("recv", recv(conn, got, sizeof got - 1, 0));
    printf("server got: %s\n", got);
    struct sockaddr_un me;
    socklen_t mlen = sizeof me;
    T("getsockname", getsockname(srv, (struct sockaddr *)&me, &mlen));
    printf("bound path matches %d\n", strcmp(me.sun_path, un.sun_path) == 0);
    close(conn);
    close(cli);
    close(srv);
    unlink(un.sun_path);

    /* UDP over the loopback interface. */
    int u1 = socket(AF_INET, SOCK_DGRAM, 0), u2 = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in lo = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    T("bind udp", bind(u1, (struct sockaddr *)&lo, sizeof lo));
    socklen_t llen = sizeof lo;
    getsockname(u1, (struct sockaddr *)&lo, &llen);
    printf("udp family %d, port assigned %d\n", lo.sin_family, ntohs(lo.sin_port) != 0);
    T("sendto", sendto(u2, "datagram", 8, 0, (struct sockaddr *)&lo, sizeof lo));
    struct sockaddr_in from;
    socklen_t flen = sizeof from;
    char dg[16] = {0};
    T("recvfrom", recvfrom(u1, dg, sizeof dg - 1, 0, (struct sockaddr *)&from, &flen));
    printf("udp got %s from %s\n", dg, inet_ntoa(from.sin_addr));
    close(u1);
    close(u2);

    /* eventfd: a counter, and a semaphore. */
    int e = eventfd(3, 0);
    unsigned long long v = 4;
    T("eventfd write", write(e, &v, 8));
    T("eventfd read", read(e, &v, 8));
    printf("counter %llu\n", v);
    int s = eventfd(2, EFD_SEMAPHORE | EFD_NONBLOCK);
    read(s, &v, 8);
    printf("semaphore gives %llu\n", v);
    read(s, &v, 8);
    T("third take", read(s, &v, 8));

    /* epoll over an eventfd and a pipe. */
    int p[2];
    pipe(p);
    int ep = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event ev = {.events = EPOLLIN, .data.u64 = 0x1122334455667788ULL};
    T("epoll_ctl e", epoll_ctl(ep, EPOLL_CTL_ADD, e, &ev));
    ev.data.u64 = 42;
    T("epoll_ctl p", epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
    struct epoll_event got_ev[4];
    T("epoll_wait none", epoll_wait(ep, got_ev, 4, 10));
    write(p[1], "x", 1);
    T("epoll_wait one", epoll_wait(ep, got_ev, 4, 1000));
    printf("ready data %llu events %u\n", (unsigned long long)got_ev[0].data.u64, got_ev[0].events);
    v = 1;
    write(e, &v, 8);
    int n = epoll_wait(ep, got_ev, 4, 1000);
    unsigned long long sum = 0;
    for (int k = 0; k < n; k++) sum += got_ev[k].data.u64;
    printf("two ready: %d, data sum %llx\n", n, sum);

    /* timerfd: two expirations of a 5 ms interval. */
    int tf = timerfd_create(CLOCK_MONOTONIC, 0);
    struct itimerspec its = {{0, 5000000}, {0, 5000000}};
    T("timerfd_settime", timerfd_settime(tf, 0, &its, 0));
    unsigned long long total = 0;
    while (total < 2) {
        read(tf, &v, 8);
        total += v;
    }
    printf("expirations reached %d\n", total >= 2);
    struct itimerspec cur;
    T("timerfd_gettime", timerfd_gettime(tf, &cur));
    printf("interval %ld ns\n", (long)cur.it_interval.tv_nsec);

    /* memfd. */
    int m = memfd_create("scratch", MFD_CLOEXEC);
    write(m, "in memory", 9);
    char mb[16] = {0};
    T("pread memfd", pread(m, mb, 9, 0));
    printf("memfd holds %s\n", mb);

    char name[16] = {0};
    T("prctl set", prctl(PR_SET_NAME, "sockets-test"));
    T("prctl get", prctl(PR_GET_NAME, name));
    printf("name %s\n", name);
    T("getscheduler", sched_getscheduler(0));
    T("prio max", sched_get_priority_max(SCHED_FIFO));
    return 0;
}
