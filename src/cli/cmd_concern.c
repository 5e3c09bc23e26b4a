/*
 * cmd_concern.c - `engage concern add|show|contact|regroup`: concerns from the
 * command line, e.g. an officer typing in the postcards from a street
 * meeting.
 */
#include "cli/cli.h"

#include "base/parse.h"
#include "base/timeutil.h"
#include "engage/concern.h"

#include <stdio.h>
#include <string.h>

static int parse_degrees(const char *name, const char *v, double *out)
{
	if (parse_double(v, strlen(v), out) < 0) {
		cli_error("concern: --%s \"%s\" is not decimal degrees", name, v);
		return -1;
	}
	return 0;
}

static int concern_add(struct cli_ctx *ctx)
{
	struct concern_input in = { 0 };
	struct concern_result r;
	struct err e = ERR_INIT;
	char force[65], nbhd[65];
	int ok = 1, people = 0, nch = 0;

	if (cli_neighbourhood(cli_opt(ctx, "neighbourhood"), force, nbhd) < 0)
		return EXIT_USAGE;
	in.force_id = force;
	in.neighbourhood_id = nbhd;
	in.channel = cli_opt(ctx, "channel");
	in.body = cli_opt(ctx, "text");
	in.category = cli_opt(ctx, "category");
	in.language = cli_opt(ctx, "language");
	in.location_text = cli_opt(ctx, "location");
	in.anonymous = cli_opt(ctx, "anonymous") != NULL;
	in.name = cli_opt(ctx, "name");
	in.email = cli_opt(ctx, "email");
	in.phone = cli_opt(ctx, "phone");
	in.address = cli_opt(ctx, "address");
	in.consent_contact = cli_opt(ctx, "consent") != NULL;
	in.created_by = cli_opt(ctx, "by") ? cli_opt(ctx, "by") : "command line";
	in.activity_id = cli_opt_int(ctx, "activity", 1, INT64_MAX, 0, &ok);
	if (!ok)
		return EXIT_USAGE;
	if (cli_opt(ctx, "lat") || cli_opt(ctx, "lng")) {
		if (!cli_opt(ctx, "lat") || !cli_opt(ctx, "lng")) {
			cli_error("concern: give both --lat and --lng, or neither");
			return EXIT_USAGE;
		}
		if (parse_degrees("lat", cli_opt(ctx, "lat"), &in.lat) < 0 ||
		    parse_degrees("lng", cli_opt(ctx, "lng"), &in.lng) < 0)
			return EXIT_USAGE;
		in.has_location = 1;
	}
	if (!in.anonymous && !in.name && !in.email && !in.phone && !in.address)
		in.anonymous = 1;	/* nothing about them was given */
	if (concern_raise(ctx->store, &in, NULL, NULL, &r, &e) < 0) {
		cli_error("concern: %s", e.msg);
		return cli_exit_for(e.code);
	}
	concern_group_counts(ctx->store, r.group_id, &people, &nch, &e);
	printf("reference %s\n", r.reference);
	printf("id %lld\n", (long long)r.id);
	printf("category %s%s\n", r.category, r.category_suggested ? " (suggested from the text; confirm or correct it)" : "");
	printf("group %lld: raised by %d %s through %d %s\n", (long long)r.group_id, people,
	       people == 1 ? "person" : "people", nch, nch == 1 ? "channel" : "channels");
	return EXIT_OK;
}

static void print_time(const char *label, int64_t t)
{
	char buf[21];

	time_format_london(t, buf);
	printf("%s %s (Europe/London)\n", label, buf);
}

static int concern_show(struct cli_ctx *ctx, const char *ref)
{
	struct concern_public p;
	struct err e = ERR_INIT;

	if (concern_find_public(ctx->store, ref, &p, &e) < 0) {
		cli_error("concern: %s", e.msg);
		return e.code == ERR_INVALID ? EXIT_USAGE : cli_exit_for(e.code);
	}
	/* the id is what staff commands take (feedback give --concern ID) */
	printf("reference %s\nid %lld\nneighbourhood %s/%s\ncategory %s\nchannel %s\nstatus %s\n",
	       p.reference, (long long)p.id, p.force_id, p.neighbourhood_id, p.category, p.channel, p.status);
	print_time("raised", p.raised_at);
	printf("raised by %d %s through %d %s\n", p.group_people, p.group_people == 1 ? "person" : "people",
	       p.group_channels, p.group_channels == 1 ? "channel" : "channels");
	if (p.priority_id)
		printf("priority %lld (%s): %s\n", (long long)p.priority_id, p.priority_status, p.priority_title);
	if (p.feedback_outcome[0]) {
		printf("you said, we did: %s%s%s\n", p.feedback_outcome, p.feedback_reason[0] ? " - " : "",
		       p.feedback_reason);
		printf("  %s\n", p.feedback_text);
	}
	return EXIT_OK;
}

/* The raiser's details: only with --purpose and --by, and logged. */
static int concern_contact(struct cli_ctx *ctx, const char *arg)
{
	struct audit_actor by = { cli_opt(ctx, "by"), NULL };
	struct concern_contact c;
	struct err e = ERR_INIT;
	int64_t id;

	if (parse_int_range(arg, strlen(arg), 1, INT64_MAX, &id) < 0 || !cli_opt(ctx, "purpose") ||
	    !cli_opt(ctx, "by")) {
		cli_error("concern: contact ID --purpose \"why you need them\" --by USER "
			  "(every look at a raiser's details is logged with its reason)");
		return EXIT_USAGE;
	}
	if (concern_contact_open(ctx->store, id, &by, cli_opt(ctx, "purpose"), &c, &e) < 0) {
		cli_error("concern: %s", e.msg);
		return e.code == ERR_INVALID ? EXIT_USAGE : cli_exit_for(e.code);
	}
	printf("concern %lld (this look is in the audit trail)\n", (long long)c.concern_id);
	printf("name %s\nemail %s\nphone %s\naddress %s\n", c.name, c.email, c.phone, c.address);
	if (c.consent_contact)
		printf("consent to contact: %s\n", c.consent_purpose);
	else
		printf("consent to contact: none\n");
	return EXIT_OK;
}

int cmd_concern(struct cli_ctx *ctx)
{
	const char *action = ctx->args[0];
	struct err e = ERR_INIT;
	int ok = 1;

	if (!strcmp(action, "add") && ctx->nargs == 1)
		return concern_add(ctx);
	if (!strcmp(action, "show") && ctx->nargs == 2)
		return concern_show(ctx, ctx->args[1]);
	if (!strcmp(action, "contact") && ctx->nargs == 2)
		return concern_contact(ctx, ctx->args[1]);
	if (!strcmp(action, "regroup") && ctx->nargs == 2) {
		int64_t id, group = cli_opt_int(ctx, "group", 1, INT64_MAX, 0, &ok);
		int64_t version = cli_opt_int(ctx, "version", 1, INT64_MAX, 0, &ok);

		if (!ok || parse_int_range(ctx->args[1], strlen(ctx->args[1]), 1, INT64_MAX, &id) < 0 || !group) {
			cli_error("concern: regroup ID --group G [--version N]");
			return EXIT_USAGE;
		}
		if (concern_regroup(ctx->store, id, version, group, &e) < 0) {
			cli_error("concern: %s", e.msg);
			return cli_exit_for(e.code);
		}
		printf("concern %lld is now in group %lld\n", (long long)id, (long long)group);
		return EXIT_OK;
	}
	if (!strcmp(action, "category") && ctx->nargs == 2) {
		int64_t id, version = cli_opt_int(ctx, "version", 1, INT64_MAX, 0, &ok);

		if (!ok || parse_int_range(ctx->args[1], strlen(ctx->args[1]), 1, INT64_MAX, &id) < 0) {
			cli_error("concern: category ID --category SLUG [--version N]");
			return EXIT_USAGE;
		}
		if (concern_set_category(ctx->store, id, version, cli_opt(ctx, "category"), &e) < 0) {
			cli_error("concern: %s", e.msg);
			return cli_exit_for(e.code);
		}
		printf("concern %lld is %s (confirmed)\n", (long long)id, cli_opt(ctx, "category"));
		return EXIT_OK;
	}
	cli_error("concern: expected add, show REFERENCE, category ID, contact ID or regroup ID (engage concern --help)");
	return EXIT_USAGE;
}
