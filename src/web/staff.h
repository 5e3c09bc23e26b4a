/*
 * staff.h - signed-in staff on the web pages: the session cookie, the
 * sign-in and sign-out pages, and the door every staff page goes through.
 *
 * The session lives in a cookie named __Host-engage_session: Secure,
 * HttpOnly, SameSite=Lax (a link from an e-mail still finds the session;
 * every POST carries the CSRF token), Path=/, no Domain (the __Host-
 * prefix makes the browser insist on all of that).  A new session, with a new token, is
 * made at every sign-in and the old one ended, so a token planted before
 * sign-in is worth nothing after it; sessions end when idle or old (the
 * auth.* settings).  Every state-changing staff form carries the session's
 * CSRF token in a hidden field named "csrf".
 *
 * A staff page handler:
 *
 *	struct web_staff st;
 *
 *	if (web_staff_begin(wa, req, res, PERM_RECORD_ENGAGEMENT, &st))
 *		return 0;		(answered: sign in first, 403, bad CSRF)
 *	... read or change the store (wa->store_lock is held);
 *	    for a POST, the fields are in st.form ...
 *	web_staff_end(wa, &st);
 *
 * A page that names one neighbourhood also checks web_staff_can_see().
 */
#ifndef ENGAGE_STAFF_H
#define ENGAGE_STAFF_H

#include "auth/auth.h"
#include "engage/profile.h"
#include "views/layout.h"
#include "web/form.h"
#include "web/routes.h"

#define WEB_SESSION_COOKIE "__Host-engage_session"

struct web_staff {
	struct auth_user user;
	struct auth_session session;
	char csrf[AUTH_CSRF_LEN + 1];
	char actor[32];			/* "user:<id>", for the audit trail */
	struct web_form form;		/* a POST's fields, CSRF-checked */
};

/* `perm` values beyond enum perm: any signed-in account but a resident's
 * (the staff home), and any signed-in account at all (signing out). */
#define WEB_STAFF_ANY_STAFF (-1)
#define WEB_STAFF_ANY_ACCOUNT (-2)

/* Lock the store and find the signed-in staff member allowed `perm`.
 * Returns 0 with the lock held (web_staff_end releases it), or 1 with the
 * lock released and `res` already answered: a 303 to the sign-in page
 * (which comes back here afterwards) when nobody is signed in, a 403 page
 * when the role may not `perm` or a POST's CSRF token is wrong. */
int web_staff_begin(struct web_app *wa, const struct http_request *req,
		    struct http_response *res, int perm, struct web_staff *st);
void web_staff_end(struct web_app *wa, struct web_staff *st);
/* Whether the signed-in member works in this neighbourhood. */
int web_staff_can_see(const struct web_staff *st, const char *force_id, const char *nbhd_id);
/* What needs doing in one neighbourhood (engage/profile.h profile_todo,
 * with the staff pages' feedback threshold); the caller frees *items with
 * xfree.  The store lock is held. */
int web_staff_todo(struct web_app *wa, const char *force_id, const char *nbhd_id,
		   struct todo_item **items, size_t *n, struct err *e);
/* A staff page's context: language, path, navigation, name, CSRF token. */
void web_staff_page_ctx(const struct http_request *req, const struct web_staff *st,
			struct page_ctx *pc);
/* Answer with a 403 page saying the account may not see or do this. */
int web_staff_forbidden(const struct http_request *req, const struct web_staff *st,
			struct http_response *res);

/* For the staff JSON API: the account behind `Authorization: Bearer
 * <token>` (engage user token), with wa->store_lock held by the caller.
 * 0, or ERR_DENIED with `res` answered 401 and a WWW-Authenticate header. */
int web_bearer_user(struct web_app *wa, const struct http_request *req,
		    struct http_response *res, struct auth_user *out);


/* GET and POST /staff/sign-in, POST /staff/sign-out, GET /staff. */
int web_staff_sign_in(void *app, const struct http_request *req, struct http_response *res);
int web_staff_sign_out(void *app, const struct http_request *req, struct http_response *res);
int web_staff_home(void *app, const struct http_request *req, struct http_response *res);

#endif
