/*
 * cmd_feedback.c - `engage feedback give`: "you said, we did" for a concern
 * or a priority; the only way either is closed.
 */
#include "cli/cli.h"

#include "engage/feedback.h"

#include <stdio.h>
#include <string.h>

int cmd_feedback(struct cli_ctx *ctx)
{
	struct feedback_input in = { 0 };
	struct err e = ERR_INIT;
	int64_t id;
	int ok = 1, messages = 0;
	int64_t concern = cli_opt_int(ctx, "concern", 1, INT64_MAX, 0, &ok);
	int64_t priority = cli_opt_int(ctx, "priority", 1, INT64_MAX, 0, &ok);

	if (strcmp(ctx->args[0], "give")) {
		cli_error("feedback: expected give (engage feedback --help)");
		return EXIT_USAGE;
	}
	if (!ok)
		return EXIT_USAGE;
	if (!concern == !priority) {
		cli_error("feedback: give --concern ID or --priority ID (one of them)");
		return EXIT_USAGE;
	}
	in.subject_kind = concern ? "concern" : "priority";
	in.subject_id = concern ? concern : priority;
	in.outcome = cli_opt(ctx, "outcome");
	in.reason = cli_opt(ctx, "reason");
	in.public_text = cli_opt(ctx, "text");
	in.internal_note = cli_opt(ctx, "note");
	in.created_by = cli_opt(ctx, "by") ? cli_opt(ctx, "by") : "command line";
	in.publish_anyway = cli_opt(ctx, "publish-anyway") != NULL;
	if (feedback_give(ctx->store, &in, &id, &messages, &e) < 0) {
		cli_error("feedback: %s", e.msg);
		return cli_exit_for(e.code);
	}
	printf("feedback %lld given; %s %lld closed", (long long)id, in.subject_kind,
	       (long long)in.subject_id);
	if (messages)
		printf("; %d %s queued to people who asked to hear back", messages,
		       messages == 1 ? "message" : "messages");
	printf("\n");
	return EXIT_OK;
}
