/*
 * bgsync.h - make a file's written bytes durable on a thread of its own
 * while its writer goes on writing.
 *
 * A big transaction writes faster than the disk takes it in; whatever is
 * still unwritten when it commits, the commit waits for.  Syncing the file
 * now and then beside the writer leaves the commit only the last part:
 *
 *	struct bgsync b;
 *	bgsync_init(&b);
 *	... write; every few tens of MB: bgsync_request(&b, fd);
 *	commit; bgsync_stop(&b);	(before fd is closed)
 *
 * Only a hint: when the thread cannot start, nothing is synced early and
 * the commit waits as it would have.  One writer thread calls these.
 */
#ifndef ENGAGE_BGSYNC_H
#define ENGAGE_BGSYNC_H

#include <pthread.h>

struct bgsync {
	pthread_t tid;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int started;
	int fd;		/* to sync next */
	int pending;	/* a sync asked for and not begun */
	int stopping;
};

void bgsync_init(struct bgsync *b);
/* Sync fd (fdatasync) soon; a request made while a sync runs is one more
 * sync after it, however many are made.  fd stays open until
 * bgsync_stop(). */
void bgsync_request(struct bgsync *b, int fd);
/* Wait for the sync under way, if any (one asked for and not begun is
 * dropped: the caller's own commit syncs), and end the thread.  The
 * struct may be used again. */
void bgsync_stop(struct bgsync *b);

#endif
