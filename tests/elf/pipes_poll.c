/* Descriptors beyond files: a pipe written and read (pipe and pipe2), poll and select on it
 * before and after data arrives and on a closed descriptor, dup2 onto a chosen number, a
 * file mapped
 * with mmap (the program's own ELF header) and an anonymous mapping grown with mremap.
 * Expected output: qemu-ppc64 running the same binary. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv) {
    (void)argc;
    int p[2];
    printf("pipe %d\n", pipe(p));
    struct pollfd pf[2] = {{p[0], POLLIN, 0}, {p[1], POLLOUT, 0}};
    int n = poll(pf, 2, 0);
    printf("poll empty: %d ready, read end %#x, write end %#x\n", n, pf[0].revents, pf[1].revents);
    printf("write %zd\n", write(p[1], "hello pipe", 10));
    n = poll(pf, 1, 100);
    printf("poll after write: %d ready, read end %#x\n", n, pf[0].revents);
    char buf[32] = {0};
    printf("read %zd [%s]\n", read(p[0], buf, sizeof buf - 1), buf);
    close(p[1]);
    n = poll(pf, 1, 100);
    printf("poll after close: %d ready, read end %#x\n", n, pf[0].revents & (POLLIN | POLLHUP));
    printf("read at end %zd\n", read(p[0], buf, sizeof buf));
    close(p[0]);
    struct pollfd bad = {p[0], POLLIN, 0};
    printf("poll closed: %d, revents %#x\n", poll(&bad, 1, 1000), bad.revents);

    int s[2];
    pipe(s);
    fd_set rd, wr;
    FD_ZERO(&rd);
    FD_ZERO(&wr);
    FD_SET(s[0], &rd);
    FD_SET(s[1], &wr);
    struct timeval tv = {0, 1000};
    n = select(s[1] + 1, &rd, &wr, NULL, &tv);
    printf("select empty: %d, readable %d, writable %d\n", n, FD_ISSET(s[0], &rd) != 0,
           FD_ISSET(s[1], &wr) != 0);
    write(s[1], "!", 1);
    FD_ZERO(&rd);
    FD_SET(s[0], &rd);
    tv.tv_sec = 1;
    n = select(s[0] + 1, &rd, NULL, NULL, &tv);
    printf("select after write: %d, readable %d\n", n, FD_ISSET(s[0], &rd) != 0);
    FD_ZERO(&rd);
    FD_SET(s[0] + 50, &rd);
    errno = 0;
    printf("select closed: %d (%s)\n", select(s[0] + 51, &rd, NULL, NULL, &tv),
           strerror(errno));

    int q[2];
    printf("pipe2 %d, cloexec %d\n", pipe2(q, O_CLOEXEC), (fcntl(q[0], F_GETFD) & FD_CLOEXEC) != 0);
    printf("dup2 %d\n", dup2(q[1], 20));
    dprintf(20, "through 20");
    memset(buf, 0, sizeof buf);
    printf("read %zd [%s]\n", read(q[0], buf, sizeof buf - 1), buf);

    int fd = open(argv[0], O_RDONLY);
    struct stat st;
    fstat(fd, &st);
    unsigned char *m = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    printf("mapped file: %s, header %02x %c%c%c class %d\n", m == MAP_FAILED ? "failed" : "ok",
           m[0], m[1], m[2], m[3], m[4]);
    munmap(m, st.st_size);
    close(fd);

    char *a = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    a[12345] = 42;
    a = mremap(a, 1 << 20, 8 << 20, MREMAP_MAYMOVE);
    printf("mremap: %s, kept %d, new end %d\n", a == MAP_FAILED ? "failed" : "ok", a[12345],
           a[(8 << 20) - 1]);
    return 0;
}
