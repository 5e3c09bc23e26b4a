/*
 * routes_restricted.c - the restricted records' staff API (see
 * routes_restricted.h).  Each handler runs its service with the store
 * locked and the token's user as the caller; a refusal by role or scope
 * is ERR_DENIED, which the router answers 403 with the service's reason.
 */
#include "web/routes_restricted.h"

#include <stdio.h>
#include <string.h>

#include "api/restricted_api.h"
#include "base/parse.h"
#include "engage/cia.h"
#include "engage/risk.h"
#include "engage/sharing.h"
#include "web/routes.h"
#include "web/staff.h"

typedef int (*restricted_fn)(struct web_app *wa, const struct http_request *req,
			     const struct restricted_caller *c, struct http_response *res);

/* Lock, find the token's user, run `fn` as them, unlock. */
static int as_user(void *app, const struct http_request *req, struct http_response *res,
		   restricted_fn fn, int created)
{
	struct web_app *wa = app;
	struct auth_user user;
	struct restricted_caller c;
	char actor[32];
	int rc;

	if (!wa->store)
		return err_set(&res->err, ERR_BUSY, "this server has no database for restricted records");
	pthread_mutex_lock(wa->store_lock);
	rc = web_bearer_user(wa, req, res, &user);
	if (rc == 0) {
		snprintf(actor, sizeof(actor), "user:%lld", (long long)user.id);
		c = (struct restricted_caller){ actor, &user.scope,
						user.partner_org[0] ? user.partner_org : NULL };
		rc = fn(wa, req, &c, res);
	}
	pthread_mutex_unlock(wa->store_lock);
	if (rc == 0 && created)
		res->status = 201;
	http_response_header(res, "Cache-Control", "no-store");
	return rc == ERR_DENIED && res->status == 401 ? 0 : rc;
}

#define BODY(req) (req)->body, (req)->body_len
#define NB(req) http_param((req), "force"), http_param((req), "neighbourhood")

static int cia_add_fn(struct web_app *wa, const struct http_request *req,
		      const struct restricted_caller *c, struct http_response *res)
{
	return api_cia_add(wa->store, c, BODY(req), &res->body, &res->err);
}

static int cia_show_fn(struct web_app *wa, const struct http_request *req,
		       const struct restricted_caller *c, struct http_response *res)
{
	return cia_show(wa->store, c, http_param_id(req, "id"), http_query(req, "purpose"), &res->body, &res->err);
}

static int cia_review_fn(struct web_app *wa, const struct http_request *req,
			 const struct restricted_caller *c, struct http_response *res)
{
	return api_cia_review(wa->store, c, http_param_id(req, "id"), BODY(req), &res->body, &res->err);
}

static int cia_list_fn(struct web_app *wa, const struct http_request *req,
		       const struct restricted_caller *c, struct http_response *res)
{
	const char *overdue = http_query(req, "overdue");

	return cia_list(wa->store, c, NB(req), NULL, overdue && !strcmp(overdue, "true"),
			&res->body, &res->err);
}

static int risk_contact_fn(struct web_app *wa, const struct http_request *req,
			   const struct restricted_caller *c, struct http_response *res)
{
	return api_risk_contact(wa->store, c, BODY(req), &res->body, &res->err);
}

static int risk_show_fn(struct web_app *wa, const struct http_request *req,
			const struct restricted_caller *c, struct http_response *res)
{
	return risk_show(wa->store, c, http_param_id(req, "id"), http_query(req, "purpose"), &res->body, &res->err);
}

static int risk_list_fn(struct web_app *wa, const struct http_request *req,
			const struct restricted_caller *c, struct http_response *res)
{
	return risk_list(wa->store, c, NB(req), &res->body, &res->err);
}

static int sharing_agree_fn(struct web_app *wa, const struct http_request *req,
			    const struct restricted_caller *c, struct http_response *res)
{
	return api_sharing_agree(wa->store, c, BODY(req), &res->body, &res->err);
}

static int sharing_list_fn(struct web_app *wa, const struct http_request *req,
			   const struct restricted_caller *c, struct http_response *res)
{
	return sharing_list(wa->store, c, http_param(req, "force"), NULL, &res->body, &res->err);
}

static int sharing_submit_fn(struct web_app *wa, const struct http_request *req,
			     const struct restricted_caller *c, struct http_response *res)
{
	return api_sharing_submit(wa->store, c, BODY(req), &res->body, &res->err);
}

static int sharing_submissions_fn(struct web_app *wa, const struct http_request *req,
				  const struct restricted_caller *c, struct http_response *res)
{
	return sharing_submissions(wa->store, c, NB(req), &res->body, &res->err);
}

static int sharing_concerns_fn(struct web_app *wa, const struct http_request *req,
			       const struct restricted_caller *c, struct http_response *res)
{
	return sharing_concerns(wa->store, c, NB(req), &res->body, &res->err);
}

#define HANDLER(name, fn, created)                                                      \
	int name(void *app, const struct http_request *req, struct http_response *res) \
	{                                                                              \
		return as_user(app, req, res, fn, created);                            \
	}

HANDLER(web_cia_add, cia_add_fn, 1)
HANDLER(web_cia_show, cia_show_fn, 0)
HANDLER(web_cia_review, cia_review_fn, 1)
HANDLER(web_cia_list, cia_list_fn, 0)
HANDLER(web_risk_contact, risk_contact_fn, 1)
HANDLER(web_risk_show, risk_show_fn, 0)
HANDLER(web_risk_list, risk_list_fn, 0)
HANDLER(web_sharing_agree, sharing_agree_fn, 1)
HANDLER(web_sharing_list, sharing_list_fn, 0)
HANDLER(web_sharing_submit, sharing_submit_fn, 1)
HANDLER(web_sharing_submissions, sharing_submissions_fn, 0)
HANDLER(web_sharing_concerns, sharing_concerns_fn, 0)
