/*
 * cmd_person.c - `engage person export|erase` and `engage retention run`:
 * subject access, erasure and retention (engage/privacy.h).
 */
#include "cli/cli.h"

#include "base/timeutil.h"
#include "engage/privacy.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The export holds personal data: a new file only its owner can read
 * (never an existing one, which may be someone else's). */
static int write_out(const char *path, const struct strbuf *sb)
{
	int fd = path ? open(path, O_WRONLY | O_CREAT | O_EXCL, 0600) : -1;
	FILE *f = path ? (fd >= 0 ? fdopen(fd, "w") : NULL) : stdout;

	if (!f) {
		cli_error("person export: cannot create '%s': %s", path ? path : "-", strerror(errno));
		if (fd >= 0)
			close(fd);
		return EXIT_FAILED;
	}
	fwrite(sb->buf ? sb->buf : "", 1, sb->len, f);
	if ((path && fclose(f) != 0) || (!path && fflush(f) != 0)) {
		cli_error("person export: cannot write '%s'", path ? path : "standard output");
		return EXIT_FAILED;
	}
	return EXIT_OK;
}

int cmd_person(struct cli_ctx *ctx)
{
	struct person_query q = { cli_opt(ctx, "email"), cli_opt(ctx, "phone"),
				  cli_opt(ctx, "reference") };
	char who[128];
	struct audit_actor by = { cli_actor(ctx, who, sizeof(who)), "administrator" };
	struct strbuf out = STRBUF_INIT;
	struct err e = ERR_INIT;
	int n = 0, rc;

	if (!strcmp(ctx->args[0], "export")) {
		rc = privacy_subject_access(ctx->store, &q, &by, cli_opt(ctx, "purpose"), &out, &n, &e);
		if (rc == 0 && n)
			rc = write_out(cli_opt(ctx, "out"), &out) == EXIT_OK ? 0 : ERR_IO;
		strbuf_release(&out);
		if (rc == ERR_IO)
			return EXIT_FAILED;
	} else if (!strcmp(ctx->args[0], "erase")) {
		rc = privacy_erase(ctx->store, &q, &by, cli_opt(ctx, "reason"), &n, &e);
		if (rc == 0 && n)
			printf("erased the personal data of %d %s; the audit trail records it\n", n,
			       n == 1 ? "concern" : "concerns");
	} else {
		cli_error("person: expected export or erase (engage person --help)");
		return EXIT_USAGE;
	}
	if (rc < 0) {
		cli_error("person %s: %s", ctx->args[0], e.msg);
		return cli_exit_for(rc);
	}
	if (!n) {
		cli_error("person %s: nothing is held about that person", ctx->args[0]);
		return EXIT_FAILED;
	}
	if (cli_opt(ctx, "out"))
		printf("wrote everything held about %d %s to %s\n", n, n == 1 ? "concern" : "concerns",
		       cli_opt(ctx, "out"));
	return EXIT_OK;
}

int cmd_retention(struct cli_ctx *ctx)
{
	struct retention_rules rules = {
		(int)config_int(&ctx->cfg, "retention.contact_months"),
		(int)config_int(&ctx->cfg, "retention.message_months"),
	};
	char who[128];
	struct audit_actor by = { cli_actor(ctx, who, sizeof(who)), "administrator" };
	struct retention_result r;
	struct err e = ERR_INIT;
	int dry = cli_opt(ctx, "dry-run") != NULL;

	if (strcmp(ctx->args[0], "run")) {
		cli_error("retention: expected run (engage retention --help)");
		return EXIT_USAGE;
	}
	if (privacy_retention_run(ctx->store, &rules, time_now(), dry, &by, &r, &e) < 0) {
		cli_error("retention: %s", e.msg);
		return cli_exit_for(e.code);
	}
	printf("%s the contact details of %d %s (answered or closed over %d months ago) and "
	       "%d %s (over %d months old)\n", dry ? "would erase" : "erased", r.contacts,
	       r.contacts == 1 ? "concern" : "concerns", rules.contact_months, r.messages,
	       r.messages == 1 ? "message" : "messages", rules.message_months);
	return EXIT_OK;
}
