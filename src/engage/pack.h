/*
 * pack.h - the beat or PACT meeting pack for a neighbourhood and a date:
 * what police.uk recorded in the last three months against the three
 * before, by type; progress on the current priorities (with their
 * actions); and the candidates for new ones with their evidence.  It is
 * what the officer prints for the meeting, and it holds no personal data.
 */
#ifndef ENGAGE_PACK_H
#define ENGAGE_PACK_H

#include <stdint.h>

#include "base/err.h"
#include "engage/pact.h"
#include "index/readmodel.h"
#include "model/police.h"
#include "store/store.h"

#define PACK_MAX_PRIORITIES 16
#define PACK_MAX_ACTIONS 8
#define PACK_MAX_CANDIDATES 8

struct pack_action {
	char owner[200], description[400], due_date[11], status[16], result[400];
	int overdue;
};

struct pack_priority {
	int64_t id;
	char text[400], status[24], review_date[11];
	int64_t group_id;	/* its group of concerns, or 0 */
	int concerns;		/* concerns in that group */
	struct pack_action actions[PACK_MAX_ACTIONS];
	int nactions;
};

struct meeting_pack {
	char neighbourhood[200], force[200];
	int32_t first_month, last_month;	/* the last three months held */
	int crime_now[CAT_COUNT], crime_before[CAT_COUNT];
	int total_now, total_before;
	struct pack_priority priorities[PACK_MAX_PRIORITIES];
	int npriorities;
	struct pact_candidate candidates[PACK_MAX_CANDIDATES];
	int ncandidates;
};

int pack_build(struct store *s, const struct readmodel *rm, const char *force_id,
	       const char *nbhd_id, struct meeting_pack *out, struct err *e);

#endif
