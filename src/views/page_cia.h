/*
 * page_cia.h - community impact assessments on the staff pages: a
 * neighbourhood's list (no incident details) with the form to record one,
 * the question "why are you opening it?", and the assessment itself with
 * its reviews and the form to review it.  Restricted: the web layer lets
 * only those who may see them in, and every opening is audited.
 */
#ifndef ENGAGE_PAGE_CIA_H
#define ENGAGE_PAGE_CIA_H

#include "engage/cia.h"
#include "store/store.h"
#include "views/page_staff_entry.h"

struct cia_list_page {
	struct entry_nbhd nb;
	const struct cia_summary *items;
	size_t n;
	int may_record;			/* the form to record one is shown */
	struct entry_errors errors;	/* the form's problems */
	struct entry_values typed;	/* what was typed */
	int64_t recorded;		/* just recorded (a banner), or 0 */
};
void page_cia_list(struct strbuf *out, const struct page_ctx *pc, const struct cia_list_page *p);

/* "Why are you opening it?" for assessment `id` (a form POSTed back with
 * the session's CSRF token); `missing` when it was sent empty, `reviewed`
 * after a review was saved. */
void page_cia_purpose(struct strbuf *out, const struct page_ctx *pc, int64_t id, int missing,
		      int reviewed);

struct cia_record_page {
	const struct store_value *a;	/* the assessment's CIA_* columns */
	const char *nbhd_name;		/* its neighbourhood's name */
	int64_t id;
	const struct store_value *const *reviews;	/* CIAREV_* columns, oldest first */
	size_t nreviews;
	const char *purpose;		/* carried to the review form */
	int may_review;
	int review_overdue;
	struct entry_errors errors;
	struct entry_values typed;
};
void page_cia_record(struct strbuf *out, const struct page_ctx *pc,
		     const struct cia_record_page *p);

#endif
