/* Reading a real file named by argv[1] with stdio and POSIX calls: size from fstat and from
 * seeking, line and byte counts, a checksum, and a missing file's errno. Expected output:
 * qemu-ppc64 running the same binary on the same file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        printf("fopen failed: %s\n", strerror(errno));
        return 1;
    }
    char line[512];
    unsigned lines = 0, longest = 0;
    unsigned long sum = 0;
    while (fgets(line, sizeof line, f)) {
        lines++;
        size_t n = strlen(line);
        if (n > longest) longest = (unsigned)n;
        for (size_t i = 0; i < n; i++) sum = sum * 131 + (unsigned char)line[i];
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    rewind(f);
    int c0 = fgetc(f);
    fclose(f);
    printf("lines %u longest %u size %ld first %d sum %lu\n", lines, longest, size, c0, sum);
    int fd = open(argv[1], O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) return 3;
    printf("fstat size %lld regular %d\n", (long long)st.st_size, S_ISREG(st.st_mode));
    char buf[100];
    lseek(fd, 10, SEEK_SET);
    ssize_t got = read(fd, buf, 20);
    printf("pread-like %zd [%.*s]\n", got, (int)(got > 0 ? got : 0), buf);
    close(fd);
    printf("read after close: %zd errno %d\n", read(fd, buf, 1), errno);
    errno = 0;
    FILE *g = fopen("/nonexistent/oxenon/file", "r");
    printf("missing: %s errno %d\n", g ? "opened" : "null", errno);
    struct stat st2;
    printf("stat dir: %d isdir %d\n", stat("/", &st2), S_ISDIR(st2.st_mode));
    return 0;
}
