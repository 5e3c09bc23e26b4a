/*
 * parallel.c - a shared task counter over a few POSIX threads (see
 * parallel.h).  Threads are started per call: an import makes a few
 * hundred calls, each running tasks that take milliseconds, so a pool
 * kept alive between calls would save nothing measurable.
 */
#include "base/parallel.h"

#include <stdatomic.h>
#include <unistd.h>

static void *worker(void *arg)
{
	struct parallel_run *r = arg;
	size_t i;

	while ((i = atomic_fetch_add(&r->next, 1)) < r->n)
		r->fn(r->ctx, i);
	return NULL;
}

int parallel_threads(int wanted)
{
	long n = wanted >= 1 ? wanted : sysconf(_SC_NPROCESSORS_ONLN);

	if (n < 1)
		return 1;
	return n > PARALLEL_MAX_THREADS ? PARALLEL_MAX_THREADS : (int)n;
}

void parallel_start(struct parallel_run *r, size_t n, int threads,
		    void (*fn)(void *ctx, size_t i), void *ctx)
{
	r->n = n;
	r->fn = fn;
	r->ctx = ctx;
	r->started = 0;
	atomic_init(&r->next, 0);
	if (threads > PARALLEL_MAX_THREADS)
		threads = PARALLEL_MAX_THREADS;
	if ((size_t)threads > n)
		threads = (int)n;
	for (int t = 0; t < threads; t++) {
		if (pthread_create(&r->tid[r->started], NULL, worker, r) != 0)
			break;
		r->started++;
	}
}

void parallel_wait(struct parallel_run *r)
{
	worker(r);
	for (int t = 0; t < r->started; t++)
		pthread_join(r->tid[t], NULL);
	r->started = 0;
}

void parallel_for(size_t n, int threads, void (*fn)(void *ctx, size_t i), void *ctx)
{
	struct parallel_run r;

	/* the caller is one of the threads */
	parallel_start(&r, n, threads - 1, fn, ctx);
	parallel_wait(&r);
}
