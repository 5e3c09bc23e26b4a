/*
 * bgsync.c - one thread that fdatasync()s on request (see bgsync.h).
 */
#include "base/bgsync.h"

#include <string.h>
#include <unistd.h>

static void *syncer(void *arg)
{
	struct bgsync *b = arg;

	pthread_mutex_lock(&b->mu);
	for (;;) {
		int fd;

		while (!b->pending && !b->stopping)
			pthread_cond_wait(&b->cv, &b->mu);
		if (b->stopping)
			break;
		fd = b->fd;
		b->pending = 0;
		pthread_mutex_unlock(&b->mu);
		(void)fdatasync(fd);	/* a hint: the commit syncs for itself */
		pthread_mutex_lock(&b->mu);
	}
	pthread_mutex_unlock(&b->mu);
	return NULL;
}

void bgsync_init(struct bgsync *b)
{
	memset(b, 0, sizeof(*b));
	b->fd = -1;
}

void bgsync_request(struct bgsync *b, int fd)
{
	if (!b->started) {
		if (pthread_mutex_init(&b->mu, NULL) != 0)
			return;
		if (pthread_cond_init(&b->cv, NULL) != 0) {
			pthread_mutex_destroy(&b->mu);
			return;
		}
		if (pthread_create(&b->tid, NULL, syncer, b) != 0) {
			pthread_cond_destroy(&b->cv);
			pthread_mutex_destroy(&b->mu);
			return;
		}
		b->started = 1;
	}
	pthread_mutex_lock(&b->mu);
	b->fd = fd;
	b->pending = 1;
	pthread_cond_signal(&b->cv);
	pthread_mutex_unlock(&b->mu);
}

void bgsync_stop(struct bgsync *b)
{
	if (!b->started)
		return;
	pthread_mutex_lock(&b->mu);
	b->stopping = 1;
	pthread_cond_signal(&b->cv);
	pthread_mutex_unlock(&b->mu);
	pthread_join(b->tid, NULL);
	pthread_cond_destroy(&b->cv);
	pthread_mutex_destroy(&b->mu);
	bgsync_init(b);
}
