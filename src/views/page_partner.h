/*
 * page_partner.h - partners' data on the staff pages, under their
 * information-sharing agreement: a partner submits its own data and sees
 * the concerns its agreement lets it see (never who raised them); the
 * neighbourhood team sees what every partner submitted.
 *
 * The tables' rows are written by the row writers below as the services
 * hand each record over, then the page puts them in place.
 */
#ifndef ENGAGE_PAGE_PARTNER_H
#define ENGAGE_PAGE_PARTNER_H

#include "engage/sharing.h"
#include "store/store.h"
#include "views/page_staff_entry.h"

/* One submission (PSUB_* columns) as a table row. */
void partner_submission_row(struct html *h, const struct store_value *v);
/* One shared concern as a table row. */
void partner_concern_row(struct html *h, const struct shared_concern *c);

struct partner_page {
	struct entry_nbhd nb;
	const char *partner_org;	/* a partner's organisation; NULL for the team */
	const char *submission_rows;	/* HTML from partner_submission_row */
	size_t nsubmissions;
	const char *concern_rows;	/* HTML from partner_concern_row (partners) */
	size_t nconcerns;
	int no_agreement;		/* a partner with no agreement in force */
	struct entry_errors errors;
	struct entry_values typed;
	int64_t submitted;		/* just submitted (a banner), or 0 */
};
void page_partner(struct strbuf *out, const struct page_ctx *pc, const struct partner_page *p);

#endif
