/*
 * cmd_audit.c - `engage audit verify|show`: check the audit trail's hash
 * chain, and answer "who looked at this record, when and why".
 */
#include "cli/cli.h"

#include "base/parse.h"
#include "base/timeutil.h"
#include "engage/audit.h"

#include <stdio.h>
#include <string.h>

static int verify(struct cli_ctx *ctx)
{
	struct audit_verdict v;
	struct err e = ERR_INIT;

	if (audit_verify(ctx->store, &v, &e) < 0) {
		cli_error("audit: %s", e.msg);
		return cli_exit_for(e.code);
	}
	if (v.first_bad_id) {
		cli_error("audit: chain broken at entry %lld: %s", (long long)v.first_bad_id, v.reason);
		return EXIT_FAILED;
	}
	printf("chain intact: %lld entries\n", (long long)v.entries);
	if (v.head[0])
		printf("head %s\n", v.head);
	return EXIT_OK;
}

/* "concern_contact:12" into its kind (a buffer of 64 bytes) and id. */
static int parse_record(const char *arg, char kind[64], int64_t *id)
{
	const char *colon = strchr(arg, ':');

	if (!colon || colon == arg || (size_t)(colon - arg) >= 64 ||
	    parse_int_range(colon + 1, strlen(colon + 1), 1, INT64_MAX, id) < 0) {
		cli_error("audit: --record \"%s\" is not KIND:ID (e.g. concern_contact:12)", arg);
		return -1;
	}
	memcpy(kind, arg, (size_t)(colon - arg));
	kind[colon - arg] = '\0';
	return 0;
}

/* A day "YYYY-MM-DD" (midnight, Europe/London) or an ISO 8601 time. */
static int parse_since(const char *arg, int64_t *out)
{
	char buf[40];

	snprintf(buf, sizeof(buf), strlen(arg) == 10 ? "%sT00:00" : "%s", arg);
	if (time_parse_iso(buf, strlen(buf), out) < 0) {
		cli_error("audit: --since \"%s\" is not a date (YYYY-MM-DD) or time", arg);
		return -1;
	}
	return 0;
}

static int print_entry(void *ctx, const struct audit_entry *a)
{
	char when[21];

	time_format_utc(a->at, when);
	printf("%lld\t%s\t%s%s%s%s\t%s\t%s:%lld\t%s", (long long)a->id, when, a->actor,
	       a->actor_role ? " (" : "", a->actor_role ? a->actor_role : "",
	       a->actor_role ? ")" : "",
	       a->op < AUDIT_OP_COUNT ? audit_op_names[a->op] : "?", a->record_kind,
	       (long long)a->record_id, a->purpose ? a->purpose : "-");
	if (a->recipient)
		printf("\tto %s", a->recipient);
	if (a->detail)
		printf("\t%s", a->detail);
	putchar('\n');
	(*(int *)ctx)++;
	return 0;
}

static int show(struct cli_ctx *ctx)
{
	struct audit_filter f = { 0 };
	struct err e = ERR_INIT;
	char kind[64];
	int n = 0;

	if (cli_opt(ctx, "record")) {
		if (parse_record(cli_opt(ctx, "record"), kind, &f.record_id) < 0)
			return EXIT_USAGE;
		f.record_kind = kind;
	}
	f.actor = cli_opt(ctx, "actor");
	if (cli_opt(ctx, "since") && parse_since(cli_opt(ctx, "since"), &f.since) < 0)
		return EXIT_USAGE;
	printf("id\tat (UTC)\twho\twhat\trecord\twhy\n");
	if (audit_each(ctx->store, &f, print_entry, &n, &e) < 0) {
		cli_error("audit: %s", e.msg);
		return cli_exit_for(e.code);
	}
	fprintf(stderr, "%d %s\n", n, n == 1 ? "entry" : "entries");
	return EXIT_OK;
}

int cmd_audit(struct cli_ctx *ctx)
{
	if (!strcmp(ctx->args[0], "verify"))
		return verify(ctx);
	if (!strcmp(ctx->args[0], "show"))
		return show(ctx);
	cli_error("audit: expected verify or show (engage audit --help)");
	return EXIT_USAGE;
}
