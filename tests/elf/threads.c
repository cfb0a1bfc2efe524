/* POSIX threads: creation and join (with return values), a mutex-protected counter under
 * contention, a condition variable handing work from a producer to consumers, a barrier,
 * pthread_once, thread-local storage and semaphores. Every printed value is independent of
 * how the threads interleave. Expected output: qemu-ppc64 running the same binary. */
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/syscall.h>

#define WORKERS 6
#define ITEMS 2000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ready = PTHREAD_COND_INITIALIZER;
static long counter;
static int queue[ITEMS], head, tail, done;
static long consumed[WORKERS];
static __thread long mine;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int once_runs;
static pthread_barrier_t barrier;
static sem_t sem;
static long distinct_tids;

static void init_once(void) { once_runs++; }

static void *count(void *arg) {
    long k = (long)arg;
    pthread_once(&once, init_once);
    for (int i = 0; i < 5000; i++) {
        pthread_mutex_lock(&lock);
        counter++;
        pthread_mutex_unlock(&lock);
        mine += k;
    }
    if (syscall(SYS_gettid) != getpid()) __atomic_add_fetch(&distinct_tids, 1, __ATOMIC_SEQ_CST);
    pthread_barrier_wait(&barrier);
    return (void *)(mine * 10);
}

static void *consume(void *arg) {
    long k = (long)arg;
    for (;;) {
        pthread_mutex_lock(&lock);
        while (head == tail && !done) pthread_cond_wait(&ready, &lock);
        if (head == tail && done) {
            pthread_mutex_unlock(&lock);
            return NULL;
        }
        int v = queue[head++];
        pthread_mutex_unlock(&lock);
        consumed[k] += v;
        sem_post(&sem);
    }
}

int main(void) {
    pthread_t t[WORKERS];
    pthread_barrier_init(&barrier, NULL, WORKERS);
    for (long k = 0; k < WORKERS; k++) pthread_create(&t[k], NULL, count, (void *)(k + 1));
    long results = 0;
    for (int k = 0; k < WORKERS; k++) {
        void *r;
        pthread_join(t[k], &r);
        results += (long)r;
    }
    printf("counter %ld (want %d), results %ld, once %d, thread ids %ld\n", counter,
           WORKERS * 5000, results, once_runs, distinct_tids);

    sem_init(&sem, 0, 0);
    for (long k = 0; k < WORKERS; k++) pthread_create(&t[k], NULL, consume, (void *)k);
    for (int i = 0; i < ITEMS; i++) {
        pthread_mutex_lock(&lock);
        queue[tail++] = i + 1;
        pthread_cond_signal(&ready);
        pthread_mutex_unlock(&lock);
    }
    for (int i = 0; i < ITEMS; i++) sem_wait(&sem);
    pthread_mutex_lock(&lock);
    done = 1;
    pthread_cond_broadcast(&ready);
    pthread_mutex_unlock(&lock);
    long total = 0;
    for (int k = 0; k < WORKERS; k++) {
        pthread_join(t[k], NULL);
        total += consumed[k];
    }
    printf("consumed %ld (want %d)\n", total, ITEMS * (ITEMS + 1) / 2);
    printf("main's own tls %ld\n", mine);
    return 0;
}
