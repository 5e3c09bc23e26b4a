/*
 * ratelimit.c - per-key GCRA in a fixed table (see ratelimit.h).
 */
#include "base/ratelimit.h"

#include "base/xalloc.h"

#include <pthread.h>
#include <sys/random.h>

struct slot {
	uint64_t key;		/* keyed hash; 0 = empty */
	int64_t tat;		/* theoretical arrival time, ms */
};

struct ratelimit {
	pthread_mutex_t lock;
	int64_t interval;	/* T = window / limit */
	int64_t tolerance;	/* window - T */
	uint64_t secret;
	size_t mask;
	struct slot *slots;
};

/* FNV-1a over the secret and the key, then a 64-bit finaliser (SplitMix64's)
 * so nearby addresses land far apart. */
static uint64_t keyed_hash(uint64_t secret, const unsigned char *p, size_t n)
{
	uint64_t h = 1469598103934665603ULL ^ secret;

	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 1099511628211ULL;
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	h ^= h >> 31;
	return h ? h : 1;
}

struct ratelimit *ratelimit_new(int limit, int64_t window_ms, size_t slots)
{
	struct ratelimit *rl;
	size_t n = RATELIMIT_PROBE;

	if (limit < 1 || window_ms < 1)
		return NULL;
	while (n < slots && n < ((size_t)1 << 30))
		n <<= 1;
	rl = xcalloc(1, sizeof(*rl));
	if (!rl)
		return NULL;
	rl->slots = xcalloc(n, sizeof(*rl->slots));
	if (!rl->slots) {
		xfree(rl);
		return NULL;
	}
	rl->mask = n - 1;
	rl->interval = window_ms / limit ? window_ms / limit : 1;
	rl->tolerance = window_ms - rl->interval;
	if (getrandom(&rl->secret, sizeof(rl->secret), 0) != (ssize_t)sizeof(rl->secret))
		rl->secret = (uint64_t)(uintptr_t)rl ^ 0x9e3779b97f4a7c15ULL;
	pthread_mutex_init(&rl->lock, NULL);
	return rl;
}

void ratelimit_free(struct ratelimit *rl)
{
	if (!rl)
		return;
	pthread_mutex_destroy(&rl->lock);
	xfree(rl->slots);
	xfree(rl);
}

/* The key's slot, or the one it should take: an empty slot first, then
 * the one whose time ran out longest ago (or runs out soonest). */
static struct slot *find_slot(struct ratelimit *rl, uint64_t key)
{
	struct slot *spare = NULL;
	int64_t best = INT64_MAX;

	for (size_t i = 0; i < RATELIMIT_PROBE; i++) {
		struct slot *s = &rl->slots[(key + i) & rl->mask];
		int64_t age = s->key ? s->tat : INT64_MIN;

		if (s->key == key)
			return s;
		if (!spare || age < best) {
			spare = s;
			best = age;
		}
	}
	spare->key = key;
	spare->tat = 0;
	return spare;
}

int64_t ratelimit_take(struct ratelimit *rl, const void *key, size_t len, int64_t now_ms)
{
	uint64_t h = keyed_hash(rl->secret, key, len);
	struct slot *s;
	int64_t tat, wait = 0;

	pthread_mutex_lock(&rl->lock);
	s = find_slot(rl, h);
	tat = s->tat > now_ms ? s->tat : now_ms;
	if (tat - now_ms > rl->tolerance)
		wait = tat - now_ms - rl->tolerance;
	else
		s->tat = tat + rl->interval;
	pthread_mutex_unlock(&rl->lock);
	return wait;
}
