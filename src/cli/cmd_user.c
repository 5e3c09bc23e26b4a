/*
 * cmd_user.c - `engage user add|list|role|disable|enable|reset|token|check`:
 * accounts from the command line.  Passwords come from standard input or a
 * file (never a flag, which `ps` would show) or are generated and printed
 * once; nothing prints a hash or a secret.
 */
#include "cli/cli.h"

#include "auth/auth.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

void cli_auth_policy(const struct cli_ctx *ctx, struct auth_policy *p)
{
	struct auth_policy d = AUTH_POLICY_DEFAULT;

	*p = d;
	p->lockout_after = (int)config_int(&ctx->cfg, "auth.lockout_after");
	p->lockout_seconds = config_int(&ctx->cfg, "auth.lockout_minutes") * 60;
	p->session_idle_seconds = config_int(&ctx->cfg, "auth.session_idle_minutes") * 60;
	p->session_max_seconds = config_int(&ctx->cfg, "auth.session_max_hours") * 3600;
}

/* The first line of `f` into buf, without its newline; -1 when empty. */
static int read_line(FILE *f, char *buf, size_t size)
{
	if (!fgets(buf, (int)size, f))
		return -1;
	buf[strcspn(buf, "\r\n")] = '\0';
	return buf[0] ? 0 : -1;
}

/* The password for add, reset and check: --password-file, a generated one
 * (--generate-password, printed once), or a line on standard input. */
static int get_password(struct cli_ctx *ctx, char *buf, size_t size, int may_generate)
{
	const char *file = cli_opt(ctx, "password-file");
	int rc = -1;

	if (may_generate && cli_opt(ctx, "generate-password")) {
		unsigned char raw[16];

		randombytes_buf(raw, sizeof(raw));
		sodium_bin2base64(buf, size, raw, sizeof(raw), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
		sodium_memzero(raw, sizeof(raw));
		printf("password: %s\n(shown once: give it to the user and ask them to change it)\n", buf);
		return 0;
	}
	if (file) {
		FILE *f = fopen(file, "r");

		if (!f) {
			cli_error("user: cannot read --password-file '%s'", file);
			return -1;
		}
		rc = read_line(f, buf, size);
		fclose(f);
		if (rc < 0)
			cli_error("user: --password-file '%s' has no password on its first line", file);
		return rc;
	}
	if (isatty(STDIN_FILENO)) {
		struct termios old, quiet;
		int restore = tcgetattr(STDIN_FILENO, &old) == 0;

		fputs("password: ", stderr);
		if (restore) {
			quiet = old;
			quiet.c_lflag &= ~(tcflag_t)ECHO;
			tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
		}
		rc = read_line(stdin, buf, size);
		if (restore)
			tcsetattr(STDIN_FILENO, TCSANOW, &old);
		fputc('\n', stderr);
	} else {
		rc = read_line(stdin, buf, size);
	}
	if (rc < 0)
		cli_error("user: no password on standard input (or use --password-file FILE%s)",
			  may_generate ? " or --generate-password" : "");
	return rc;
}

/* "GM01,GM02" into the list (pointers into `copy`); -1 when too many. */
static int split_list(const char *list, char *copy, size_t size, const char **out, int max)
{
	int n = 0;

	snprintf(copy, size, "%s", list);
	for (char *p = copy; *p && n < max + 1;) {
		char *comma = strchr(p, ',');

		if (comma)
			*comma = '\0';
		if (*p)
			out[n++] = p;
		if (!comma)
			break;
		p = comma + 1;
	}
	return n > max ? -1 : n;
}

static int print_user(void *ctx, const struct auth_user *u)
{
	int64_t now = *(int64_t *)ctx;
	char nbhds[200] = "", *p = nbhds;
	size_t left = sizeof(nbhds);

	for (int i = 0; i < u->scope.n && left > 1; i++) {
		int w = snprintf(p, left, "%s%s", i ? "," : "", u->scope.neighbourhoods[i]);

		if (w < 0 || (size_t)w >= left)
			break;
		p += w, left -= (size_t)w;
	}
	printf("%-20s %-14s %-14s %-18s %-20s %-9s %s\n", u->username,
	       u->scope.role >= 0 ? roles[u->scope.role].slug : "?",
	       u->scope.force_id[0] ? u->scope.force_id : "-", nbhds[0] ? nbhds : "-",
	       u->partner_org[0] ? u->partner_org : "-",
	       u->disabled ? "disabled" : u->locked_until > now ? "locked" : "active",
	       u->has_totp ? "yes" : "no");
	return 0;
}

int cmd_user(struct cli_ctx *ctx)
{
	struct err e = ERR_INIT;
	struct auth_user u;
	const char *verb = ctx->args[0], *name = ctx->nargs > 1 ? ctx->args[1] : NULL;
	char password[AUTH_PASSWORD_MAX + 2];
	int64_t now = (int64_t)time(NULL), id;
	int rc = 0;

	if (auth_init(&e) < 0) {
		cli_error("%s", e.msg);
		return EXIT_FAILED;
	}
	if (!strcmp(verb, "list")) {
		printf("%-20s %-14s %-14s %-18s %-20s %-9s %s\n", "USERNAME", "ROLE", "FORCE",
		       "NEIGHBOURHOODS", "PARTNER ORG", "STATE", "2FA");
		rc = auth_user_each(ctx->store, print_user, &now, &e);
		goto out;
	}
	if (!name) {
		cli_error("user %s: name the user (engage user --help)", verb);
		return EXIT_USAGE;
	}
	if (!strcmp(verb, "add")) {
		const char *nb[SCOPE_MAX_NEIGHBOURHOODS];
		char copy[SCOPE_MAX_NEIGHBOURHOODS * 66];
		struct auth_new_user nu = { name, cli_opt(ctx, "name"), cli_opt(ctx, "role"),
					    cli_opt(ctx, "force"), cli_opt(ctx, "partner-org"), nb, 0 };

		if (!nu.role) {
			cli_error("user add: --role is needed: one of %s", role_list());
			return EXIT_USAGE;
		}
		if (cli_opt(ctx, "neighbourhoods") &&
		    (nu.n_neighbourhoods = split_list(cli_opt(ctx, "neighbourhoods"), copy, sizeof(copy),
						      nb, SCOPE_MAX_NEIGHBOURHOODS)) < 0) {
			cli_error("user add: --neighbourhoods lists more than %d", SCOPE_MAX_NEIGHBOURHOODS);
			return EXIT_USAGE;
		}
		if (get_password(ctx, password, sizeof(password), 1) < 0)
			return EXIT_USAGE;
		rc = auth_user_add(ctx->store, &nu, password, now, &id, &e);
		if (rc == 0)
			printf("user %s added (%s)\n", name, nu.role);
		goto out;
	}
	if (!strcmp(verb, "check")) {	/* exactly as a sign-in: no lookup first */
		struct auth_policy p;

		cli_auth_policy(ctx, &p);
		if (get_password(ctx, password, sizeof(password), 0) < 0)
			return EXIT_USAGE;
		if ((rc = auth_password_check(ctx->store, &p, name, password, now, &u, &e)) == 0)
			printf("password accepted\n");
		goto out;
	}
	if ((rc = auth_user_get(ctx->store, name, &u, &e)) < 0) {
		if (rc == ERR_NOTFOUND)
			err_set(&e, ERR_NOTFOUND, "user \"%s\": no such user (engage user list)", name);
		goto out;
	}
	if (!strcmp(verb, "role")) {
		if (!cli_opt(ctx, "role")) {
			cli_error("user role: --role is needed: one of %s", role_list());
			return EXIT_USAGE;
		}
		if ((rc = auth_user_set_role(ctx->store, u.id, cli_opt(ctx, "role"), &e)) == 0)
			printf("user %s is now %s\n", name, cli_opt(ctx, "role"));
	} else if (!strcmp(verb, "disable") || !strcmp(verb, "enable")) {
		int off = verb[0] == 'd';

		if ((rc = auth_user_set_disabled(ctx->store, u.id, off, &e)) == 0)
			printf("user %s %s%s\n", name, off ? "disabled" : "enabled",
			       off ? "; their sessions ended and API tokens revoked" : "");
	} else if (!strcmp(verb, "reset")) {
		if (get_password(ctx, password, sizeof(password), 1) < 0)
			return EXIT_USAGE;
		if ((rc = auth_user_set_password(ctx->store, u.id, password, &e)) == 0)
			printf("user %s has a new password; failed attempts and lockout cleared\n", name);
	} else if (!strcmp(verb, "token")) {
		char token[AUTH_API_TOKEN_LEN + 1];

		if ((rc = auth_token_create(ctx->store, u.id, cli_opt(ctx, "label"), now, token, &id, &e)) == 0) {
			printf("API token %lld for %s: %s\n(shown once: it is stored only as a hash)\n",
			       (long long)id, name, token);
			sodium_memzero(token, sizeof(token));
		}
	} else if (!strcmp(verb, "totp")) {
		char b32[AUTH_TOTP_SECRET_B32];

		if ((rc = auth_totp_enrol(ctx->store, u.id, b32, &e)) == 0) {
			printf("authenticator secret for %s: %s\n"
			       "otpauth://totp/Engage:%s?secret=%s&issuer=Engage&digits=6&period=30\n"
			       "(shown once: add it to the authenticator app now; from the next sign-in "
			       "the 6-digit code is needed)\n", name, b32, name, b32);
			sodium_memzero(b32, sizeof(b32));
		}
	} else {
		cli_error("user: expected add, list, role, disable, enable, reset, token, totp or check");
		return EXIT_USAGE;
	}
out:
	sodium_memzero(password, sizeof(password));
	if (rc < 0) {
		cli_error("user %s: %s", verb, e.msg);
		return cli_exit_for(rc);
	}
	return EXIT_OK;
}
