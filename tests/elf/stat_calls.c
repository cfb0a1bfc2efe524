/* The stat family through raw system calls, with the kernel's own structures (asm/stat.h),
 * and through glibc (statx under the 32-bit ABI, newfstatat under ppc64). Prints what does
 * not depend on the machine: sizes, file types, link counts and how calls fail. */
#include <asm/stat.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int open(const char *, int, ...);

static void show(const char *what, long r, unsigned long long size, unsigned mode) {
    if (r != 0)
        printf("%s: %ld (%s)\n", what, r, strerror(errno));
    else
        printf("%s: size %llu type %o\n", what, size, mode & 0170000);
}

int main(int argc, char **argv) {
    const char *self = argv[0];
    struct stat st;
    long r = syscall(SYS_stat, self, &st);
    show("stat", r, r ? 0 : st.st_size, st.st_mode);
    r = syscall(SYS_lstat, "/", &st);
    show("lstat /", r, 0, st.st_mode);
    r = syscall(SYS_stat, "/nonexistent/file", &st);
    show("stat missing", r, 0, 0);
#ifdef SYS_stat64
    struct stat64 s64;
    r = syscall(SYS_stat64, self, &s64);
    show("stat64", r, r ? 0 : s64.st_size, s64.st_mode);
    int fd = open(self, 0);
    r = syscall(SYS_fstat64, fd, &s64);
    show("fstat64", r, r ? 0 : s64.st_size, s64.st_mode);
    r = syscall(SYS_fstatat64, -100, "/", &s64, 0);
    show("fstatat64 /", r, 0, s64.st_mode);
#else
    int fd = open(self, 0);
    r = syscall(SYS_fstat, fd, &st);
    show("fstat", r, r ? 0 : st.st_size, st.st_mode);
#endif
    printf("argc %d\n", argc);
    return 0;
}
