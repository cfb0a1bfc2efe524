/* Creating, writing, appending, truncating, renaming and removing files and a directory in
 * the directory named by argv[1], with stdio and POSIX calls, and reading each result back;
 * listing the directory and working in it after chdir.
 * Every step prints what it saw, errors by errno name, so the output shows the file system
 * as the guest sees it. Expected output: qemu-ppc64 running the same binary. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[4096];

static const char *at(const char *name) {
    static char buf[2][4200];
    static int k;
    k ^= 1;
    snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
    return buf[k];
}

static void show(const char *what, int r) {
    if (r < 0)
        printf("%s: -1 (%s)\n", what, strerror(errno));
    else
        printf("%s: %d\n", what, r);
}

static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The directory's entries, sorted (the order readdir gives is the file system's). */
static void list(void) {
    DIR *d = opendir(dir);
    if (!d) {
        printf("opendir: %s\n", strerror(errno));
        return;
    }
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 64) names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, n, sizeof *names, by_name);
    printf("ls:");
    for (int i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

static void cat(const char *name) {
    FILE *f = fopen(at(name), "r");
    if (!f) {
        printf("cat %s: %s\n", name, strerror(errno));
        return;
    }
    char line[256];
    printf("cat %s:", name);
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        printf(" [%s]", line);
    }
    printf(" size %ld\n", ftell(f));
    fclose(f);
}

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    snprintf(dir, sizeof dir, "%s/oxenon-write-test", argv[1]);
    show("mkdir", mkdir(dir, 0755));
    show("mkdir again", mkdir(dir, 0755));

    FILE *f = fopen(at("a.txt"), "w");
    fprintf(f, "first line\nsecond line %d\n", 42);
    fclose(f);
    cat("a.txt");

    f = fopen(at("a.txt"), "a");
    fputs("appended\n", f);
    fclose(f);
    cat("a.txt");

    int fd = open(at("a.txt"), O_RDWR);
    show("lseek end", (int)lseek(fd, 0, SEEK_END));
    show("ftruncate", ftruncate(fd, 11));
    show("pwrite", (int)pwrite(fd, "FIRST", 5, 0));
    struct stat st;
    fstat(fd, &st);
    printf("size after ftruncate %lld, mode %o\n", (long long)st.st_size, st.st_mode & 0777);
    printf("F_GETFL access %d\n", fcntl(fd, F_GETFL) & O_ACCMODE);
    show("close", close(fd));
    cat("a.txt");

    show("create exclusive", fd = open(at("b.txt"), O_WRONLY | O_CREAT | O_EXCL, 0600));
    show("write", (int)write(fd, "bee\n", 4));
    close(fd);
    show("create exclusive again", open(at("b.txt"), O_WRONLY | O_CREAT | O_EXCL, 0600));
    show("chmod", chmod(at("b.txt"), 0640));
    stat(at("b.txt"), &st);
    printf("b.txt mode %o\n", st.st_mode & 0777);

    fd = open(at("c.txt"), O_RDONLY | O_CREAT, 0644);
    show("create for reading", fd >= 0 ? 0 : -1);
    show("write to read-only", (int)write(fd, "x", 1));
    close(fd);
    cat("c.txt");

    list();
    show("rename", rename(at("b.txt"), at("d.txt")));
    list();
    char cwd[4096];
    getcwd(cwd, sizeof cwd);
    show("chdir", chdir(dir));
    f = fopen("d.txt", "r");
    printf("relative open after chdir: %s\n", f ? "found" : strerror(errno));
    if (f) fclose(f);
    show("opendir a file", opendir("d.txt") ? 0 : -1);
    show("chdir back", chdir(cwd));
    cat("b.txt");
    cat("d.txt");
    show("unlink missing", unlink(at("b.txt")));
    show("rmdir non-empty", rmdir(dir));
    show("unlink a", unlink(at("a.txt")));
    show("unlink c", unlink(at("c.txt")));
    show("unlink d", unlink(at("d.txt")));
    show("rmdir", rmdir(dir));
    show("stat removed", stat(dir, &st));
    return 0;
}
