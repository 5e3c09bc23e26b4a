/*
 * config.c - the settings table and its three sources (see config.h).
 *
 * To add a setting: add a row to config_keys[] (keep names dotted and
 * lower-case), read it with config_int/config_str where it is used, and run
 * `build/engage help config --markdown > docs/config.md`.
 */
#include "cli/config.h"

#include "base/parse.h"
#include "base/xalloc.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

const struct config_key config_keys[] = {
	{ "auth.lockout_after", NULL, CFG_INT, 1, 100, NULL, "5",
	  "wrong passwords in a row that lock an account" },
	{ "auth.lockout_minutes", NULL, CFG_INT, 1, 1440, NULL, "15",
	  "minutes the first lockout lasts; each further lockout doubles it, up to 24 hours" },
	{ "auth.session_idle_minutes", NULL, CFG_INT, 1, 1440, NULL, "30",
	  "a signed-in session unused this long ends" },
	{ "auth.session_max_hours", NULL, CFG_INT, 1, 168, NULL, "12",
	  "a session ends this long after sign-in, however busy" },
	{ "database", "database", CFG_STRING, 0, 0, NULL, "engage.db",
	  "SQLite database file holding everything Engage stores" },
	{ "http.bind", "bind", CFG_STRING, 0, 0, NULL, "127.0.0.1",
	  "address to listen on (put a TLS proxy such as nginx in front for public use)" },
	{ "http.port", "port", CFG_INT, 0, 65535, NULL, "8080",
	  "TCP port to listen on; 0 picks a free one" },
	{ "http.threads", "threads", CFG_INT, 1, 256, NULL, "2",
	  "worker threads answering requests" },
	{ "http.max_connections", NULL, CFG_INT, 1, 100000, NULL, "1024",
	  "connections held open at once; more are refused" },
	{ "http.max_body_bytes", NULL, CFG_INT, 1024, 67108864, NULL, "1048576",
	  "largest request body accepted (413 beyond)" },
	{ "http.max_header_bytes", NULL, CFG_INT, 4096, 1048576, NULL, "16384",
	  "largest request line and headers accepted (431 beyond)" },
	{ "http.request_timeout", NULL, CFG_INT, 1, 3600, NULL, "30",
	  "seconds a connection may stay idle or stall mid-request" },
	{ "http.shutdown_grace", NULL, CFG_INT, 0, 600, NULL, "10",
	  "seconds in-flight requests get to finish after SIGINT or SIGTERM" },
	{ "http.port_file", NULL, CFG_STRING, 0, 0, NULL, "",
	  "write the listening port to this file once serving (for scripts and tests)" },
	{ "import.threads", NULL, CFG_INT, 0, 16, NULL, "0",
	  "threads parsing, placing and packing police.uk files at once; 0: one per core" },
	{ "log.level", NULL, CFG_ENUM, 0, 0, "debug|info|warn|error", "info",
	  "least severe log level written" },
	{ "log.file", NULL, CFG_STRING, 0, 0, NULL, "",
	  "append log lines to this file instead of stderr" },
	{ "api.prerender_months", NULL, CFG_INT, 0, 1200, NULL, "1",
	  "police.uk API: newest months whose crimes and stops are rendered to JSON once at start-up (faster answers, more memory); older months render per request" },
	{ "log.access", NULL, CFG_BOOL, 0, 1, NULL, "true",
	  "write one access-log line per request (never with query strings or bodies)" },
	{ "publish.min_count", NULL, CFG_INT, 1, 1000, NULL, "3",
	  "published counts from 1 to this minus one are suppressed (1: none); see docs/open-data.md" },
	{ "publish.snap_max_m", NULL, CFG_INT, 1, 100000, NULL, "500",
	  "metres a precise location may move to an anonymous map point; beyond, the LSOA centroid" },
	{ "store.busy_timeout_ms", NULL, CFG_INT, 0, 600000, NULL, "5000",
	  "milliseconds a write waits for another process's lock" },
	{ "retention.contact_months", NULL, CFG_INT, 1, 600, NULL, "12",
	  "months a raiser's contact details are kept after their concern is answered or closed (engage retention run)" },
	{ "retention.message_months", NULL, CFG_INT, 1, 600, NULL, "6",
	  "months a message to a raiser is kept after it was queued (engage retention run)" },
	{ "web.concern_limit", NULL, CFG_INT, 1, 10000, NULL, "5",
	  "concerns one client (an IPv4 address or an IPv6 /64) may send through the public form per web.concern_window_minutes; more are answered 429" },
	{ "web.signin_limit", NULL, CFG_INT, 1, 10000, NULL, "10",
	  "staff sign-in attempts one client may make per web.signin_window_minutes, right or wrong; more are answered 429" },
	{ "web.signin_window_minutes", NULL, CFG_INT, 1, 1440, NULL, "10",
	  "the window of web.signin_limit, in minutes" },
	{ "web.concern_window_minutes", NULL, CFG_INT, 1, 1440, NULL, "10",
	  "the window of web.concern_limit, in minutes" },
	{ "http.trust_proxy", NULL, CFG_BOOL, 0, 1, NULL, "false",
	  "take the client's address from the last X-Forwarded-For entry (only behind a proxy that sets it, such as nginx); used for rate limits, never logged" },
	{ "web.assets", NULL, CFG_STRING, 0, 0, NULL, "",
	  "folder of static assets (CSS, scripts); empty: ./build/web (a built checkout), then the installed copy" },
};

const int config_key_count = (int)(sizeof(config_keys) / sizeof(config_keys[0]));

int config_find(const char *name)
{
	for (int i = 0; i < config_key_count; i++)
		if (!strcmp(config_keys[i].name, name) ||
		    (config_keys[i].alias && !strcmp(config_keys[i].alias, name)))
			return i;
	return -1;
}

static int parse_bool(const char *s, int64_t *out)
{
	if (!strcmp(s, "true") || !strcmp(s, "yes") || !strcmp(s, "on") || !strcmp(s, "1"))
		*out = 1;
	else if (!strcmp(s, "false") || !strcmp(s, "no") || !strcmp(s, "off") || !strcmp(s, "0"))
		*out = 0;
	else
		return -1;
	return 0;
}

static int enum_has(const char *choices, const char *s)
{
	size_t n = strlen(s);
	const char *p = choices;

	while (p && *p) {
		const char *bar = strchr(p, '|');
		size_t k = bar ? (size_t)(bar - p) : strlen(p);
		if (k == n && !strncmp(p, s, n))
			return 1;
		p = bar ? bar + 1 : NULL;
	}
	return 0;
}

/* Check `text` against key i's type and bounds and store it. */
static int set_value(struct config *c, int i, const char *text, enum config_source src,
		     const char *origin, struct err *e)
{
	const struct config_key *k = &config_keys[i];
	struct config_value *v = &c->v[i];
	int64_t num = 0;
	char *copy;

	switch (k->type) {
	case CFG_INT:
		if (parse_int_range(text, strlen(text), k->min, k->max, &num) < 0)
			return err_set(e, ERR_INVALID,
				       "%s: %s: \"%s\" is not a whole number from %lld to %lld",
				       origin, k->name, text, (long long)k->min, (long long)k->max);
		break;
	case CFG_BOOL:
		if (parse_bool(text, &num) < 0)
			return err_set(e, ERR_INVALID, "%s: %s: \"%s\" is not true or false",
				       origin, k->name, text);
		break;
	case CFG_ENUM:
		if (!enum_has(k->choices, text))
			return err_set(e, ERR_INVALID, "%s: %s: \"%s\" is not one of %s",
				       origin, k->name, text, k->choices);
		break;
	case CFG_STRING:
		break;
	}
	copy = xstrdup(text);
	if (!copy)
		return err_set(e, ERR_NOMEM, "out of memory reading settings");
	xfree(v->text);
	v->text = copy;
	v->num = num;
	v->source = src;
	snprintf(v->origin, sizeof(v->origin), "%s", origin);
	return 0;
}

/* http.port -> ENGAGE_HTTP_PORT */
static void env_name(const char *key, char *var, size_t size)
{
	size_t n = (size_t)snprintf(var, size, "ENGAGE_");

	for (const char *p = key; *p && n + 1 < size; p++)
		var[n++] = *p == '.' ? '_' : (char)toupper((unsigned char)*p);
	var[n] = '\0';
}

static char *trim(char *s)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return s;
}

static int load_file(struct config *c, const char *path, struct err *e)
{
	char line[4096], origin[300];
	FILE *f = fopen(path, "r");
	int lineno = 0, rc = 0;

	if (!f)
		return err_set(e, ERR_IO, "cannot read config file '%s': %s", path, strerror(errno));
	snprintf(c->file, sizeof(c->file), "%s", path);
	while (fgets(line, sizeof(line), f)) {
		char *s, *eq, *key, *val;
		int i;

		lineno++;
		if (!strchr(line, '\n') && !feof(f)) {
			rc = err_set(e, ERR_INVALID, "%s:%d: line longer than %zu bytes",
				     path, lineno, sizeof(line) - 1);
			break;
		}
		s = trim(line);
		if (!*s || *s == '#')
			continue;
		eq = strchr(s, '=');
		if (!eq) {
			rc = err_set(e, ERR_INVALID, "%s:%d: expected 'name = value', got \"%s\"",
				     path, lineno, s);
			break;
		}
		*eq = '\0';
		key = trim(s);
		val = trim(eq + 1);
		i = config_find(key);
		if (i < 0 || strcmp(config_keys[i].name, key)) {
			rc = err_set(e, ERR_INVALID,
				     "%s:%d: unknown setting \"%s\" (see 'engage help config')",
				     path, lineno, key);
			break;
		}
		snprintf(origin, sizeof(origin), "%s:%d", path, lineno);
		if ((rc = set_value(c, i, val, SRC_FILE, origin, e)) < 0)
			break;
	}
	if (!rc && ferror(f))
		rc = err_set(e, ERR_IO, "cannot read config file '%s': %s", path, strerror(errno));
	fclose(f);
	return rc;
}

int config_load(struct config *c, const char *file, struct err *e)
{
	memset(c, 0, sizeof(*c));
	for (int i = 0; i < config_key_count; i++)
		if (set_value(c, i, config_keys[i].def, SRC_DEFAULT, "default", e) < 0)
			return err_prefix(e, "built-in default");	/* a bug */
	if (!file || !*file)
		file = getenv("ENGAGE_CONFIG");
	if (file && *file)
		return load_file(c, file, e);
	return 0;
}

int config_load_env(struct config *c, struct err *e)
{
	char var[128];

	for (int i = 0; i < config_key_count; i++) {
		const char *val;

		env_name(config_keys[i].name, var, sizeof(var));
		val = getenv(var);
		if (val && set_value(c, i, val, SRC_ENV, var, e) < 0)
			return e->code;
	}
	return 0;
}

int config_set_flag(struct config *c, const char *name, const char *value, struct err *e)
{
	char origin[160];
	int i = config_find(name);

	if (i < 0)
		return err_set(e, ERR_INVALID, "unknown option '--%s'", name);
	snprintf(origin, sizeof(origin), "--%s", name);
	return set_value(c, i, value, SRC_FLAG, origin, e);
}

void config_release(struct config *c)
{
	for (int i = 0; i < config_key_count; i++) {
		xfree(c->v[i].text);
		c->v[i].text = NULL;
	}
}

static int must_find(const char *name)
{
	int i = config_find(name);

	if (i < 0)
		abort();	/* a bug: the caller named a key the table lacks */
	return i;
}

const char *config_str(const struct config *c, const char *name)
{
	const char *s = c->v[must_find(name)].text;

	return s ? s : "";
}

int64_t config_int(const struct config *c, const char *name)
{
	return c->v[must_find(name)].num;
}

void config_print(const struct config *c, FILE *out)
{
	static const char *const src[] = { "default", "file", "environment", "flag" };

	if (c->file[0])
		fprintf(out, "# config file: %s\n", c->file);
	for (int i = 0; i < config_key_count; i++)
		fprintf(out, "%s = %s\t# %s (%s)\n", config_keys[i].name,
			c->v[i].text ? c->v[i].text : "", src[c->v[i].source], c->v[i].origin);
}

void config_print_reference(FILE *out)
{
	static const char *const types[] = { "text", "number", "true/false", "one of" };

	fprintf(out, "# Configuration reference\n\n"
		"Generated by `engage help config --markdown` from the settings table in\n"
		"`src/cli/config.c`. Values come from a config file (`--config FILE` or\n"
		"`ENGAGE_CONFIG`), then `ENGAGE_*` environment variables, then command-line\n"
		"flags; a later source wins. The file holds lines `name = value`; `#` starts\n"
		"a comment. See `etc/engage.conf.example`.\n\n"
		"| setting | flag | environment | type | default | what it does |\n"
		"| --- | --- | --- | --- | --- | --- |\n");
	for (int i = 0; i < config_key_count; i++) {
		const struct config_key *k = &config_keys[i];
		char var[128];

		env_name(k->name, var, sizeof(var));
		fprintf(out, "| `%s` | `--%s` | `%s` | %s", k->name, k->alias ? k->alias : k->name,
			var, types[k->type]);
		if (k->type == CFG_INT)
			fprintf(out, " %lld-%lld", (long long)k->min, (long long)k->max);
		if (k->type == CFG_ENUM)
			fprintf(out, " `%s`", k->choices);
		fprintf(out, " | `%s` | %s |\n", k->def, k->help);
	}
}
