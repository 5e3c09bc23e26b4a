/*
 * staff.c - staff sessions on the web pages (see staff.h).
 */
#include "web/staff.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/ratelimit.h"
#include "base/timeutil.h"
#include "base/xalloc.h"
#include "index/readmodel.h"
#include "model/role.h"
#include "views/page_staff.h"
#include "web/form_guard.h"
#include "web/pages.h"

#define FEEDBACK_OWED_DAYS 28

static void no_store_headers(struct http_response *res)
{
	http_response_header(res, "Cache-Control", "no-store");
}

/* 303 to the sign-in page, which comes back to this page afterwards. */
static void to_sign_in(const struct http_request *req, struct http_response *res)
{
	struct strbuf loc = STRBUF_INIT;
	struct html h = { &loc, LANG_EN };

	strbuf_addstr(&loc, "/staff/sign-in?next=");
	html_url_arg(&h, req->method_bit == HTTP_GET ? req->path : "/staff");
	http_response_header(res, "Location", loc.buf ? loc.buf : "/staff/sign-in");
	no_store_headers(res);
	res->status = 303;
	strbuf_release(&loc);
}

void web_staff_page_ctx(const struct http_request *req, const struct web_staff *st,
			struct page_ctx *pc)
{
	web_page_ctx(req, NAV_STAFF, pc);
	pc->staff_name = st->user.display_name[0] ? st->user.display_name : st->user.username;
	pc->csrf = st->csrf;
}

int web_staff_forbidden(const struct http_request *req, const struct web_staff *st,
			struct http_response *res)
{
	struct page_ctx pc;

	web_staff_page_ctx(req, st, &pc);
	strbuf_reset(&res->body);
	web_page_headers(res);
	no_store_headers(res);
	page_forbidden(&res->body, &pc);
	res->status = 403;
	return 0;
}

int web_staff_begin(struct web_app *wa, const struct http_request *req,
		    struct http_response *res, int perm, struct web_staff *st)
{
	char token[AUTH_TOKEN_LEN + 8];
	struct err e = ERR_INIT;

	memset(st, 0, sizeof(*st));
	if (!wa->store) {
		http_response_error(res, 503, NULL, "this Engage has no database");
		return 1;
	}
	pthread_mutex_lock(wa->store_lock);
	if (http_cookie(req, WEB_SESSION_COOKIE, token, sizeof(token)) < 0 ||
	    auth_session_from_cookie(wa->store, &wa->auth_policy, token, time_now(), &st->session,
				     &st->user, &e) < 0) {
		pthread_mutex_unlock(wa->store_lock);
		to_sign_in(req, res);
		return 1;
	}
	auth_csrf_token(&st->session, st->csrf);
	snprintf(st->actor, sizeof(st->actor), "user:%lld", (long long)st->user.id);
	if (perm == WEB_STAFF_ANY_STAFF ? st->user.scope.role == ROLE_RESIDENT
	    : perm != WEB_STAFF_ANY_ACCOUNT && !role_allows(st->user.scope.role, perm))
		goto forbidden;
	if (req->method_bit == HTTP_POST) {
		if (!web_same_site(req) || web_form_parse(req, &st->form, &e) < 0 ||
		    !auth_csrf_check(&st->session, web_form_get(&st->form, "csrf")))
			goto forbidden;
	}
	return 0;
forbidden:
	web_staff_end(wa, st);
	web_staff_forbidden(req, st, res);
	return 1;
}

void web_staff_end(struct web_app *wa, struct web_staff *st)
{
	web_form_release(&st->form);
	pthread_mutex_unlock(wa->store_lock);
}

int web_staff_can_see(const struct web_staff *st, const char *force_id, const char *nbhd_id)
{
	return user_can_see_neighbourhood(&st->user.scope, force_id, nbhd_id);
}

int web_bearer_user(struct web_app *wa, const struct http_request *req,
		    struct http_response *res, struct auth_user *out)
{
	const char *h = http_header(req, "Authorization");
	struct err e = ERR_INIT;

	if (h && !strncmp(h, "Bearer ", 7) &&
	    auth_token_check(wa->store, h + 7, time_now(), out, &e) == 0)
		return 0;
	http_response_error(res, 401, "unauthorised",
			    "sign in: staff routes need an API token (Authorization: Bearer ...; engage user token)");
	http_response_header(res, "WWW-Authenticate", "Bearer realm=\"engage\"");
	return ERR_DENIED;
}

/* --- signing in and out ---------------------------------------------------- */

static int sign_in_page(const struct http_request *req, struct http_response *res, int status,
			enum sign_in_problem problem, const char *username, const char *next)
{
	struct page_ctx pc;

	web_page_ctx(req, NAV_STAFF, &pc);
	strbuf_reset(&res->body);
	web_page_headers(res);
	no_store_headers(res);
	page_sign_in(&res->body, &pc, problem, username, next);
	res->status = status;
	return 0;
}

int web_staff_sign_in(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	struct web_form f;
	struct err e = ERR_INIT;
	struct auth_user user;
	enum sign_in_problem problem;
	char token[AUTH_TOKEN_LEN + 1], old[AUTH_TOKEN_LEN + 8], cookie[160];
	const char *username, *password, *next;
	int64_t wait;

	if (req->method_bit != HTTP_POST)
		return sign_in_page(req, res, 200, SIGN_IN_OK, NULL, http_query(req, "next"));
	if (!wa->store)
		return err_set(&res->err, ERR_BUSY, "this Engage has no database");
	if (web_form_parse(req, &f, &e) < 0)
		return sign_in_page(req, res, 400, SIGN_IN_MISSING, NULL, NULL);
	username = web_form_get(&f, "username");
	password = web_form_get(&f, "password");
	next = web_form_get(&f, "next");
	if (!web_local_path(next))
		next = "/staff";
	if (!web_same_site(req)) {
		sign_in_page(req, res, 403, SIGN_IN_CROSS_SITE, username, next);
		goto done;
	}
	/* every attempt counts, right or wrong: each account's lockout guards
	 * one account, this guards them all from one place trying many */
	if ((wait = web_rate_wait(wa->signin_limit, req, wa->trust_proxy)) > 0) {
		char seconds[24];

		snprintf(seconds, sizeof(seconds), "%lld", (long long)((wait + 999) / 1000));
		sign_in_page(req, res, 429, SIGN_IN_TOO_MANY, username, next);
		http_response_header(res, "Retry-After", seconds);
		goto done;
	}
	if (!username || !*username || !password || !*password) {
		sign_in_page(req, res, 400, SIGN_IN_MISSING, username, next);
		goto done;
	}
	pthread_mutex_lock(wa->store_lock);
	problem = auth_sign_in(wa->store, &wa->auth_policy, username, password,
			       web_form_get(&f, "code"), time_now(), &user, &e) == 0 ? SIGN_IN_OK
											: SIGN_IN_WRONG;
	if (problem == SIGN_IN_OK) {
		/* a new session every time: end the one the browser holds */
		if (http_cookie(req, WEB_SESSION_COOKIE, old, sizeof(old)) >= 0)
			auth_session_end(wa->store, old, &e);
		if (auth_session_create(wa->store, &wa->auth_policy, user.id, time_now(), token, &e) < 0)
			problem = SIGN_IN_WRONG;
	}
	pthread_mutex_unlock(wa->store_lock);
	if (problem != SIGN_IN_OK) {
		sign_in_page(req, res, 401, problem, username, next);
		goto done;
	}
	snprintf(cookie, sizeof(cookie),
		 WEB_SESSION_COOKIE "=%s; Path=/; Secure; HttpOnly; SameSite=Lax", token);
	http_response_header(res, "Set-Cookie", cookie);
	http_response_header(res, "Location", next);
	no_store_headers(res);
	res->status = 303;
done:
	web_form_release(&f);
	return 0;
}

int web_staff_sign_out(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	struct web_staff st;
	char token[AUTH_TOKEN_LEN + 8];
	struct err e = ERR_INIT;

	if (web_staff_begin(wa, req, res, WEB_STAFF_ANY_ACCOUNT, &st)) {
		if (res->status == 303) {	/* not signed in: nothing to end, go home */
			res->nheaders = 0;
			http_response_header(res, "Location", "/");
			no_store_headers(res);
		}
		return 0;
	}
	if (http_cookie(req, WEB_SESSION_COOKIE, token, sizeof(token)) >= 0)
		auth_session_end(wa->store, token, &e);
	web_staff_end(wa, &st);
	http_response_header(res, "Set-Cookie",
			     WEB_SESSION_COOKIE "=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0");
	http_response_header(res, "Location", "/");
	no_store_headers(res);
	res->status = 303;
	return 0;
}

/* --- My neighbourhoods ------------------------------------------------------- */

struct todo_list {
	struct todo_item *items;
	size_t n, cap;
};

static int add_todo(void *ctx, const struct todo_item *item)
{
	struct todo_list *l = ctx;

	if (xgrow(&l->items, &l->cap, l->n + 1, sizeof(*l->items)))
		return -1;
	l->items[l->n++] = *item;
	return 0;
}

int web_staff_todo(struct web_app *wa, const char *force_id, const char *nbhd_id,
		   struct todo_item **items, size_t *n, struct err *e)
{
	struct todo_list l = { 0 };
	int rc = profile_todo(wa->store, force_id, nbhd_id, FEEDBACK_OWED_DAYS, add_todo, &l, e);

	if (rc < 0) {
		xfree(l.items);
		l = (struct todo_list){ 0 };
	}
	*items = l.items;
	*n = l.n;
	return rc;
}

int web_staff_home(void *app, const struct http_request *req, struct http_response *res)
{
	struct web_app *wa = app;
	const struct readmodel *rm = wa->rm;
	struct web_staff st;
	struct staff_neighbourhood *cards = NULL;
	struct todo_list *lists = NULL;
	struct page_ctx pc;
	size_t n = 0;
	int rc = 0, internal;

	if (web_staff_begin(wa, req, res, WEB_STAFF_ANY_STAFF, &st))
		return 0;
	/* a volunteer chair sees their neighbourhoods, not the internal list */
	internal = role_allows(st.user.scope.role, PERM_VIEW_INTERNAL);
	if (rm && rm->nnbhds) {
		cards = xcalloc(rm->nnbhds, sizeof(*cards));
		lists = xcalloc(rm->nnbhds, sizeof(*lists));
	}
	for (size_t i = 0; cards && lists && i < rm->nnbhds; i++) {
		const struct rm_neighbourhood *nb = &rm->nbhds[i];
		const char *force = nb->force >= 0 ? rm->forces[nb->force].id : "";

		if (!web_staff_can_see(&st, force, nb->id))
			continue;
		if (internal && (rc = web_staff_todo(wa, force, nb->id, &lists[n].items, &lists[n].n,
						     &res->err)) < 0)
			break;
		cards[n] = (struct staff_neighbourhood){ force, nb->id, nb->name, lists[n].items,
							 lists[n].n };
		n++;
	}
	if (rc == 0) {
		web_staff_page_ctx(req, &st, &pc);
		web_page_headers(res);
		no_store_headers(res);
		page_staff_home(&res->body, &pc, cards, n);
		res->status = 200;
	}
	web_staff_end(wa, &st);
	for (size_t i = 0; lists && i < n; i++)
		xfree(lists[i].items);
	xfree(lists);
	xfree(cards);
	return rc;
}
