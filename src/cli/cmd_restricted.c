/*
 * cmd_restricted.c - `engage cia`, `engage risk` and `engage sharing`: the
 * restricted records from the command line (engage/cia.h, risk.h,
 * sharing.h).  Whoever runs these holds the database already, so no role
 * limits them; every use is audited under --by or the login name.
 */
#include "cli/cli.h"

#include "engage/cia.h"
#include "engage/risk.h"
#include "engage/sharing.h"

#include <stdio.h>
#include <string.h>

/* Prints a JSON document or the error; the exit code. */
static int finish(const char *cmd, int rc, struct strbuf *out, const struct err *e)
{
	if (rc < 0) {
		cli_error("%s: %s", cmd, e->msg);
		strbuf_release(out);
		return cli_exit_for(rc);
	}
	if (out->len)
		printf("%s\n", out->buf);
	strbuf_release(out);
	return EXIT_OK;
}

static int64_t id_arg(struct cli_ctx *ctx, const char *cmd)
{
	int64_t id = 0;

	if (ctx->nargs < 2 || !*ctx->args[1] || sscanf(ctx->args[1], "%lld", (long long *)&id) != 1 ||
	    id < 1) {
		cli_error("%s %s: give the record's number", cmd, ctx->args[0]);
		return -1;
	}
	return id;
}

int cmd_cia(struct cli_ctx *ctx)
{
	char who[128], force[65], nbhd[65];
	struct restricted_caller c = { cli_actor(ctx, who, sizeof(who)), NULL, NULL };
	struct strbuf out = STRBUF_INIT;
	struct err e = ERR_INIT;
	const char *verb = ctx->args[0];
	int64_t id;
	int ok = 1, rc;

	if (!strcmp(verb, "add")) {
		struct cia_input in = {
			.incident = cli_opt(ctx, "incident"), .communities = cli_opt(ctx, "communities"),
			.information_needed = cli_opt(ctx, "information-needed"),
			.information_from = cli_opt(ctx, "information-from"),
			.overseen_by = cli_opt(ctx, "overseen-by"), .deadline = cli_opt(ctx, "deadline"),
			.vulnerable = cli_opt(ctx, "vulnerable"),
			.confidence = cli_opt(ctx, "confidence") ? cli_opt(ctx, "confidence") : "unknown",
			.cross_border = cli_opt(ctx, "cross-border"),
		};

		if (cli_neighbourhood(cli_opt(ctx, "neighbourhood"), force, nbhd) < 0 ||
		    cli_opt_time(ctx, "incident-at", &in.incident_at) < 0)
			return EXIT_USAGE;
		in.force_id = force;
		in.neighbourhood_id = nbhd;
		in.review_days = (int)cli_opt_int(ctx, "review-days", 1, 90, 7, &ok);
		if (!ok)
			return EXIT_USAGE;
		if ((rc = cia_add(ctx->store, &c, &in, &id, &e)) == 0)
			printf("impact assessment %lld recorded; first review in %d days\n",
			       (long long)id, in.review_days);
		return finish("cia add", rc, &out, &e);
	}
	if (!strcmp(verb, "list")) {
		const char *where = cli_opt(ctx, "neighbourhood");

		if (!where || cli_neighbourhood(where, force, nbhd) < 0)
			return EXIT_USAGE;
		rc = cia_list(ctx->store, &c, force, nbhd, NULL, cli_opt(ctx, "overdue") != NULL, &out, &e);
		return finish("cia list", rc, &out, &e);
	}
	if ((id = id_arg(ctx, "cia")) < 0)
		return EXIT_USAGE;
	if (!strcmp(verb, "show"))
		return finish("cia show", cia_show(ctx->store, &c, id, cli_opt(ctx, "purpose"), &out, &e),
			      &out, &e);
	if (!strcmp(verb, "review")) {
		rc = cia_review(ctx->store, &c, id, cli_opt(ctx, "confidence"), cli_opt(ctx, "notes"),
				cli_opt(ctx, "close") != NULL, &e);
		if (rc == 0)
			printf("impact assessment %lld reviewed%s\n", (long long)id,
			       cli_opt(ctx, "close") ? " and closed" : "");
		return finish("cia review", rc, &out, &e);
	}
	cli_error("cia: expected add, show, review or list (engage cia --help)");
	return EXIT_USAGE;
}

int cmd_risk(struct cli_ctx *ctx)
{
	char who[128], force[65], nbhd[65];
	struct restricted_caller c = { cli_actor(ctx, who, sizeof(who)), NULL, NULL };
	struct strbuf out = STRBUF_INIT;
	struct err e = ERR_INIT;
	const char *verb = ctx->args[0];
	int64_t id;
	int ok = 1, rc;

	if (!strcmp(verb, "factors")) {
		for (int i = 0; i < risk_factor_count; i++)
			printf("%-28s %-9s %s\n", risk_factors[i].slug, risk_factors[i].group,
			       risk_factors[i].en);
		return EXIT_OK;
	}
	if (!strcmp(verb, "contact")) {
		struct risk_contact_input in = {
			.name = cli_opt(ctx, "name"), .date_of_birth = cli_opt(ctx, "date-of-birth"),
			.contact = cli_opt(ctx, "contact"), .incident = cli_opt(ctx, "incident"),
			.factors = cli_opt(ctx, "factors") ? cli_opt(ctx, "factors") : "",
			.risk_level = cli_opt(ctx, "level"), .notes = cli_opt(ctx, "notes"),
		};
		struct risk_result r;

		if (cli_neighbourhood(cli_opt(ctx, "neighbourhood"), force, nbhd) < 0 ||
		    cli_opt_time(ctx, "at", &in.contacted_at) < 0)
			return EXIT_USAGE;
		in.force_id = force;
		in.neighbourhood_id = nbhd;
		in.person_id = cli_opt_int(ctx, "person", 1, INT64_MAX, 0, &ok);
		if (!ok)
			return EXIT_USAGE;
		if ((rc = risk_record_contact(ctx->store, &c, &in, &r, &e)) == 0)
			printf("person %lld: contact recorded; %d in the last 12 months%s\n",
			       (long long)r.person_id, r.contacts_in_window,
			       r.repeat_victim ? "; a repeat victim" : "");
		return finish("risk contact", rc, &out, &e);
	}
	if (!strcmp(verb, "list")) {
		if (cli_neighbourhood(cli_opt(ctx, "neighbourhood"), force, nbhd) < 0)
			return EXIT_USAGE;
		return finish("risk list", risk_list(ctx->store, &c, force, nbhd, &out, &e), &out, &e);
	}
	if (!strcmp(verb, "show")) {
		if ((id = id_arg(ctx, "risk")) < 0)
			return EXIT_USAGE;
		return finish("risk show", risk_show(ctx->store, &c, id, cli_opt(ctx, "purpose"), &out, &e),
			      &out, &e);
	}
	cli_error("risk: expected contact, show, list or factors (engage risk --help)");
	return EXIT_USAGE;
}

int cmd_sharing(struct cli_ctx *ctx)
{
	char who[128], force[65], nbhd[65];
	struct restricted_caller c = { cli_actor(ctx, who, sizeof(who)), NULL,
				       cli_opt(ctx, "partner-org") };
	struct strbuf out = STRBUF_INIT;
	struct err e = ERR_INIT;
	const char *verb = ctx->args[0];
	int64_t id, agreement;
	int rc;

	if (!strcmp(verb, "agree")) {
		struct sharing_input in = {
			cli_opt(ctx, "force"), cli_opt(ctx, "partner-org"), cli_opt(ctx, "title"),
			cli_opt(ctx, "may-see") ? cli_opt(ctx, "may-see") : "",
			cli_opt(ctx, "may-submit") ? cli_opt(ctx, "may-submit") : "",
			cli_opt(ctx, "starts"), cli_opt(ctx, "ends"), cli_opt(ctx, "signed-by"),
		};

		if (!in.force_id) {
			cli_error("sharing agree: --force is needed");
			return EXIT_USAGE;
		}
		if ((rc = sharing_agree(ctx->store, &c, &in, &id, &e)) == 0)
			printf("agreement %lld with %s recorded\n", (long long)id, in.partner_org);
		return finish("sharing agree", rc, &out, &e);
	}
	if (!strcmp(verb, "list")) {
		if (!cli_opt(ctx, "force")) {
			cli_error("sharing list: --force is needed");
			return EXIT_USAGE;
		}
		return finish("sharing list", sharing_list(ctx->store, &c, cli_opt(ctx, "force"), NULL,
							   &out, &e), &out, &e);
	}
	if (cli_neighbourhood(cli_opt(ctx, "neighbourhood"), force, nbhd) < 0)
		return EXIT_USAGE;
	if (!strcmp(verb, "submit")) {
		struct submission_input in = { force, nbhd, cli_opt(ctx, "source"), cli_opt(ctx, "category"),
					       0, cli_opt(ctx, "location"), cli_opt(ctx, "summary") };

		if (cli_opt_time(ctx, "at", &in.occurred_at) < 0)
			return EXIT_USAGE;
		if ((rc = sharing_submit(ctx->store, &c, &in, &id, &agreement, &e)) == 0)
			printf("submission %lld recorded under agreement %lld\n", (long long)id,
			       (long long)agreement);
		return finish("sharing submit", rc, &out, &e);
	}
	if (!strcmp(verb, "submissions"))
		return finish("sharing submissions",
			      sharing_submissions(ctx->store, &c, force, nbhd, &out, &e), &out, &e);
	if (!strcmp(verb, "concerns"))
		return finish("sharing concerns", sharing_concerns(ctx->store, &c, force, nbhd, &out, &e),
			      &out, &e);
	cli_error("sharing: expected agree, list, submit, submissions or concerns (engage sharing --help)");
	return EXIT_USAGE;
}
