/*
 * parallel.h - run independent tasks on the machine's cores.
 *
 * parallel_for() calls fn(ctx, i) once for every i in [0, n), spread over
 * up to `threads` threads (the caller's own thread is one of them), and
 * returns when every call has returned.  Tasks are taken in index order
 * from a shared counter, so a slow task does not hold up the others.
 * The tasks must not share anything they write; what order they finish
 * in is not defined, so callers that need a deterministic result keep one
 * output slot per task and combine the slots afterwards, in index order.
 *
 * If a thread cannot be started the calls run on the threads that did
 * start (at worst all on the caller's), so there is no failure to handle.
 */
#ifndef ENGAGE_PARALLEL_H
#define ENGAGE_PARALLEL_H

#include <pthread.h>
#include <stddef.h>

#define PARALLEL_MAX_THREADS 16

/* How many threads to use: `wanted` when it is 1 or more (1 runs every
 * task on the caller's thread), else one per online core; at most
 * PARALLEL_MAX_THREADS. */
int parallel_threads(int wanted);

void parallel_for(size_t n, int threads, void (*fn)(void *ctx, size_t i), void *ctx);

/* The same in two halves, so the caller can do other work meanwhile:
 * parallel_start() starts up to `threads` threads on the tasks and
 * returns; parallel_wait() joins in, taking tasks until none is left, and
 * returns when every call has returned.  Every parallel_start() needs its
 * parallel_wait(); `run` is the caller's and must outlive both. */
struct parallel_run {
	size_t n;
	_Atomic size_t next;
	void (*fn)(void *ctx, size_t i);
	void *ctx;
	pthread_t tid[PARALLEL_MAX_THREADS];
	int started;
};

void parallel_start(struct parallel_run *run, size_t n, int threads,
		    void (*fn)(void *ctx, size_t i), void *ctx);
void parallel_wait(struct parallel_run *run);

#endif
