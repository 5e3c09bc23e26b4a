/*
 * page_staff.h - the staff pages' frame pieces: signing in, the 403 page,
 * and "My neighbourhoods" (what needs doing today).
 */
#ifndef ENGAGE_PAGE_STAFF_H
#define ENGAGE_PAGE_STAFF_H

#include "base/strbuf.h"
#include "engage/profile.h"
#include "views/layout.h"

enum sign_in_problem {
	SIGN_IN_OK,		/* first showing: no error */
	SIGN_IN_MISSING,	/* username or password left empty */
	SIGN_IN_WRONG,		/* wrong, unknown, locked or disabled: one message for all */
	SIGN_IN_CROSS_SITE,	/* the form was posted from another site */
	SIGN_IN_TOO_MANY,	/* too many attempts from this client: wait */
};

/* The sign-in form; `username` is put back after an error; `next` is the
 * page to return to. */
void page_sign_in(struct strbuf *out, const struct page_ctx *pc, enum sign_in_problem problem,
		  const char *username, const char *next);
/* "You cannot see this page" for a signed-in member without the right. */
void page_forbidden(struct strbuf *out, const struct page_ctx *pc);

/* One neighbourhood on the staff home page and what needs doing there. */
struct staff_neighbourhood {
	const char *force_id, *id, *name;
	const struct todo_item *items;
	size_t nitems;
};
/* What needs doing in one neighbourhood as a table (`caption` for screen
 * readers: the neighbourhood's name). */
void page_todo_table(struct html *h, const char *caption, const struct todo_item *items, size_t n);
void page_staff_home(struct strbuf *out, const struct page_ctx *pc,
		     const struct staff_neighbourhood *nbhds, size_t n);

#endif
