/* <string.h>, <ctype.h> and number parsing from <stdlib.h>. Expected output: qemu-ppc64
 * running the same binary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>

int main(void) {
    char buf[256];
    const char *text = "The quick brown fox jumps over the lazy dog";
    printf("strlen=%zu\n", strlen(text));
    printf("strchr=%s | strrchr=%s | strstr=%s\n", strchr(text, 'q'), strrchr(text, 'o'),
           strstr(text, "lazy"));
    printf("strcmp=%d %d %d strncmp=%d\n", strcmp("abc", "abd") < 0, strcmp("b", "a") > 0,
           strcmp("same", "same"), strncmp("prefix-a", "prefix-b", 7));
    printf("strspn=%zu strcspn=%zu\n", strspn("aaabbbccc", "ab"), strcspn(text, "xyz"));
    strcpy(buf, "alpha");
    strcat(buf, "-beta");
    strncat(buf, "-gammadelta", 6);
    printf("built=%s\n", buf);
    memset(buf, 0, sizeof buf);
    strncpy(buf, "short", 10);
    printf("strncpy=%s pad=%d\n", buf, buf[7]);
    char tok[] = "a,b;;c, d ,e";
    for (char *t = strtok(tok, ",; "); t; t = strtok(NULL, ",; ")) printf("[%s]", t);
    printf("\n");
    for (const char *p = "Mixed Case 123!"; *p; p++)
        putchar(isalpha((unsigned char)*p) ? toupper((unsigned char)*p) : *p == ' ' ? '_' : *p);
    putchar('\n');
    printf("strtol=%ld %ld %ld %ld\n", strtol("-12345", NULL, 10), strtol("0x7fff", NULL, 16),
           strtol("0777", NULL, 0), strtol("zz", NULL, 36));
    errno = 0;
    long big = strtol("99999999999999999999", NULL, 10);
    printf("overflow=%ld erange=%d\n", big, errno == ERANGE);
    printf("strtoul=%lu strtoull=%llu atoi=%d\n", strtoul("4294967295", NULL, 10),
           strtoull("18446744073709551615", NULL, 10), atoi("  -42xyz"));
    char *end;
    double dv = strtod("  6.02214076e23 rest", &end);
    printf("strtod=%.17g rest=[%s] %.17g %.17g\n", dv, end, strtod("0x1.8p3", NULL),
           strtod("-1e-310", NULL));
    printf("strtof=%.9g atof=%.17g\n", strtof("3.14159274", NULL), atof("2.718281828459045"));
    unsigned char bytes[64];
    for (int i = 0; i < 64; i++) bytes[i] = (unsigned char)(i * 37);
    printf("memcmp=%d memchr=%td\n", memcmp(bytes, bytes + 1, 10) != 0,
           (unsigned char *)memchr(bytes, 74, 64) - bytes);
    char dup_src[] = "duplicate me";
    char *dup = strdup(dup_src);
    printf("strdup=%s same=%d\n", dup, dup != dup_src);
    free(dup);
    printf("sprintf=%d\n", sprintf(buf, "%s/%d/%.3f", "path", 7, 0.125));
    printf("%s\n", buf);
    long long lens = 0;
    for (int i = 0; i < 200; i++) {
        memset(buf, 'a' + i % 26, i % 255);
        buf[i % 255] = 0;
        lens += strlen(buf) * (i + 1);
    }
    printf("lens=%lld\n", lens);
    return 0;
}
