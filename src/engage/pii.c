/*
 * pii.c - the personal-data check on public text (see pii.h).
 *
 * E-mail addresses and telephone numbers are found by model/public_text.h;
 * registrations and addresses by POSIX extended regular expressions
 * (libc's regex.h), compiled once.  ERE has no word boundaries, so each pattern carries its
 * own "not a letter or digit" edges and the match is trimmed to the part
 * that matters.
 */
#include "engage/pii.h"

#include <pthread.h>
#include <regex.h>
#include <stdio.h>
#include <string.h>

#include "engage/audit.h"
#include "model/public_text.h"

const char *const pii_kind_names[PII_KIND_COUNT] = {
	[PII_EMAIL] = "an email address",
	[PII_PHONE] = "a telephone number",
	[PII_VEHICLE] = "a vehicle registration",
	[PII_ADDRESS] = "a house number and street",
	[PII_NAME] = "a person's name",
};

#define EDGE_L "(^|[^A-Za-z0-9])"
#define EDGE_R "([^A-Za-z0-9]|$)"
#define STREET_TYPES "(Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Court|Ct|" \
	"Crescent|Place|Pl|Terrace|Gardens|Grove|Hill|Row|Square|Walk|Mews|View|Park|Rise|" \
	"Parade|Green|Vale)"
#define WELSH_STREET_TYPES "(Heol|Stryd|Ffordd|Lon|Lôn|Rhodfa|Cilgant|Teras|Maes)"

static const struct {
	enum pii_kind kind;
	const char *pattern;
	int icase;
} patterns[] = {
	{ PII_VEHICLE, EDGE_L "[A-Z]{2}[0-9]{2}[ ]?[A-Z]{3}" EDGE_R, 1 },
	{ PII_VEHICLE, EDGE_L "[A-Z][0-9]{1,3}[ ]?[A-Z]{3}" EDGE_R, 0 },
	{ PII_ADDRESS, EDGE_L "[0-9]{1,4}[A-Za-z]?,?[ ]+([A-Z][A-Za-z'-]+[ ]+){1,3}" STREET_TYPES
		       EDGE_R, 0 },
	{ PII_ADDRESS, EDGE_L "[0-9]{1,4}[A-Za-z]?,?[ ]+" WELSH_STREET_TYPES "[ ]+[A-Za-z]", 0 },
};
#define NPATTERNS (sizeof(patterns) / sizeof(patterns[0]))

static regex_t compiled[NPATTERNS];
static int compiled_ok;
static pthread_once_t compile_once = PTHREAD_ONCE_INIT;

static void compile_patterns(void)
{
	for (size_t i = 0; i < NPATTERNS; i++)
		if (regcomp(&compiled[i], patterns[i].pattern,
			    REG_EXTENDED | (patterns[i].icase ? REG_ICASE : 0)) != 0)
			return;
	compiled_ok = 1;
}

static int is_edge(char c)
{
	return !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
}

static void add(struct pii_report *r, enum pii_kind kind, size_t at, size_t len)
{
	size_t i;

	for (i = 0; i < r->n; i++)	/* one finding per stretch of text */
		if (at < r->f[i].at + r->f[i].len && r->f[i].at < at + len)
			return;
	if (r->n == PII_MAX_FINDINGS)
		return;
	for (i = r->n; i > 0 && r->f[i - 1].at > at; i--)
		r->f[i] = r->f[i - 1];
	r->f[i] = (struct pii_finding){ kind, at, len };
	r->n++;
}

/* Every match of pattern p in text, trimmed of the edge characters the
 * pattern matched around it. */
static void scan_pattern(size_t p, const char *text, struct pii_report *r)
{
	size_t off = 0, n = strlen(text);
	regmatch_t m;

	while (off < n && regexec(&compiled[p], text + off, 1, &m, off ? REG_NOTBOL : 0) == 0) {
		size_t at = off + (size_t)m.rm_so, end = off + (size_t)m.rm_eo;

		if (end == at)
			break;
		while (at < end && is_edge(text[at]))
			at++;
		while (end > at && is_edge(text[end - 1]))
			end--;
		add(r, patterns[p].kind, at, end - at);
		off = end > off ? end : off + 1;
	}
}

int pii_scan(struct store *s, const char *text, struct pii_report *r, struct err *e)
{
	return pii_scan_in(s, NULL, NULL, text, r, e);
}

int pii_scan_in(struct store *s, const char *force_id, const char *nbhd_id, const char *text,
		struct pii_report *r, struct err *e)
{
	int found = 0, rc;
	size_t at, len;

	memset(r, 0, sizeof(*r));
	if (!text || !*text)
		return 0;
	pthread_once(&compile_once, compile_patterns);
	if (!compiled_ok)
		return err_set(e, ERR_INTERNAL, "the personal-data patterns do not compile");
	for (size_t from = 0;;) {
		enum public_text_problem k = public_text_next(text, from, &at, &len);

		if (k == PUBLIC_TEXT_OK)
			break;
		add(r, k == PUBLIC_TEXT_EMAIL ? PII_EMAIL : PII_PHONE, at, len);
		from = at + (len ? len : 1);
	}
	for (size_t p = 0; p < NPATTERNS; p++)
		scan_pattern(p, text, r);
	if (s) {
		if ((rc = store_text_mentions_person(s, text, force_id, nbhd_id, &found, &at, &len,
						     e)) < 0)
			return rc;
		if (found)
			add(r, PII_NAME, at, len);
	}
	return 0;
}

void pii_redact(const char *text, const struct pii_report *r, struct strbuf *out)
{
	size_t pos = 0;

	for (size_t i = 0; i < r->n; i++) {
		strbuf_add(out, text + pos, r->f[i].at - pos);
		strbuf_addstr(out, "[removed]");
		pos = r->f[i].at + r->f[i].len;
	}
	strbuf_addstr(out, text + pos);
}

/* "an email address and a telephone number" from the kinds found. */
static void kinds_text(const struct pii_report *r, char *out, size_t size)
{
	int seen[PII_KIND_COUNT] = { 0 }, nkinds = 0, k = 0;

	for (size_t i = 0; i < r->n; i++)
		if (!seen[r->f[i].kind]++)
			nkinds++;
	out[0] = '\0';
	for (int kind = 0; kind < PII_KIND_COUNT; kind++) {
		if (!seen[kind])
			continue;
		k++;
		snprintf(out + strlen(out), size - strlen(out), "%s%s",
			 k == 1 ? "" : k == nkinds ? " and " : ", ", pii_kind_names[kind]);
	}
}

/* Characters (not bytes) before byte offset `at`, for a message a person reads. */
static size_t char_pos(const char *text, size_t at)
{
	size_t c = 0;

	for (size_t i = 0; i < at && text[i]; i++)
		c += ((unsigned char)text[i] & 0xC0) != 0x80;
	return c + 1;
}

int pii_gate_check(struct store *s, struct pii_gate *gate, const char *field, const char *text,
		   struct err *e)
{
	struct pii_report r;
	char kinds[200];
	int rc;

	if ((rc = pii_scan_in(s, gate ? gate->force_id : NULL, gate ? gate->nbhd_id : NULL, text,
			       &r, e)) < 0)
		return rc;
	if (!r.n)
		return 0;
	kinds_text(&r, kinds, sizeof(kinds));
	if (!gate || !gate->override)
		return err_set(e, ERR_INVALID,
			       "%s: this text will be public and seems to hold %s (from character "
			       "%zu); take it out, or publish anyway if you have checked it is "
			       "not personal data (that is recorded)",
			       field, kinds, char_pos(text, r.f[0].at));
	snprintf(gate->found + strlen(gate->found), sizeof(gate->found) - strlen(gate->found),
		 "%s%s: %s", gate->found[0] ? "; " : "", field, kinds);
	return 0;
}

int pii_gate_audit(struct store *s, const struct pii_gate *gate, const char *record_kind,
		   int64_t record_id, struct err *e)
{
	if (!gate || !gate->found[0])
		return 0;
	return audit_record(s, &(struct audit_entry){
		.actor = gate->actor && *gate->actor ? gate->actor : "unknown",
		.op = AUDIT_DISCLOSURE, .record_kind = record_kind, .record_id = record_id,
		.purpose = "published although the check on public text found personal data",
		.recipient = "the public", .detail = gate->found }, NULL, e);
}
