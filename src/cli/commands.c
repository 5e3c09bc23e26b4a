/*
 * commands.c - the table of engage subcommands and the dispatcher.
 *
 * To add a command: write cmd_NAME() in cli/cmd_NAME.c, declare it in
 * cli.h, add a row below (usage, summary, help, what it needs, its
 * options), then regenerate docs/cli.md with `build/engage help --markdown`
 * (a test checks the docs match this table).
 */
#include "cli/cli.h"

#include "base/log.h"
#include "base/parse.h"
#include "base/timeutil.h"
#include "store/store.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <pwd.h>
#include <unistd.h>
#include <string.h>

const struct cli_command cli_commands[] = {
	{ "serve", "serve [options]",
	  "serve the web pages and APIs over HTTP",
	  "Opens the database, loads the read models into memory and answers HTTP\n"
	  "requests until SIGINT or SIGTERM, then lets in-flight requests finish.\n"
	  "Prints the address it listens on. Settings: http.*, log.*.",
	  NEEDS_STORE_WRITE, 0, 0, { { 0 } }, cmd_serve },
	{ "import", "import KIND PATH...",
	  "import data files into the database (all or nothing per run)",
	  "KIND is one of:\n"
	  "  town DIR             a whole town folder as `engage demo generate` writes it,\n"
	  "                       with its year of engagement (DIR/engagement/) when present\n"
	  "  engagement DIR       engagement history: activities.csv, concerns.csv,\n"
	  "                       priorities.csv, actions.csv, feedback.csv\n"
	  "                       (docs/engagement-files.md), replayed through the same\n"
	  "                       rules as the concern, priority and feedback commands\n"
	  "  police-uk PATH...    police.uk street, outcomes and stop-and-search CSV files,\n"
	  "                       or folders of them (month folders are searched)\n"
	  "  boundaries FILE...   LSOA or ward boundaries (Shapefile, GeoJSON, GeoPackage, KML)\n"
	  "  registry FILE...     forces.csv, neighbourhoods.csv, teams.csv, places.csv\n"
	  "  neighbourhood-boundaries DIR\n"
	  "                       police.uk neighbourhood boundaries: DIR/FORCE/ID.kml;\n"
	  "                       a neighbourhood not yet known is added, named from the KML\n"
	  "  census FILE...       census tables per LSOA (ONS mid-year, Nomis 2021 bulk, GLA atlas)\n"
	  "A rejected file names the file, line, column and value, and the database\n"
	  "is left exactly as it was. Re-importing a force-month replaces it.\n"
	  "Beside a running server the import lets it go on reading; with nothing\n"
	  "else open on the database it writes faster, and a server or command\n"
	  "started meanwhile waits for it, up to store.busy_timeout_ms.",
	  NEEDS_STORE_WRITE, 2, CLI_MAX_ARGS,
	  { { "kind", "lsoa|ward|msoa", "what a boundaries file holds (default: lsoa)" },
	    { "quiet", NULL, "no progress lines" } },
	  cmd_import },
	{ "demo", "demo generate [--seed N] --out DIR",
	  "write the fictional demo town's data files",
	  "Writes the town of Porthmawr (Glanmor Police) in the real file formats the\n"
	  "importers read: police.uk CSV, GeoJSON and KML boundaries, census CSV,\n"
	  "neighbourhoods, teams and places, and a year of engagement (activities,\n"
	  "concerns, PACT priorities, actions, feedback) under DIR/engagement/. The\n"
	  "same seed always gives the same bytes.\n"
	  "Load it with `engage import town DIR`.",
	  0, 1, 1,
	  { { "seed", "N", "random seed (default 1)" },
	    { "out", "DIR", "folder to write (created if missing)" },
	    { "months", "N", "months of police.uk data (default 24)" } },
	  cmd_demo },
	{ "export", "export open-data DIR | export crime-counts [FILE]",
	  "write the open data files to a folder, or the table of crime counts",
	  "open-data writes every police.uk force-month held as police.uk's own CSV\n"
	  "files, the neighbourhoods as GeoJSON (RFC 7946), crime counts per\n"
	  "neighbourhood, month and category as CSV and JSON with counts below\n"
	  "publish.min_count suppressed, CSV on the Web metadata for each CSV and a\n"
	  "DCAT catalogue (catalog.jsonld), all under the Open Government Licence v3.0\n"
	  "(docs/open-data.md). The folder is written whole or not at all: DIR must be\n"
	  "new, empty, or an earlier export, which is replaced. The same database\n"
	  "always gives the same bytes; serve offers the same files under /data/.\n\n"
	  "crime-counts writes street crimes per month, LSOA and category as CSV\n"
	  "(month,lsoa_code,category,count; sorted; crimes of several forces in one LSOA\n"
	  "added up), placed by Engage, from the counts each import keeps: a national\n"
	  "year takes about a second. FILE is written whole or not at all; without it,\n"
	  "or with -, the table goes to standard output. These are counts of police.uk's\n"
	  "published street-level data, for analysis: nothing is suppressed, so publish\n"
	  "through open-data, which suppresses small counts.",
	  NEEDS_STORE, 1, 2, { { 0 } }, cmd_export },
	{ "concern", "concern add|show REFERENCE|contact ID|regroup ID [options]",
	  "record a concern, or look one up by its reference",
	  "add records what one person raised, through one channel (meeting, surgery,\n"
	  "street, postcard, door-to-door, eva, online-form, email, phone, social-media,\n"
	  "partner-referral), and prints the reference they can quote. Without\n"
	  "--category one is suggested from the text. Contact details are kept apart\n"
	  "and never shown in public; --consent records that they want to hear back.\n"
	  "show prints what the raiser may see: status, priority and \"you said, we did\".\n"
	  "category confirms or corrects the category (--category SLUG).\n"
	  "contact prints the raiser's details (restricted): it needs --purpose and\n"
	  "--by, and writes who looked and why to the audit trail (engage audit).\n"
	  "regroup moves a concern to another group of the same neighbourhood.",
	  NEEDS_STORE_WRITE, 1, 2,
	  { { "neighbourhood", "FORCE/ID", "where it was raised (add)" },
	    { "channel", "CHANNEL", "how it arrived (add)" },
	    { "text", "TEXT", "what they said, in their words (add)" },
	    { "category", "SLUG", "e.g. speeding, litter, burglary (add: default suggested; category)" },
	    { "language", "en|cy", "the raiser's language (add; default en)" },
	    { "location", "TEXT", "where, in words (add)" },
	    { "lat", "DEG", "where, latitude (add)" },
	    { "lng", "DEG", "where, longitude (add)" },
	    { "anonymous", NULL, "no details about the raiser (add)" },
	    { "name", "NAME", "the raiser's name (add)" },
	    { "email", "EMAIL", "the raiser's email (add)" },
	    { "phone", "PHONE", "the raiser's phone (add)" },
	    { "address", "TEXT", "the raiser's address (add)" },
	    { "consent", NULL, "they agreed to be contacted about it (add)" },
	    { "activity", "ID", "the activity it was raised at (add)" },
	    { "by", "USER", "who is typing it in (add), or looking (contact)" },
	    { "purpose", "TEXT", "why you need the raiser's details (contact)" },
	    { "group", "ID", "the group to move it to (regroup)" },
	    { "version", "N", "the version you read; refused if someone saved since" } },
	  cmd_concern },
	{ "activity", "activity add [options]",
	  "record an engagement activity",
	  "Kinds: beat-meeting, pact-meeting, surgery, street-meeting, door-to-door, eva,\n"
	  "postcard-drop, community-event, iag-meeting, online-meeting, social-media.\n"
	  "Times are Europe/London wall time (2026-11-20T19:00); stored in UTC.",
	  NEEDS_STORE_WRITE, 1, 1,
	  { { "neighbourhood", "FORCE/ID", "where" },
	    { "kind", "KIND", "what kind of activity" },
	    { "mode", "in-person|online|hybrid", "how people take part (default in-person)" },
	    { "title", "TEXT", "its name" },
	    { "starts", "TIME", "when it starts" },
	    { "ends", "TIME", "when it ends" },
	    { "venue", "TEXT", "where it is held (in person)" },
	    { "address", "TEXT", "the venue's address" },
	    { "accessibility", "TEXT", "how to get in, facilities" },
	    { "online-url", "URL", "the link to join (online or hybrid)" },
	    { "adjustments", "LIST", "bsl,step-free,easy-read,welsh,online-option,hearing-loop,interpreter" },
	    { "attendance", "N", "how many came" },
	    { "notes", "TEXT", "public notes" },
	    { "by", "NAME", "who records it" } },
	  cmd_activity },
	{ "priority", "priority candidates|propose|evidence ID|vote ID|agree ID|start ID [options]",
	  "run the PACT meeting: candidates, votes, agreeing priorities",
	  "candidates ranks the neighbourhood's groups of concerns by a score whose\n"
	  "parts are shown. propose makes a priority (from --group, or with evidence).\n"
	  "A priority moves proposed -> agreed -> in progress -> resolved or closed;\n"
	  "agreeing needs a source concern or evidence, a PACT or beat meeting and a\n"
	  "review date ahead; resolving or closing is done with engage feedback give.",
	  NEEDS_STORE_WRITE, 1, 2,
	  { { "neighbourhood", "FORCE/ID", "where (candidates, propose)" },
	    { "group", "ID", "the group of concerns it answers (propose)" },
	    { "title", "TEXT", "short internal title (propose)" },
	    { "public-text", "TEXT", "what the public page says (propose)" },
	    { "category", "SLUG", "default: the group's (propose)" },
	    { "publish-anyway", NULL, "publish text the personal-data check holds back (propose; recorded)" },
	    { "kind", "TEXT", "kind of evidence, e.g. crime-trend (evidence)" },
	    { "text", "TEXT", "the evidence (evidence)" },
	    { "meeting", "ID", "the PACT or beat meeting (vote, agree)" },
	    { "for", "N", "votes for (vote)" },
	    { "against", "N", "votes against (vote)" },
	    { "abstain", "N", "abstentions (vote)" },
	    { "review", "YYYY-MM-DD", "review date (agree)" },
	    { "version", "N", "the version you read; refused if someone saved since" } },
	  cmd_priority },
	{ "action", "action add|update ID [options]",
	  "add an action to an agreed priority, or record its progress",
	  "An action has an owner: an officer, or a partner organisation\n"
	  "(--owner partner --partner-org NAME), and a due date not in the past.\n"
	  "Marking it done or cancelled needs --result.",
	  NEEDS_STORE_WRITE, 1, 2,
	  { { "priority", "ID", "the priority it serves (add)" },
	    { "owner", "officer|partner", "who owns it (add)" },
	    { "owner-name", "NAME", "the officer, or the partner's contact role (add)" },
	    { "partner-org", "NAME", "the partner organisation (add)" },
	    { "text", "TEXT", "what will be done (add)" },
	    { "due", "YYYY-MM-DD", "due date (add)" },
	    { "status", "open|done|cancelled", "progress (update)" },
	    { "result", "TEXT", "what came of it (update)" },
	    { "version", "N", "the version you read; refused if someone saved since" } },
	  cmd_action },
	{ "feedback", "feedback give --concern ID|--priority ID [options]",
	  "close a concern or a priority with \"you said, we did\"",
	  "Outcomes: action-taken, partner-action, became-priority, ongoing, no-action.\n"
	  "no-action needs --reason: not-police-matter, insufficient-information,\n"
	  "outside-area, covered-by-priority, not-substantiated, resources.\n"
	  "--text is published; --note stays internal. Closing a priority answers its\n"
	  "open concerns too, and queues a message to each raiser who asked to hear back.",
	  NEEDS_STORE_WRITE, 1, 1,
	  { { "concern", "ID", "the concern" },
	    { "priority", "ID", "or the priority" },
	    { "outcome", "SLUG", "what happened" },
	    { "reason", "SLUG", "why nothing was done (no-action)" },
	    { "text", "TEXT", "the public \"we did\"" },
	    { "note", "TEXT", "internal note, never published" },
	    { "by", "NAME", "who gives it" },
	    { "publish-anyway", NULL, "publish text the personal-data check holds back (recorded)" } },
	  cmd_feedback },
	{ "plan", "plan add|list --neighbourhood FORCE/ID [options]",
	  "the rolling 12-month engagement plan",
	  "add plans who (audience), how (an activity kind), what (message), the aim,\n"
	  "the date (today to 12 months ahead) and the owner, with reasonable\n"
	  "adjustments. list shows the plan with overdue entries, and the community\n"
	  "groups and seldom-heard groups with nothing planned.",
	  NEEDS_STORE_WRITE, 1, 1,
	  { { "neighbourhood", "FORCE/ID", "where" },
	    { "audience", "TEXT", "who (add)" },
	    { "channel", "KIND", "how: an activity kind, e.g. surgery (add)" },
	    { "message", "TEXT", "what (add)" },
	    { "aim", "TEXT", "what good looks like (add)" },
	    { "date", "YYYY-MM-DD", "when (add)" },
	    { "owner", "NAME", "who makes it happen (add)" },
	    { "adjustments", "LIST", "bsl,step-free,easy-read,welsh,online-option,... (add)" } },
	  cmd_plan },
	{ "profile", "profile show|note|contact --neighbourhood FORCE/ID [options]",
	  "know the community: census profile, notes, key contacts",
	  "show sums the census of the neighbourhood's LSOAs and counts its assets.\n"
	  "note records a community of interest, seldom-heard group, tension,\n"
	  "incoming or outgoing community, or vulnerability. contact records a key\n"
	  "person, held only with consent for a stated purpose.",
	  NEEDS_STORE_WRITE, 1, 1,
	  { { "neighbourhood", "FORCE/ID", "where" },
	    { "kind", "KIND", "kind of note (note)" },
	    { "title", "TEXT", "short title (note)" },
	    { "text", "TEXT", "the note (note)" },
	    { "name", "NAME", "the contact's name (contact)" },
	    { "role", "TEXT", "their role (contact)" },
	    { "organisation", "TEXT", "their organisation (contact)" },
	    { "email", "EMAIL", "(contact)" },
	    { "phone", "PHONE", "(contact)" },
	    { "consent", "TEXT", "what they agreed to be contacted for (contact)" },
	    { "by", "USER", "who records it, for the audit trail (contact)" } },
	  cmd_profile },
	{ "audit", "audit verify|show [options]",
	  "check the audit trail, or ask who looked at a record and why",
	  "Every collection, alteration, consultation, disclosure, combination and\n"
	  "erasure of personal data is an entry in an append-only audit trail (who,\n"
	  "when, what, why, to whom), hash-chained so a changed, removed or forged\n"
	  "entry shows.\n"
	  "verify checks the chain: exit 0 and \"chain intact: N entries\" with the\n"
	  "head hash (keep it elsewhere to catch a cut-off tail), or exit 1 naming the\n"
	  "first entry that does not match and what is wrong with it.\n"
	  "show lists entries, oldest first: id, time (UTC), who, what, record, why,\n"
	  "and the recipient of a disclosure.",
	  NEEDS_STORE, 1, 1,
	  { { "record", "KIND:ID", "one record, e.g. concern_contact:12 (show)" },
	    { "actor", "USER", "entries by one user or system (show)" },
	    { "since", "DATE", "entries from this day (Europe/London) or time on (show)" } },
	  cmd_audit },
	{ "person", "person export|erase [--email ADDRESS|--phone NUMBER|--reference REF] [options]",
	  "subject access and erasure for a person who raised concerns",
	  "Finds a person by what they would quote: the e-mail address or phone\n"
	  "number they left (any case, any spacing, +44 or 0), or a concern reference;\n"
	  "all their concerns count.\n"
	  "export writes everything held about them as JSON (the concerns and their\n"
	  "text, contact details and consent, demographics they gave, messages to\n"
	  "them, feedback, and who looked at their details), for a subject access\n"
	  "request; it needs --purpose and is recorded as a disclosure to them.\n"
	  "erase removes their personal data for good: contact details, demographics\n"
	  "and messages are deleted, the concern text becomes [erased] and its\n"
	  "location goes; the anonymous counts stay. The bytes are overwritten in the\n"
	  "database file and the write-ahead log is emptied (stop the server first,\n"
	  "or run it again when idle if told to). It needs --reason; the audit trail\n"
	  "keeps that an erasure happened, never what was erased.",
	  NEEDS_STORE_WRITE, 1, 1,
	  { { "email", "ADDRESS", "the e-mail address they left" },
	    { "phone", "NUMBER", "or the phone number" },
	    { "reference", "REF", "or a concern reference they quote" },
	    { "purpose", "TEXT", "why, e.g. the request's number (export)" },
	    { "reason", "TEXT", "why, e.g. 'erasure request 2026-07' (erase)" },
	    { "out", "FILE", "a new file for the export, readable by you only (default: standard output)" },
	    { "by", "NAME", "who is acting (default: cli:$USER)" } },
	  cmd_person },
	{ "retention", "retention run [--dry-run]",
	  "erase personal data kept longer than the retention rules allow",
	  "Erases the contact details of concerns answered or closed more than\n"
	  "retention.contact_months ago and deletes messages to raisers queued more\n"
	  "than retention.message_months ago, overwriting the bytes as erase does;\n"
	  "each erasure is in the audit trail. --dry-run only counts. Run it daily\n"
	  "(e.g. a systemd timer).",
	  NEEDS_STORE_WRITE, 1, 1,
	  { { "dry-run", NULL, "count what would be erased, change nothing" },
	    { "by", "NAME", "who is acting (default: cli:$USER)" } },
	  cmd_retention },
	{ "cia", "cia add|show ID|review ID|list [options]",
	  "community impact assessments after an incident (restricted)",
	  "A community impact assessment records, after an incident, the communities\n"
	  "affected, what information is needed and who provides it, who oversees, the\n"
	  "deadline, vulnerable individuals and groups, the community's confidence\n"
	  "(high, medium, low, unknown) and links to other forces. It is reviewed at\n"
	  "least every --review-days until closed; list --overdue shows reviews that\n"
	  "are late. Restricted: show needs --purpose, and every use is in the audit\n"
	  "trail. Lists carry no incident details.",
	  NEEDS_STORE_WRITE, 1, 2,
	  { { "neighbourhood", "FORCE/ID", "where (add, list)" },
	    { "incident", "TEXT", "what happened (add)" },
	    { "incident-at", "TIME", "when, e.g. 2026-11-20T19:00 (add)" },
	    { "communities", "TEXT", "communities and groups affected (add)" },
	    { "information-needed", "TEXT", "what information is needed (add)" },
	    { "information-from", "TEXT", "who provides it (add)" },
	    { "overseen-by", "NAME", "who oversees (add)" },
	    { "deadline", "YYYY-MM-DD", "by when (add)" },
	    { "vulnerable", "TEXT", "vulnerable individuals and groups (add)" },
	    { "confidence", "LEVEL", "high, medium, low or unknown (add, review)" },
	    { "review-days", "N", "review at least this often, 1-90 (add; default 7)" },
	    { "cross-border", "TEXT", "other forces or areas involved (add)" },
	    { "notes", "TEXT", "what the review found (review)" },
	    { "close", NULL, "close the assessment with this review (review)" },
	    { "overdue", NULL, "only those whose review is late (list)" },
	    { "purpose", "TEXT", "why you are opening it (show)" },
	    { "by", "NAME", "who is acting (default: cli:$USER)" } },
	  cmd_cia },
	{ "risk", "risk contact|show ID|list|factors [options]",
	  "vulnerability and repeat-victim risk assessments (restricted)",
	  "A person is assessed at first contact (risk contact without --person makes\n"
	  "their record) and again at every later contact (--person ID), against the\n"
	  "guidance's factors (engage risk factors lists them). A person with an\n"
	  "earlier contact in the last 12 months is a repeat victim: derived, never\n"
	  "typed. Personal and sensitive data: show needs --purpose and every use is\n"
	  "in the audit trail; list carries no names.",
	  NEEDS_STORE_WRITE, 1, 2,
	  { { "neighbourhood", "FORCE/ID", "where (contact, list)" },
	    { "person", "ID", "a person already recorded (contact)" },
	    { "name", "NAME", "at first contact (contact)" },
	    { "date-of-birth", "YYYY-MM-DD", "at first contact (contact)" },
	    { "contact", "TEXT", "how to reach them (contact)" },
	    { "at", "TIME", "when the contact was (contact; default now)" },
	    { "incident", "TEXT", "what brought them to notice (contact)" },
	    { "factors", "SLUG,SLUG", "the factors present (contact)" },
	    { "level", "LEVEL", "standard, medium or high (contact)" },
	    { "notes", "TEXT", "anything else (contact)" },
	    { "purpose", "TEXT", "why you are opening it (show)" },
	    { "by", "NAME", "who is acting (default: cli:$USER)" } },
	  cmd_risk },
	{ "sharing", "sharing agree|list|submit|submissions|concerns [options]",
	  "information-sharing agreements with partners, and their data",
	  "agree records an agreement: the partner organisation, the concern\n"
	  "categories it may see and may submit, and the dates it runs. submit records\n"
	  "a partner's data (environmental health, trading standards, licensing,\n"
	  "housing, park rangers, other) under the agreement that allows its category.\n"
	  "submissions lists a neighbourhood's; concerns lists the concerns a partner\n"
	  "may see, never who raised them, each disclosure audited with its agreement.",
	  NEEDS_STORE_WRITE, 1, 1,
	  { { "force", "FORCE", "the force (agree, list)" },
	    { "partner-org", "ORG", "the partner organisation (agree, submit, concerns)" },
	    { "title", "TEXT", "the agreement's title (agree)" },
	    { "may-see", "SLUG,SLUG", "concern categories it may see (agree)" },
	    { "may-submit", "SLUG,SLUG", "concern categories it may submit (agree)" },
	    { "starts", "YYYY-MM-DD", "from (agree)" },
	    { "ends", "YYYY-MM-DD", "until (agree)" },
	    { "signed-by", "NAME", "who signed it for the force (agree)" },
	    { "neighbourhood", "FORCE/ID", "where (submit, submissions, concerns)" },
	    { "source", "SOURCE", "where the data comes from (submit)" },
	    { "category", "SLUG", "its concern category (submit)" },
	    { "at", "TIME", "when it happened (submit)" },
	    { "location", "TEXT", "where, in words (submit)" },
	    { "summary", "TEXT", "what happened (submit)" },
	    { "by", "NAME", "who is acting (default: cli:$USER)" } },
	  cmd_sharing },
	{ "todo", "todo --neighbourhood FORCE/ID",
	  "what needs doing: feedback owed, overdue actions and plans, reviews, meetings",
	  "Lists concerns waiting for feedback, actions past their due date, plan\n"
	  "entries whose date passed with nothing held, priority reviews due within a\n"
	  "week, and meetings in the next seven days.",
	  NEEDS_STORE, 0, 0,
	  { { "neighbourhood", "FORCE/ID", "where" },
	    { "feedback-days", "N", "feedback is owed after N days (default 28)" } },
	  cmd_todo },
	{ "pack", "pack --neighbourhood FORCE/ID",
	  "the beat or PACT meeting pack",
	  "Crime and ASB for the last three months against the three before, progress\n"
	  "on the current priorities with their actions, and candidates for new ones.",
	  NEEDS_STORE, 0, 0, { { "neighbourhood", "FORCE/ID", "where" } }, cmd_pack },
	{ "user", "user add|list|role|disable|enable|reset|token|totp|check [USERNAME] [options]",
	  "manage accounts: add, list, change role, disable, reset, API tokens",
	  "Roles: resident, volunteer, officer (officer or PCSO), sergeant (sergeant or\n"
	  "inspector), analyst, partner (with --partner-org), administrator. Every role\n"
	  "but resident and administrator needs --force; --neighbourhoods limits staff\n"
	  "to some neighbourhoods of that force (default: the whole force).\n"
	  "add and reset read the password from the first line of standard input or\n"
	  "--password-file, or make one with --generate-password and print it once.\n"
	  "Passwords need at least 12 characters and must not be the username; they\n"
	  "are stored as argon2id hashes. reset also clears failed attempts and a\n"
	  "lockout. disable ends the user's sessions and revokes their API tokens.\n"
	  "token prints a new API token once (stored only as a hash). totp gives the\n"
	  "account a new authenticator (TOTP) secret and prints it once, with its\n"
	  "otpauth:// address; signing in on the web then needs the 6-digit code.\n"
	  "check tries a password from standard input under the sign-in rules\n"
	  "(auth.* settings).\n"
	  "list never prints hashes or secrets.",
	  NEEDS_STORE_WRITE, 1, 2,
	  { { "role", "ROLE", "the role (add, role)" },
	    { "force", "FORCE", "the force a scoped user works for (add)" },
	    { "neighbourhoods", "ID,ID", "neighbourhoods of that force they work in (add)" },
	    { "partner-org", "ORG", "the partner organisation (add, partner role)" },
	    { "name", "NAME", "the name shown to colleagues (add)" },
	    { "password-file", "FILE", "read the password from the file's first line (add, reset)" },
	    { "generate-password", NULL, "make a random password and print it once (add, reset)" },
	    { "label", "TEXT", "what an API token is for (token)" } },
	  cmd_user },
	{ "init", "init",
	  "create the database, or upgrade its schema",
	  "Creates the database file named by the `database` setting if it is\n"
	  "missing and applies any schema migrations this Engage has.",
	  NEEDS_STORE_WRITE, 0, 0, { { 0 } }, cmd_init },
	{ "status", "status",
	  "say what the database holds",
	  "Prints the schema version, the forces, neighbourhoods, areas, census\n"
	  "figures and police.uk months held, and the latest imports.",
	  NEEDS_STORE, 0, 0, { { 0 } }, cmd_status },
	{ "check-config", "check-config",
	  "check the settings and print them with where each came from",
	  "Reads the config file, the ENGAGE_* environment and the flags exactly as\n"
	  "`serve` would, prints every setting and exits 0, or names the file, line,\n"
	  "setting and value that is wrong and exits 3.",
	  0, 0, 0, { { 0 } }, cmd_check_config },
	{ "version", "version", "print the version", "", 0, 0, 0, { { 0 } }, cmd_version },
	{ "help", "help [COMMAND|config]",
	  "show help for a command, or the settings reference",
	  "`engage help config` lists every setting; add --markdown for docs.",
	  0, 0, 1, { { "markdown", NULL, "print as Markdown (for docs/)" },
		     { "man", NULL, "print the engage(1) manual page (troff)" } }, cmd_help },
};

const int cli_command_count = (int)(sizeof(cli_commands) / sizeof(cli_commands[0]));

void cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("engage: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_exit_for(int code)
{
	switch (code) {
	case ERR_OK: return EXIT_OK;
	case ERR_BUSY:
	case ERR_VERSION:
	case ERR_IO: return EXIT_STORE;
	default: return EXIT_FAILED;
	}
}

static void print_usage(FILE *out)
{
	fprintf(out, "usage: engage <command> [options] [arguments]\n\ncommands:\n");
	for (int i = 0; i < cli_command_count; i++)
		fprintf(out, "  %-14s %s\n", cli_commands[i].name, cli_commands[i].summary);
	fprintf(out, "\nevery command takes --config FILE and any setting as --name=value\n"
		"(see `engage help config`); `engage COMMAND --help` says more.\n\n"
		"exit codes: 0 success, 1 failed, 2 usage, 3 configuration,\n"
		"            4 database (locked, newer, unreadable, full), 5 could not serve\n");
}

static void print_command_help(const struct cli_command *c, FILE *out)
{
	fprintf(out, "usage: engage %s\n\n%s.\n", c->usage, c->summary);
	if (c->help[0])
		fprintf(out, "\n%s\n", c->help);
	if (c->opts[0].name) {
		fprintf(out, "\noptions:\n");
		for (int i = 0; i < CLI_MAX_OPTS && c->opts[i].name; i++) {
			char left[64];

			snprintf(left, sizeof(left), "--%s%s%s", c->opts[i].name,
				 c->opts[i].arg ? " " : "", c->opts[i].arg ? c->opts[i].arg : "");
			fprintf(out, "  %-20s %s\n", left, c->opts[i].help);
		}
	}
	fprintf(out, "\nsettings: --config FILE, and any setting as --name=value (engage help config)\n");
}

static const struct cli_command *find_command(const char *name)
{
	for (int i = 0; i < cli_command_count; i++)
		if (!strcmp(cli_commands[i].name, name))
			return &cli_commands[i];
	return NULL;
}

static int find_option(const struct cli_command *c, const char *name)
{
	for (int i = 0; i < CLI_MAX_OPTS && c->opts[i].name; i++)
		if (!strcmp(c->opts[i].name, name))
			return i;
	return -1;
}

/* Split "--name=value" or "--name value"; returns the args consumed (1 or
 * 2), or -1 when a value is missing. */
static int take_value(int argc, char **argv, int i, char *name, size_t size,
		      const char **value, int wants_value)
{
	const char *a = argv[i] + 2, *eq = strchr(a, '=');

	if (eq) {
		snprintf(name, size, "%.*s", (int)(eq - a), a);
		*value = eq + 1;
		return 1;
	}
	snprintf(name, size, "%s", a);
	if (!wants_value) {
		*value = "";
		return 1;
	}
	if (i + 1 >= argc)
		return -1;
	*value = argv[i + 1];
	return 2;
}

/* First pass: find --config, so the file is read before flags override it. */
static const char *find_config_flag(int argc, char **argv)
{
	for (int i = 2; i < argc; i++) {
		if (!strncmp(argv[i], "--config=", 9))
			return argv[i] + 9;
		if (!strcmp(argv[i], "--config") && i + 1 < argc)
			return argv[i + 1];
	}
	return NULL;
}

static int parse_args(const struct cli_command *c, struct cli_ctx *ctx, int argc, char **argv)
{
	struct err e = ERR_INIT;

	for (int i = 2; i < argc;) {
		char name[128];
		const char *value;
		int k, used;

		if (!strcmp(argv[i], "--")) {
			for (i++; i < argc && ctx->nargs < CLI_MAX_ARGS; i++)
				ctx->args[ctx->nargs++] = argv[i];
			break;
		}
		if (strncmp(argv[i], "--", 2) || !argv[i][2]) {
			if (ctx->nargs >= CLI_MAX_ARGS) {
				cli_error("%s: too many arguments (at most %d)", c->name, CLI_MAX_ARGS);
				return EXIT_USAGE;
			}
			ctx->args[ctx->nargs++] = argv[i++];
			continue;
		}
		snprintf(name, sizeof(name), "%s", argv[i] + 2);
		name[strcspn(name, "=")] = '\0';
		k = find_option(c, name);
		if (!strcmp(name, "config")) {
			used = take_value(argc, argv, i, name, sizeof(name), &value, 1);
		} else if (k >= 0) {
			used = take_value(argc, argv, i, name, sizeof(name), &value, c->opts[k].arg != NULL);
			if (used > 0)
				ctx->opt[k] = value;
		} else if (config_find(name) >= 0) {
			used = take_value(argc, argv, i, name, sizeof(name), &value, 1);
			if (used > 0 && config_set_flag(&ctx->cfg, name, value, &e) < 0) {
				cli_error("%s", e.msg);
				return EXIT_CONFIG;
			}
		} else {
			cli_error("%s: unknown option '--%s'", c->name, name);
			fprintf(stderr, "usage: engage %s  (engage %s --help)\n", c->usage, c->name);
			return EXIT_USAGE;
		}
		if (used < 0) {
			cli_error("%s: option '--%s' needs a value", c->name, name);
			return EXIT_USAGE;
		}
		i += used;
	}
	if (ctx->nargs < c->min_args || ctx->nargs > c->max_args) {
		cli_error("%s: expected %s", c->name,
			  c->max_args == 0 ? "no arguments" : "different arguments");
		fprintf(stderr, "usage: engage %s  (engage %s --help)\n", c->usage, c->name);
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

static int open_store(struct cli_ctx *ctx, int needs)
{
	struct err e = ERR_INIT;
	const char *path = config_str(&ctx->cfg, "database");
	int flags = needs & NEEDS_STORE_WRITE ? STORE_CREATE : STORE_READONLY;

	if (store_open(path, flags, &ctx->store, &e) < 0) {
		cli_error("%s", e.msg);
		return EXIT_STORE;
	}
	store_set_busy_timeout(ctx->store, (int)config_int(&ctx->cfg, "store.busy_timeout_ms"));
	return EXIT_OK;
}

static int setup_logging(struct cli_ctx *ctx)
{
	const char *file = config_str(&ctx->cfg, "log.file");

	log_set_level((enum log_level)log_level_parse(config_str(&ctx->cfg, "log.level")));
	if (*file && log_open(file) < 0) {
		cli_error("cannot open log file '%s'", file);
		return EXIT_CONFIG;
	}
	return EXIT_OK;
}

int cli_main(int argc, char **argv)
{
	static struct cli_ctx ctx;	/* large; static keeps it off the stack */
	const struct cli_command *c;
	struct err e = ERR_INIT;
	int rc;

	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		print_usage(stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	if (!strcmp(argv[1], "--version"))
		return cmd_version(&ctx);
	c = find_command(argv[1]);
	if (!c) {
		cli_error("unknown command '%s'", argv[1]);
		print_usage(stderr);
		return EXIT_USAGE;
	}
	for (int i = 2; i < argc && strcmp(argv[i], "--"); i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			print_command_help(c, stdout);
			return EXIT_OK;
		}
	}
	if (config_load(&ctx.cfg, find_config_flag(argc, argv), &e) < 0 ||
	    config_load_env(&ctx.cfg, &e) < 0) {
		cli_error("%s", e.msg);
		config_release(&ctx.cfg);
		return EXIT_CONFIG;
	}
	rc = parse_args(c, &ctx, argc, argv);
	ctx.cmd = c;
	if (rc == EXIT_OK)
		rc = setup_logging(&ctx);
	if (rc == EXIT_OK && (c->needs & (NEEDS_STORE | NEEDS_STORE_WRITE)))
		rc = open_store(&ctx, c->needs);
	if (rc == EXIT_OK)
		rc = c->run(&ctx);
	store_close(ctx.store);
	config_release(&ctx.cfg);
	log_close();
	return rc;
}

const char *cli_opt(const struct cli_ctx *ctx, const char *name)
{
	int k = ctx->cmd ? find_option(ctx->cmd, name) : -1;

	return k >= 0 ? ctx->opt[k] : NULL;
}

int64_t cli_opt_int(const struct cli_ctx *ctx, const char *name, int64_t min, int64_t max,
		    int64_t def, int *ok)
{
	const char *v = cli_opt(ctx, name);
	int64_t n;

	if (!v)
		return def;
	if (parse_int_range(v, strlen(v), min, max, &n) < 0) {
		cli_error("--%s \"%s\" is not a whole number from %lld to %lld", name, v,
			  (long long)min, (long long)max);
		*ok = 0;
		return -1;
	}
	return n;
}

int cli_neighbourhood(const char *arg, char force[65], char nbhd[65])
{
	const char *slash = arg ? strchr(arg, '/') : NULL;

	if (!slash || slash == arg || !slash[1] || slash - arg > 64 || strlen(slash + 1) > 64) {
		cli_error("neighbourhood \"%s\" should be FORCE/ID, e.g. glanmor/GM01", arg ? arg : "");
		return -1;
	}
	snprintf(force, 65, "%.*s", (int)(slash - arg), arg);
	snprintf(nbhd, 65, "%s", slash + 1);
	return 0;
}

const char *cli_actor(const struct cli_ctx *ctx, char *buf, size_t size)
{
	const struct passwd *pw = getpwuid(geteuid());
	const char *user = getenv("USER");

	if ((!user || !*user) && pw)
		user = pw->pw_name;
	if (cli_opt(ctx, "by"))
		return cli_opt(ctx, "by");
	snprintf(buf, size, "cli:%s", user && *user ? user : "unknown");
	return buf;
}

int cli_opt_time(const struct cli_ctx *ctx, const char *name, int64_t *out)
{
	const char *v = cli_opt(ctx, name);

	if (v && time_parse_iso(v, strlen(v), out) < 0) {
		cli_error("--%s \"%s\" is not a date and time (2026-11-20T19:00, London time)", name, v);
		return -1;
	}
	return 0;
}

/* Text for troff: a leading '.' or '\'' would be read as a request, and
 * backslashes as escapes. */
static void man_text(const char *s)
{
	int bol = 1;

	for (; *s; s++) {
		if (bol && (*s == '.' || *s == '\''))
			fputs("\\&", stdout);
		if (*s == '\\')
			fputs("\\e", stdout);
		else if (*s == '-')
			fputs("\\-", stdout);
		else
			putchar(*s);
		bol = *s == '\n';
	}
}

static void print_man(void)
{
	printf(".TH ENGAGE 1 \"\" \"Engage\" \"Engage manual\"\n.SH NAME\nengage \\- community engagement for neighbourhood policing\n"
	       ".SH SYNOPSIS\n.B engage\n.I command\n[options] [arguments]\n.SH COMMANDS\n");
	for (int i = 0; i < cli_command_count; i++) {
		const struct cli_command *c = &cli_commands[i];

		printf(".TP\n.B engage ");
		man_text(c->usage);
		printf("\n");
		man_text(c->summary);
		printf(".\n");
		if (c->help[0]) {
			printf(".sp\n.nf\n");
			man_text(c->help);
			printf("\n.fi\n");
		}
		for (int k = 0; k < CLI_MAX_OPTS && c->opts[k].name; k++) {
			printf(".br\n\\-\\-%s%s%s: ", c->opts[k].name, c->opts[k].arg ? " " : "",
			       c->opts[k].arg ? c->opts[k].arg : "");
			man_text(c->opts[k].help);
			printf("\n");
		}
	}
	printf(".SH SETTINGS\nEvery command takes \\-\\-config FILE and any setting as \\-\\-name=value; "
	       "ENGAGE_NAME environment variables (dots as underscores) come between the file and the flags.\n");
	for (int i = 0; i < config_key_count; i++) {
		printf(".TP\n.B %s\n", config_keys[i].name);
		man_text(config_keys[i].help);
		printf(" (default \"");
		man_text(config_keys[i].def);
		printf("\")\n");
	}
	printf(".SH EXIT STATUS\n0 success, 1 the command failed, 2 usage error, 3 configuration error, "
	       "4 database error (locked, newer schema, unreadable, disk full), 5 could not serve.\n"
	       ".SH SEE ALSO\ndocs/cli.md, docs/config.md, docs/ARCHITECTURE.md\n");
}

/* Shared by `engage help` and `engage --help`. */
int cmd_help(struct cli_ctx *ctx)
{
	const struct cli_command *c;
	int markdown = ctx->opt[0] != NULL;

	if (ctx->opt[1]) {
		print_man();
		return EXIT_OK;
	}
	if (ctx->nargs == 0) {
		if (!markdown) {
			print_usage(stdout);
			return EXIT_OK;
		}
		printf("# The engage command\n\nGenerated by `engage help --markdown` from the command table in\n"
		       "`src/cli/commands.c`.\n\n```\n");
		print_usage(stdout);
		printf("```\n");
		for (int i = 0; i < cli_command_count; i++) {
			printf("\n## engage %s\n\n```\n", cli_commands[i].name);
			print_command_help(&cli_commands[i], stdout);
			printf("```\n");
		}
		return EXIT_OK;
	}
	if (!strcmp(ctx->args[0], "config")) {
		if (markdown)
			config_print_reference(stdout);
		else
			for (int i = 0; i < config_key_count; i++)
				printf("  %-24s %s (default \"%s\")\n", config_keys[i].name,
				       config_keys[i].help, config_keys[i].def);
		return EXIT_OK;
	}
	c = find_command(ctx->args[0]);
	if (!c) {
		cli_error("help: no command '%s'", ctx->args[0]);
		return EXIT_USAGE;
	}
	print_command_help(c, stdout);
	return EXIT_OK;
}
