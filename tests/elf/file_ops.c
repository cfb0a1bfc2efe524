/* File-system and process calls beyond reading and writing, through glibc: umask, temporary
 * files, flock and fcntl record locks, hard and symbolic links, utime/utimensat, ownership,
 * fallocate, fadvise, sendfile, realpath, statfs, process groups, priorities, msync, mlock,
 * mincore, sync, nftw and glob (directory descriptors), truncate, faccessat, waitid.
 * argv[1]: a scratch directory to create, use and remove. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include <sys/stat.h>
#include <sys/file.h>
#include <sys/statfs.h>
#include <sys/resource.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <sys/sendfile.h>
#include <utime.h>
#include <ftw.h>
#include <glob.h>
#include <dirent.h>
#include <limits.h>
#include <time.h>
#include <locale.h>
#include <wchar.h>
static int n_ftw;
static int visit(const char *p, const struct stat *sb, int flag, struct FTW *f) { (void)p; (void)sb; (void)flag; (void)f; n_ftw++; return 0; }
/* Prints each call's result (and the error for a failure), so that a run under qemu-user and one
 * under exec-elf can be compared line by line. */
#define T(name, expr) do { errno = 0; long _r = (long)(expr); printf("%-10s %ld %s\n", name, _r, _r < 0 ? strerror(errno) : ""); } while (0)
int main(int argc, char **argv) {
  if (argc < 2) return 2;
  const char *dir = argv[1];
  mkdir(dir, 0755); if (chdir(dir) != 0) { perror("chdir"); return 2; }
  T("umask", umask(022)); T("umask2", umask(077)); umask(022);
  FILE *tf = tmpfile(); T("tmpfile", tf != NULL); if (tf) { fputs("tmp", tf); rewind(tf); char b[8] = {0}; fgets(b, 8, tf); printf("tmp read %s\n", b); fclose(tf); }
  char tmpl[] = "fileXXXXXX"; int fd = mkstemp(tmpl); T("mkstemp", fd >= 0); write(fd, "hello world\n", 12);
  T("flock", flock(fd, LOCK_EX)); T("flock_un", flock(fd, LOCK_UN));
  struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 4}; T("setlk", fcntl(fd, F_SETLK, &fl));
  fl.l_type = F_UNLCK; T("unlk", fcntl(fd, F_SETLK, &fl));
  fl.l_type = F_RDLCK; T("getlk", fcntl(fd, F_GETLK, &fl)); printf("getlk type %d\n", fl.l_type == F_UNLCK);
  T("link", link(tmpl, "hard")); T("symlink", symlink(tmpl, "soft"));
  char buf[PATH_MAX]; ssize_t n = readlink("soft", buf, sizeof buf); buf[n > 0 ? n : 0] = 0; printf("readlink %s\n", strcmp(buf, tmpl) == 0 ? "ok" : buf);
  struct stat st; stat("hard", &st); printf("nlink %ld\n", (long)st.st_nlink);
  T("utime", utime("hard", &(struct utimbuf){1000000, 2000000})); stat("hard", &st); printf("mtime %ld\n", (long)st.st_mtime);
  T("utimensat", utimensat(AT_FDCWD, "hard", (struct timespec[2]){{5, 0}, {7, 0}}, 0)); stat("hard", &st); printf("mtime %ld\n", (long)st.st_mtime);
  T("fchmod", fchmod(fd, 0600)); T("chown", chown("hard", getuid(), getgid())); T("fchown", fchown(fd, getuid(), -1));
  T("fallocate", posix_fallocate(fd, 0, 100)); fstat(fd, &st); printf("size %ld\n", (long)st.st_size);
  T("fadvise", posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL));
  int out = open("copy", O_WRONLY | O_CREAT | O_TRUNC, 0644); off_t off = 0; T("sendfile", sendfile(out, fd, &off, 12)); close(out);
  T("realpath", realpath("soft", buf) != NULL); printf("realpath ends %s\n", strstr(buf, tmpl) ? "ok" : buf);
  struct statfs sf; T("statfs", statfs(".", &sf)); T("fstatfs", fstatfs(fd, &sf));
  T("getpgrp", getpgrp() > 0); T("getsid", getsid(0) > 0); T("getpgid", getpgid(0) > 0);
  gid_t gs[64]; T("getgroups", getgroups(64, gs) >= 0);
  T("getprio", getpriority(PRIO_PROCESS, 0) >= -20); T("nice", nice(0) >= -20);
  struct rlimit rl = {1 << 20, RLIM_INFINITY}; T("setrlimit", setrlimit(RLIMIT_STACK, &rl) == 0 || errno == EPERM);
  char *m = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0); T("msync", msync(m, 8192, MS_SYNC)); T("mlock", mlock(m, 4096) == 0 || errno == EPERM || errno == ENOMEM); munlock(m, 4096);
  unsigned char vec[2]; T("mincore", mincore(m, 8192, vec));
  T("sync", (sync(), 0)); T("fsync", fsync(fd)); T("fdatasync", fdatasync(fd));
  T("nftw", nftw(".", visit, 8, FTW_PHYS)); printf("ftw saw %d\n", n_ftw);
  glob_t g; T("glob", glob("*", 0, 0, &g)); printf("glob %zu\n", g.gl_pathc); globfree(&g);
  T("truncate", truncate("copy", 3)); stat("copy", &st); printf("copy size %ld\n", (long)st.st_size);
  T("access", access("copy", W_OK)); T("faccessat", faccessat(AT_FDCWD, "copy", R_OK, AT_EACCESS));
  pid_t c = fork(); if (c == 0) _exit(3); siginfo_t si; T("waitid", waitid(P_PID, c, &si, WEXITED)); printf("waitid status %d\n", si.si_status);
  setlocale(LC_ALL, "C.UTF-8"); wchar_t w[16]; T("mbstowcs", mbstowcs(w, "h\xc3\xa9llo", 16)); 
  char tb[64]; time_t t0 = 0; strftime(tb, sizeof tb, "%c", localtime(&t0)); printf("lt %s\n", tb);
  unlink("hard"); unlink("soft"); unlink("copy"); unlink(tmpl); close(fd); chdir("/"); T("rmdir", rmdir(dir));
  return 0;
}
