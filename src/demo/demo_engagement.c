/*
 * demo_engagement.c - a year of the engagement cycle in the demo town:
 * activities with attendance, concerns through every channel, priorities
 * agreed at PACT meetings, actions by officers and partners, and "you said,
 * we did" feedback, written under DIR/engagement/ in the layout that
 * docs/engagement-files.md describes and `engage import engagement` reads.
 *
 * The year is the twelve months ending at opt.last_month.  Everything is
 * drawn from this stage's own random stream and from the town model
 * (neighbourhoods, streets, hot spots, the places and teams of the people
 * stage), never from the clock, so the same seed gives the same bytes.
 * Residents' names, emails (@example.org) and phone numbers (01632 960xxx,
 * which Ofcom keeps for drama) are fictional.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/timeutil.h"
#include "base/xalloc.h"
#include "demo/demo-internal.h"
#include "model/engagement.h"

#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define MAX_ACTS 64		/* per neighbourhood */
#define MAX_CONCERNS 128	/* per neighbourhood */

/* Where a topic happens, so its words name a real spot of the town. */
enum where { W_STREET, W_PARK, W_RETAIL, W_NTE, W_SCHOOL, W_ESTATE };
/* When in the year it peaks. */
enum season { S_FLAT, S_SUMMER, S_WINTER };

#define TH(x) (1u << (x))

/* What residents raise, in their words, and how the cycle answers it. */
static const struct topic {
	const char *category;
	unsigned themes;	/* where it is common */
	int where, season;
	const char *en[3];	/* %s: the street or place */
	const char *cy[2];
	const char *title;	/* the priority's internal title, %s: place */
	const char *public_text;	/* the priority as published */
	const char *evidence_kind, *evidence;
	const char *officer_action, *officer_result;
	const char *partner_org, *partner_role, *partner_action, *partner_result;
	const char *we_did;	/* published when resolved */
} topics[] = {
	{ "speeding", TH(THEME_MORFA) | TH(THEME_SUBURB) | TH(THEME_SEAFRONT) | TH(THEME_RETAIL), W_STREET, S_FLAT,
	  { "Cars race down %s every morning at school time. Someone will be killed.",
	    "Speeding on %s is getting worse, especially motorbikes on a Sunday.",
	    "Can we have speed checks on %s? Vans use it as a rat run at 50mph." },
	  { "Mae ceir yn goryrru ar %s bob bore adeg mynd â'r plant i'r ysgol.",
	    "Mae'r ceir yn mynd yn llawer rhy gyflym ar %s. Oes modd cael gwiriadau cyflymder?" },
	  "Speeding on %s", "Reduce speeding on %s, especially at school times.",
	  "partner-data", "Council speed survey: 85th percentile 38mph in the 30 limit.",
	  "Speed enforcement sessions with a laser gun at school times.",
	  "Six sessions held; 41 drivers stopped, 29 fixed penalties, 12 words of advice.",
	  "Porthmawr County Council", "Highways team", "Install a flashing speed sign and renew the 30 roundels.",
	  "Speed sign installed; average speeds down from 34mph to 28mph.",
	  "We held six speed checks with the council's survey, stopped 41 drivers and the council put up a flashing sign. Average speeds fell from 34mph to 28mph." },
	{ "drug-dealing", TH(THEME_ESTATE) | TH(THEME_HARBOUR) | TH(THEME_CENTRE), W_PARK, S_FLAT,
	  { "People are dealing openly near %s in the evenings, in front of the kids.",
	    "Cars pull up by %s for two minutes and drive off. It's obviously drugs.",
	    "Needles found by %s again this week." },
	  { "Mae pobl yn gwerthu cyffuriau yn agored ger %s gyda'r nos.",
	    "Ceir yn aros ger %s am ddau funud ac yna'n gadael. Delio cyffuriau yw e." },
	  "Drug dealing near %s", "Tackle drug dealing near %s.",
	  "crime-trend", "Drugs offences near the park up from 4 to 11 in three months.",
	  "Plain-clothes patrols and a warrant at an address linked to dealing.",
	  "One warrant executed; two people charged with possession with intent to supply.",
	  "Cartrefi Glanmor Housing Association", "Tenancy enforcement officer", "Tenancy action at a linked address and new lighting on the path.",
	  "Lighting replaced along the path; tenancy warning issued.",
	  "We carried out a warrant and two people were charged with supplying drugs. The housing association improved the lighting by the path. Keep telling us what you see." },
	{ "litter", TH(THEME_HARBOUR) | TH(THEME_ESTATE) | TH(THEME_STUDENT), W_STREET, S_SUMMER,
	  { "Someone has fly-tipped mattresses and bin bags in the lane behind %s again.",
	    "The back lane off %s is full of rubbish and rats.",
	    "Builders' rubble dumped on %s overnight." },
	  { "Mae rhywun wedi tipio matresi a bagiau sbwriel yn y lôn gefn ger %s eto.",
	    "Mae'r lôn ger %s yn llawn sbwriel a llygod mawr." },
	  "Fly-tipping off %s", "Stop fly-tipping in the lanes off %s.",
	  "eva", "Environmental visual audit found 14 fly-tips and two broken lights in the lanes.",
	  "Joint patrols with council enforcement; camera at the worst lane.",
	  "Two people identified from the camera and reported to the council.",
	  "Porthmawr County Council", "Environmental enforcement", "Clear the lanes and issue fixed penalties for fly-tipping.",
	  "Lanes cleared twice; four fixed penalties of 400 pounds issued.",
	  "The council cleared the lanes twice and issued four fines for fly-tipping after we identified people from a camera." },
	{ "youth-asb", TH(THEME_RETAIL) | TH(THEME_ESTATE), W_RETAIL, S_SUMMER,
	  { "Gangs of teenagers on bikes at %s every Friday night, swearing at shoppers.",
	    "Youths throwing stones at cars in the car park at %s.",
	    "Kids climbing on the roof of the units at %s after dark." },
	  { "Criw o bobl ifanc ar feiciau yn %s bob nos Wener yn rhegi ar siopwyr.",
	    "Pobl ifanc yn taflu cerrig at geir ym maes parcio %s." },
	  "Youth ASB at %s", "Reduce anti-social behaviour by young people at %s.",
	  "partner-data", "Shopwatch logged 23 incidents on Friday and Saturday evenings.",
	  "High-visibility patrols on Friday and Saturday evenings; dispersal order on two weekends.",
	  "Patrols every weekend; eight young people and their parents visited.",
	  "Porthmawr Youth Service", "Detached youth work team", "Detached youth work and a Friday football session.",
	  "Friday football running with 20 to 30 young people each week.",
	  "We patrolled every weekend, visited eight families and the youth service started a Friday football session. Incidents reported by Shopwatch have halved." },
	{ "noise", TH(THEME_CENTRE) | TH(THEME_STUDENT) | TH(THEME_HARBOUR), W_NTE, S_SUMMER,
	  { "Noise from the pubs and clubs near %s until 3am every weekend.",
	    "People shouting and fighting outside %s at closing time.",
	    "Can't sleep for the music from %s. This has gone on all summer." },
	  { "Sŵn mawr o'r tafarnau ger %s tan oriau mân y bore bob penwythnos.",
	    "Pobl yn gweiddi ac yn ymladd y tu allan i %s amser cau." },
	  "Night-time noise near %s", "Reduce late-night noise and disorder near %s.",
	  "partner-data", "Council environmental health: 17 noise complaints in the quarter.",
	  "Closing-time patrols with street pastors; licensing visits to three premises.",
	  "Visits made; one premises agreed to close its beer garden at 11pm.",
	  "Porthmawr County Council", "Licensing and environmental health", "Noise monitoring and a licensing review of the worst premises.",
	  "Noise monitoring done; conditions added to one licence.",
	  "We patrolled at closing time with the street pastors, and the council added conditions to one licence after noise monitoring." },
	{ "dog-fouling", TH(THEME_SEAFRONT) | TH(THEME_MORFA) | TH(THEME_SUBURB), W_PARK, S_WINTER,
	  { "Dog mess everywhere on %s. The children walk through it on the way to school.",
	    "Dog owners let their dogs foul %s and just walk off.",
	    "Please put more bins near %s - the dog fouling is disgusting." },
	  { "Mae baw cŵn ym mhobman ger %s. Mae'r plant yn cerdded drwyddo.",
	    "Mae perchnogion yn gadael i'w cŵn faeddu %s ac yn cerdded i ffwrdd." },
	  "Dog fouling at %s", "Cut dog fouling at %s.",
	  "eva", "Walkabout counted dog fouling at 30 spots along the paths.",
	  "PCSO patrols at dog-walking times and leaflets to every house.",
	  "Patrols done; leaflets delivered to 300 homes.",
	  "Porthmawr County Council", "Dog warden service", "More bins and dog warden patrols with fixed penalties.",
	  "Six new bins; dog wardens issued five fines.",
	  "PCSOs patrolled at dog-walking times, the council put in six new bins and its dog wardens issued five fines." },
	{ "parking", TH(THEME_MORFA) | TH(THEME_SUBURB) | TH(THEME_HARBOUR) | TH(THEME_RETAIL), W_SCHOOL, S_FLAT,
	  { "Parents park on the zigzags and the pavement outside %s every day.",
	    "Cars blocking driveways near %s at pick-up time.",
	    "Dangerous parking outside %s - a child nearly got hit." },
	  { "Rhieni'n parcio ar y llinellau igam-ogam y tu allan i %s bob dydd.",
	    "Ceir yn blocio dreifiau ger %s amser casglu'r plant." },
	  "School parking at %s", "Make the school run safer outside %s.",
	  "partner-data", "School and council logged 12 near misses this term.",
	  "Officers at the school gates twice a week; tickets for parking on the zigzags.",
	  "Eight tickets issued; a parking pledge sent home with every pupil.",
	  "Porthmawr County Council", "Civil parking enforcement", "Enforcement visits at drop-off and pick-up times.",
	  "Eleven penalty notices issued; the school started a walking bus.",
	  "Officers and council wardens were at the school gates at drop-off and pick-up, issued 19 tickets, and the school started a walking bus." },
	{ "burglary", TH(THEME_ESTATE) | TH(THEME_SUBURB) | TH(THEME_STUDENT), W_ESTATE, S_WINTER,
	  { "Three houses broken into on %s this month. Older people are frightened.",
	    "Sheds being broken into around %s at night. Is anyone watching?",
	    "Someone tried my back door on %s at 4am. What is being done?" },
	  { "Mae tri thŷ wedi cael eu torri i mewn iddyn nhw ar %s y mis yma.",
	    "Mae siediau'n cael eu torri i mewn iddyn nhw ger %s yn y nos." },
	  "Burglary worries on %s", "Reduce burglary and the fear of it on %s.",
	  "crime-trend", "Burglaries in the area up from 5 to 12 on the same three months last year.",
	  "Crime prevention visits and marking kits; patrols in the evening.",
	  "220 homes visited; 60 property-marking kits given out; one arrest.",
	  "Glanmor Fire and Rescue Service", "Community safety team", "Joint home safety and security visits for older residents.",
	  "85 joint visits made; door chains and timers fitted.",
	  "We visited 220 homes with crime prevention advice, arrested one suspect, and the fire service made 85 joint safety and security visits to older residents." },
	{ "street-drinking", TH(THEME_CENTRE) | TH(THEME_SEAFRONT), W_PARK, S_SUMMER,
	  { "Street drinkers in %s every afternoon, shouting at people.",
	    "Drinking and arguments in the shelters at %s.",
	    "Broken bottles left in %s every morning." },
	  { "Pobl yn yfed ar y stryd ac yn cweryla yn %s yn ystod y dydd.",
	    "Poteli wedi torri ar ôl yn %s bob bore." },
	  "Street drinking at %s", "Tackle street drinking at %s.",
	  "partner-data", "Outreach team counts 6 to 10 regular drinkers.",
	  "Use of the public spaces protection order; referrals to support.",
	  "Alcohol seized 14 times; five people referred to support.",
	  "Porthmawr County Council", "Community safety partnership", "Outreach workers and a review of the public spaces protection order.",
	  "Outreach twice a week; order renewed.",
	  "We used the public spaces protection order, referred five people for support, and the council's outreach workers now visit twice a week." },
	{ "bicycle-theft", TH(THEME_STUDENT) | TH(THEME_CENTRE), W_STREET, S_SUMMER,
	  { "My bike was stolen from the racks on %s even though it was locked.",
	    "Bikes going missing from gardens on %s.",
	    "Lots of bike thefts around %s - can you do bike marking?" },
	  { "Cafodd fy meic ei ddwyn o'r rheseli ar %s er ei fod wedi'i gloi.",
	    "Mae beiciau'n diflannu o erddi ar %s." },
	  "Bike theft on %s", "Reduce bicycle theft around %s.",
	  "crime-trend", "Bicycle thefts up from 3 to 9 in three months.",
	  "Bike marking events and patrols at the racks.",
	  "Bike marking at three events; 150 bikes marked.",
	  "Porthmawr University", "Estates and security", "Better racks and camera coverage of the racks.",
	  "New racks fitted under cameras.",
	  "We marked 150 bikes at three events and the university fitted new racks under cameras." },
	{ "vehicle-crime", TH(THEME_HARBOUR) | TH(THEME_SUBURB) | TH(THEME_SEAFRONT), W_STREET, S_WINTER,
	  { "Someone has been trying car doors on %s at night.",
	    "My van was broken into on %s and tools taken.",
	    "Catalytic converters stolen on %s - two this week." },
	  { "Mae rhywun wedi bod yn trio drysau ceir ar %s yn y nos.",
	    "Torrodd rhywun i mewn i'm fan ar %s a dwyn offer." },
	  "Vehicle crime on %s", "Reduce thefts from vehicles on %s.",
	  "crime-trend", "Thefts from vehicles up from 2 to 8 in three months.",
	  "Night patrols and leaflets on locking vehicles.",
	  "Patrols done; one person arrested with stolen tools.",
	  "Porthmawr County Council", "CCTV team", "Point a camera at the car park.",
	  "Camera re-pointed and monitored.",
	  "Night patrols led to one arrest and the return of stolen tools, and the council re-pointed a camera at the car park." },
	{ "anti-social-behaviour", TH(THEME_CENTRE) | TH(THEME_ESTATE) | TH(THEME_HARBOUR) | TH(THEME_STUDENT), W_STREET, S_SUMMER,
	  { "Fireworks being let off on %s late at night.",
	    "Neighbours' parties on %s go on until 4am.",
	    "People kicking bins over on %s on their way home." },
	  { "Tân gwyllt yn cael eu tanio ar %s yn hwyr yn y nos.",
	    "Partïon ar %s yn mynd ymlaen tan bedwar y bore." },
	  "Anti-social behaviour on %s", "Reduce anti-social behaviour on %s.",
	  "crime-trend", "ASB reports up from 9 to 16 in three months.",
	  "Patrols at the times reported; visits to the households named.",
	  "Four warning letters delivered.",
	  "Cartrefi Glanmor Housing Association", "Neighbourhood officer", "Acceptable behaviour contracts with two households.",
	  "Two contracts signed; no reports since.",
	  "We patrolled at the times you gave us and delivered four warning letters; the housing association agreed behaviour contracts with two households." },
};

static const char *const first_names[] = {
	"Alun", "Bethan", "Ceri", "Delyth", "Eirian", "Glenys", "Hywel", "Ieuan", "Mair",
	"Rhian", "Siân", "Wyn", "Angela", "Barry", "Claire", "Dean", "Gemma", "Kevin",
	"Lisa", "Nathan", "Shirley", "Tracey", "Zofia", "Tariq", "Grace", "Ollie",
};
static const char *const surnames[] = {
	"Ap Iorwerth", "Bowen", "Cadwaladr", "Davies", "Evans", "Gruffydd", "Howells", "James",
	"Lloyd", "Meredith", "Nicholas", "Parry", "Pugh", "Rowlands", "Thomas", "Watkins",
	"Bennett", "Fisher", "Harris", "Marsh", "Nowak", "Patel", "Quinn", "Shaw",
};

struct act {
	char key[16];
	int kind, mode;
	int64_t start;		/* minutes since the epoch, London wall time */
	int minutes;
	int attendance;		/* -1 unknown */
};

struct concern {
	char reference[REF_LEN + 1];
	int topic;
	int64_t raised;		/* London wall minutes */
	int channel;
};

/* Minutes since the epoch of a London wall time. */
static int64_t wall(int64_t day, int hh, int mm)
{
	return day * 1440 + hh * 60 + mm;
}

static void wall_text(int64_t minutes, char buf[17])
{
	int y, m, d;
	int64_t day = minutes / 1440;
	int rest = (int)(minutes % 1440);

	civil_from_days(day, &y, &m, &d);
	snprintf(buf, 17, "%04d-%02d-%02dT%02d:%02d", y % 10000, m % 100, d % 100, rest / 60 % 100,
		 rest % 60);
}

static void day_text(int64_t day, char buf[11])
{
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	snprintf(buf, 11, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
}

static int64_t month_day(int month, int d)
{
	return days_from_civil(month / 12, month % 12 + 1, d);
}

/* A weekday (0 Sunday .. 6 Saturday) on or after day. */
static int64_t next_weekday(int64_t day, int wd)
{
	while ((day % 7 + 11) % 7 != wd)	/* 1970-01-01 was a Thursday */
		day++;
	return day;
}

/* The state of the stage: the year and what later files refer to. */
struct gen {
	struct demo_town *t;
	struct demo_rng *r;
	int first_month;
	int64_t first_day, end_day;	/* the year: [first_day, end_day) */
	struct strbuf acts, concerns, pris, actions, feedback;
	struct act a[MAX_ACTS];
	int na;
	struct concern c[MAX_CONCERNS];
	int nc;
	int closed_done, overdue;
};

static int venue_of(const struct demo_town *t, int n, const char *type, struct demo_rng *r)
{
	int found[8], k = 0;

	for (int i = 0; i < t->nvenues && k < 8; i++)
		if (t->venues[i].nbhd == n && (!type || !strcmp(t->venues[i].type, type)) &&
		    (type || !strcmp(t->venues[i].kind, "place")))
			found[k++] = i;
	return k ? found[demo_rng_below(r, k)] : -1;
}

/* A hall to meet in: a community centre, else a church, chapel or school, else any place. */
static int hall_of(const struct demo_town *t, int n, struct demo_rng *r)
{
	static const char *const kinds[] = { "Community centre", "Chapel", "Church", "Leisure centre",
					     "Library", "School" };
	int v;

	for (int i = 0; i < NELEM(kinds); i++)
		if ((v = venue_of(t, n, kinds[i], r)) >= 0)
			return v;
	return venue_of(t, n, NULL, r);
}

static const char *sergeant_of(const struct demo_town *t, int n)
{
	for (int i = 0; i < t->nofficers; i++)
		if (t->officers[i].nbhd == n)
			return t->officers[i].name;
	return "Neighbourhood sergeant";
}

static void officer_of(const struct demo_town *t, int n, struct demo_rng *r, char out[96])
{
	int idx[5], k = 0;

	for (int i = 0; i < t->nofficers && k < 5; i++)
		if (t->officers[i].nbhd == n && strcmp(t->officers[i].rank, "Sergeant"))
			idx[k++] = i;
	if (!k) {
		snprintf(out, 96, "Sgt %s", sergeant_of(t, n));
		return;
	}
	k = idx[demo_rng_below(r, k)];
	snprintf(out, 96, "%s %s", strcmp(t->officers[k].rank, "PCSO") ? "PC" : "PCSO",
		 t->officers[k].name);
}

/* tmpl with its one "%s" replaced by arg (templates are data, not formats). */
static void fill(char *out, size_t size, const char *tmpl, const char *arg)
{
	const char *at = strstr(tmpl, "%s");
	size_t pre = at ? (size_t)(at - tmpl) : strlen(tmpl);

	snprintf(out, size, "%.*s%s%s", (int)pre, tmpl, at ? arg : "", at ? at + 2 : "");
}

static void field(struct strbuf *sb, const char *s)
{
	demo_csv_field(sb, s);
	strbuf_addch(sb, ',');
}

static void last_field(struct strbuf *sb, const char *s)
{
	demo_csv_field(sb, s);
	strbuf_addch(sb, '\n');
}

static void coord_fields(struct strbuf *sb, int has, struct demo_pt p)
{
	if (has) {
		demo_csv_coord(sb, p.lat);
		strbuf_addch(sb, ',');
		demo_csv_coord(sb, p.lon);
		strbuf_addch(sb, ',');
	} else {
		strbuf_addstr(sb, ",,");
	}
}

/* Demographics attendees chose to give: about two in three answer. */
static void demographics(struct gen *g, int theme, int attendance, char *out, size_t size)
{
	static const char *const ages[5] = { "16-29", "30-44", "45-64", "65+", "0-15" };
	static const char *const ethnic[5] = { "white", "asian", "black", "mixed", "other" };
	double aw[4] = { 1, 2, 3, 4 }, ew[5] = { 92, 3, 1, 2, 2 }, sw[2] = { 55, 45 };
	int gave = attendance * 2 / 3, a[4], x[5], s[2];
	size_t len = 0;

	out[0] = '\0';
	if (gave < 3 || !demo_rng_chance(g->r, 0.7))
		return;
	if (theme == THEME_STUDENT)
		aw[0] = 6;
	if (theme == THEME_HARBOUR)
		ew[1] = 12, ew[2] = 4;
	demo_split(gave, aw, 4, a);
	demo_split(gave, sw, 2, s);
	demo_split(gave, ew, 5, x);
	for (int i = 0; i < 4; i++)
		if (a[i])
			len += (size_t)snprintf(out + len, size - len, "%sage_band:%s=%d", len ? ";" : "",
						ages[i], a[i]);
	len += (size_t)snprintf(out + len, size - len, ";sex:female=%d;sex:male=%d", s[0], s[1]);
	for (int i = 0; i < 5 && len < size; i++)
		if (x[i])
			len += (size_t)snprintf(out + len, size - len, ";ethnic_group:%s=%d", ethnic[i], x[i]);
}

struct act_spec {
	int kind, mode;
	const char *title;	/* %s: the neighbourhood or street */
	int lo, hi;		/* attendance; lo < 0: not counted */
	int hh, minutes;
};

/* Add one activity on `day` (an evening or daytime slot) and write its row. */
static void add_activity(struct gen *g, int n, const struct act_spec *sp, int64_t day)
{
	struct demo_town *t = g->t;
	const struct demo_nbhd *nb = &t->nbhds[n];
	struct act *a;
	char title[200], start[17], end[17], demo[400], url[160], note[300];
	const char *venue = "", *address = "", *access = "";
	struct demo_pt where = { 0, 0 };
	int has = 0, v = -1, adj = 0;
	char street_venue[120];

	if (g->na >= MAX_ACTS)
		return;
	a = &g->a[g->na];
	snprintf(a->key, sizeof(a->key), "%s-A%02d", nb->id, g->na + 1);
	a->kind = sp->kind;
	a->mode = sp->mode;
	a->start = wall(day, sp->hh, demo_rng_chance(g->r, 0.5) ? 0 : 30);
	a->minutes = sp->minutes;
	a->attendance = sp->lo < 0 ? -1 : sp->lo + demo_rng_below(g->r, sp->hi - sp->lo + 1);
	fill(title, sizeof(title), sp->title, nb->name);
	if (sp->mode != MODE_ONLINE) {
		if (sp->kind == ACT_STREET_MEETING || sp->kind == ACT_DOOR_TO_DOOR ||
		    sp->kind == ACT_POSTCARD_DROP || sp->kind == ACT_EVA) {
			int pt = demo_point_in_nbhd(t, g->r, n);

			if (pt >= 0) {
				snprintf(street_venue, sizeof(street_venue), "%s", t->points[pt].name);
				fill(title, sizeof(title), sp->title, t->points[pt].name);
				venue = street_venue;
				where = t->points[pt].p;
				has = 1;
			}
		} else if (sp->kind == ACT_SURGERY) {
			v = venue_of(t, n, "Library", g->r);
			if (v < 0)
				v = venue_of(t, n, "Supermarket", g->r);
			if (v < 0)
				v = hall_of(t, n, g->r);
		} else if (sp->kind == ACT_COMMUNITY_EVENT) {
			v = venue_of(t, n, "Park", g->r);
			if (v < 0)
				v = hall_of(t, n, g->r);
		} else {
			v = hall_of(t, n, g->r);
		}
		if (v >= 0) {
			venue = t->venues[v].name;
			address = t->venues[v].address;
			where = t->points[t->venues[v].point].p;
			has = 1;
			access = "Step-free entrance; hearing loop in the main room.";
			adj = ADJ_STEP_FREE | ADJ_HEARING_LOOP;
		}
		if (!*venue) {
			venue = nb->name;
			has = 0;
		}
	}
	if (sp->kind == ACT_PACT_MEETING || sp->kind == ACT_BEAT_MEETING || sp->kind == ACT_IAG_MEETING)
		adj |= ADJ_WELSH;	/* simultaneous translation offered */
	url[0] = '\0';
	if (sp->mode != MODE_IN_PERSON) {
		snprintf(url, sizeof(url), "https://meet.%s/%s-%s", DEMO_DOMAIN, nb->id, a->key + 5);
		adj |= ADJ_ONLINE_OPTION;
	}
	demographics(g, nb->theme, a->attendance < 0 ? 0 : a->attendance, demo, sizeof(demo));
	wall_text(a->start, start);
	wall_text(a->start + a->minutes, end);
	note[0] = '\0';
	if (sp->kind == ACT_PACT_MEETING)
		snprintf(note, sizeof(note), "Residents and partners reviewed the priorities for %s. "
			 "Minutes are on the neighbourhood page.", nb->name);
	else if (sp->kind == ACT_POSTCARD_DROP)
		snprintf(note, sizeof(note), "Freepost postcards asking \"What one thing would make %s safer?\" "
			 "in Welsh and English.", nb->name);
	field(&g->acts, a->key);
	field(&g->acts, DEMO_FORCE_ID);
	field(&g->acts, nb->id);
	field(&g->acts, activity_kinds[sp->kind].slug);
	field(&g->acts, activity_modes[sp->mode].slug);
	field(&g->acts, title);
	field(&g->acts, start);
	field(&g->acts, end);
	field(&g->acts, venue);
	field(&g->acts, address);
	coord_fields(&g->acts, has, where);
	field(&g->acts, access);
	field(&g->acts, url);
	{
		struct strbuf adjs = STRBUF_INIT;

		for (int i = 0; i < adjustment_count; i++)
			if (adj & (1 << i))
				strbuf_addf(&adjs, "%s%s", adjs.len ? ";" : "", adjustments[i].slug);
		field(&g->acts, adjs.len ? adjs.buf : "");
		strbuf_release(&adjs);
	}
	if (a->attendance >= 0)
		strbuf_addf(&g->acts, "%d", a->attendance);
	strbuf_addch(&g->acts, ',');
	field(&g->acts, demo);
	last_field(&g->acts, note);
	g->na++;
	g->t->sum->activities++;
}

static int64_t day_in_month(struct gen *g, int month)
{
	int64_t d0 = month_day(month, 1), d1 = month_day(month + 1, 1);

	return d0 + demo_rng_below(g->r, (int)(d1 - d0));
}

/* The year's activities of neighbourhood n, in date order. */
static void plan_activities(struct gen *g, int n)
{
	const struct demo_nbhd *nb = &g->t->nbhds[n];
	int monthly = nb->theme == THEME_CENTRE || nb->theme == THEME_ESTATE || demo_rng_chance(g->r, 0.4);
	int wd = 2 + demo_rng_below(g->r, 3);	/* Tuesday to Thursday */
	/* per kind: PACT evenings, then the rest through the year */
	static const struct act_spec pact = { ACT_PACT_MEETING, MODE_IN_PERSON, "%s PACT meeting", 8, 30, 19, 90 };
	static const struct act_spec hybrid = { ACT_PACT_MEETING, MODE_HYBRID, "%s PACT meeting (in person and online)", 10, 30, 19, 90 };
	static const struct act_spec others[] = {
		{ ACT_SURGERY, MODE_IN_PERSON, "Meet your PCSO: %s surgery", 3, 12, 11, 120 },
		{ ACT_STREET_MEETING, MODE_IN_PERSON, "Street meeting on %s", 5, 15, 17, 45 },
		{ ACT_DOOR_TO_DOOR, MODE_IN_PERSON, "StreetSafe door-to-door survey on %s", 20, 60, 14, 180 },
		{ ACT_SURGERY, MODE_IN_PERSON, "Meet your PCSO: %s surgery", 3, 12, 11, 120 },
		{ ACT_EVA, MODE_IN_PERSON, "Environmental visual audit around %s", 4, 10, 10, 120 },
		{ ACT_POSTCARD_DROP, MODE_IN_PERSON, "Postcard drop on %s", -1, -1, 10, 240 },
		{ ACT_STREET_MEETING, MODE_IN_PERSON, "Street meeting on %s", 5, 15, 17, 45 },
		{ ACT_COMMUNITY_EVENT, MODE_IN_PERSON, "%s community fun day", 40, 150, 12, 240 },
		{ ACT_ONLINE_MEETING, MODE_ONLINE, "%s online beat meeting", 5, 25, 19, 60 },
		{ ACT_SOCIAL_MEDIA, MODE_ONLINE, "%s Facebook Live: ask your team", 10, 60, 19, 45 },
		{ ACT_SURGERY, MODE_IN_PERSON, "Meet your PCSO: %s surgery", 3, 12, 11, 120 },
		{ ACT_STREET_MEETING, MODE_IN_PERSON, "Street meeting on %s", 5, 15, 17, 45 },
		{ ACT_ONLINE_MEETING, MODE_ONLINE, "%s online beat meeting", 5, 25, 19, 60 },
		{ ACT_DOOR_TO_DOOR, MODE_IN_PERSON, "StreetSafe door-to-door survey on %s", 20, 60, 14, 180 },
	};
	static const struct act_spec iag = { ACT_IAG_MEETING, MODE_HYBRID, "Glanmor independent advisory group (%s)", 6, 12, 18, 120 };
	struct { int64_t day; const struct act_spec *sp; } plan[48];
	int np = 0;

	for (int m = 0; m < 12; m++) {
		if (!monthly && (m & 1))
			continue;
		plan[np].day = next_weekday(month_day(g->first_month + m, 1) + demo_rng_below(g->r, 14), wd);
		plan[np++].sp = demo_rng_chance(g->r, 0.25) ? &hybrid : &pact;
	}
	for (int i = 0; i < NELEM(others); i++) {
		/* a fun day in summer; everything else spread over the year */
		int m = others[i].kind == ACT_COMMUNITY_EVENT ? 6 + demo_rng_below(g->r, 3) - (g->first_month + 12) % 12 + 12
							       : (i * 12) / NELEM(others) + demo_rng_below(g->r, 2);

		m %= 12;
		if (others[i].kind == ACT_SOCIAL_MEDIA && demo_rng_chance(g->r, 0.3))
			continue;
		plan[np].day = day_in_month(g, g->first_month + m);
		if (others[i].kind != ACT_COMMUNITY_EVENT && others[i].kind != ACT_POSTCARD_DROP &&
		    others[i].kind != ACT_DOOR_TO_DOOR && others[i].kind != ACT_EVA)
			plan[np].day = next_weekday(plan[np].day, 1 + demo_rng_below(g->r, 5));
		if (plan[np].day >= g->end_day)
			plan[np].day = g->end_day - 3;
		plan[np++].sp = &others[i];
	}
	if (nb->theme == THEME_CENTRE)
		for (int q = 0; q < 4; q++) {
			plan[np].day = next_weekday(month_day(g->first_month + q * 3 + 1, 10), 1);
			plan[np++].sp = &iag;
		}
	/* date order (insertion sort: stable and small) */
	for (int i = 1; i < np; i++)
		for (int j = i; j > 0 && plan[j].day < plan[j - 1].day; j--) {
			__typeof__(plan[0]) tmp = plan[j];
			plan[j] = plan[j - 1];
			plan[j - 1] = tmp;
		}
	for (int i = 0; i < np; i++)
		add_activity(g, n, plan[i].sp, plan[i].day);
}

/* Month weight by season (index: months since the year began). */
static double season_weight(const struct gen *g, int season, int m)
{
	int cal = (g->first_month + m) % 12;	/* 0 January */
	int summer = cal >= 4 && cal <= 8, winter = cal >= 10 || cal <= 1;

	if (season == S_SUMMER)
		return summer ? 1.8 : 0.8;
	if (season == S_WINTER)
		return winter ? 1.8 : 0.8;
	return 1.0;
}

/* The activity of this kind nearest after a random point of the year. */
static int activity_for(struct gen *g, int kind)
{
	int idx[MAX_ACTS], k = 0;

	for (int i = 0; i < g->na; i++)
		if (g->a[i].kind == kind || (kind == ACT_PACT_MEETING && (g->a[i].kind == ACT_BEAT_MEETING ||
									  g->a[i].kind == ACT_ONLINE_MEETING)))
			idx[k++] = i;
	return k ? idx[demo_rng_below(g->r, k)] : -1;
}

/* Where a topic happens in neighbourhood n: words and a point. */
static void topic_place(struct gen *g, int n, int where, char out[120], struct demo_pt *p)
{
	struct demo_town *t = g->t;
	int theme = t->nbhds[n].theme, v = -1, pt;

	if (where == W_RETAIL && theme == THEME_RETAIL) {
		snprintf(out, 120, "Porthmawr Retail Park");
		*p = t->hot[HOT_RETAIL];
		return;
	}
	if (where == W_ESTATE && theme == THEME_ESTATE) {
		pt = demo_point_in_nbhd(t, g->r, n);
		snprintf(out, 120, "%s on the Penrhyn estate", pt >= 0 ? t->points[pt].name : "the flats");
		*p = pt >= 0 ? t->points[pt].p : t->hot[HOT_ESTATE];
		return;
	}
	if (where == W_PARK)
		v = venue_of(t, n, "Park", g->r);
	else if (where == W_SCHOOL)
		v = venue_of(t, n, "School", g->r);
	else if (where == W_NTE || where == W_RETAIL)
		v = venue_of(t, n, where == W_NTE ? "Pub" : "Supermarket", g->r);
	if (v >= 0) {
		snprintf(out, 120, "%s", t->venues[v].name);
		*p = t->points[t->venues[v].point].p;
		return;
	}
	pt = demo_point_in_nbhd(t, g->r, n);
	snprintf(out, 120, "%s", pt >= 0 ? t->points[pt].name : t->nbhds[n].name);
	*p = pt >= 0 ? t->points[pt].p : t->hot[HOT_NTE];
}

/* The concerns of neighbourhood n over the year. */
static void raise_concerns(struct gen *g, int n)
{
	struct demo_town *t = g->t;
	int theme = t->nbhds[n].theme;
	/* channel mix: meetings and the online form lead, every channel is used */
	static const double chw[CH_COUNT] = {
		[CH_MEETING] = 16, [CH_SURGERY] = 7, [CH_STREET] = 8, [CH_POSTCARD] = 8,
		[CH_DOOR_TO_DOOR] = 7, [CH_EVA] = 3, [CH_ONLINE_FORM] = 18, [CH_EMAIL] = 10,
		[CH_PHONE] = 10, [CH_SOCIAL_MEDIA] = 8, [CH_PARTNER_REFERRAL] = 5,
	};
	static const int channel_kind[CH_COUNT] = {
		[CH_MEETING] = ACT_PACT_MEETING, [CH_SURGERY] = ACT_SURGERY, [CH_STREET] = ACT_STREET_MEETING,
		[CH_POSTCARD] = ACT_POSTCARD_DROP, [CH_DOOR_TO_DOOR] = ACT_DOOR_TO_DOOR, [CH_EVA] = ACT_EVA,
		[CH_ONLINE_FORM] = -1, [CH_EMAIL] = -1, [CH_PHONE] = -1, [CH_SOCIAL_MEDIA] = -1,
		[CH_PARTNER_REFERRAL] = -1,
	};
	double tw[NELEM(topics)];
	/* about 15% in Welsh over the town, more on the older, Welsh-speaking coast */
	double welsh = theme == THEME_SEAFRONT || theme == THEME_MORFA ? 0.22 :
		       theme == THEME_STUDENT ? 0.05 : 0.11;
	int count = 45 + demo_rng_below(g->r, 30);

	for (int k = 0; k < NELEM(topics); k++)
		tw[k] = (topics[k].themes & TH(theme)) ? 6.0 + demo_rng_below(g->r, 6) : 0.6;
	for (int i = 0; i < count && g->nc < MAX_CONCERNS; i++) {
		struct concern *c = &g->c[g->nc];
		const struct topic *tp;
		int ch = demo_rng_weighted(g->r, chw, CH_COUNT), act = -1, cy, has_loc, anon;
		char place[120], text[600], raised[17], email[120], phone[24], name[80];
		struct demo_pt p = { 0, 0 };
		double mw[12];
		int64_t day;

		c->topic = demo_rng_weighted(g->r, tw, NELEM(topics));
		tp = &topics[c->topic];
		if (channel_kind[ch] >= 0 && (act = activity_for(g, channel_kind[ch])) < 0)
			ch = CH_ONLINE_FORM;
		if (act >= 0) {
			c->raised = g->a[act].start + 10 + demo_rng_below(g->r, g->a[act].minutes > 20 ?
								 g->a[act].minutes - 10 : 10);
		} else {
			for (int m = 0; m < 12; m++)
				mw[m] = season_weight(g, tp->season, m);
			day = day_in_month(g, g->first_month + demo_rng_weighted(g->r, mw, 12));
			c->raised = wall(day, 7 + demo_rng_below(g->r, 15), demo_rng_below(g->r, 60));
		}
		c->channel = ch;
		{
			uint64_t bits;

			do
				bits = demo_rng_next(g->r) & ((1ULL << 40) - 1);
			while (!bits);
			reference_format(bits, c->reference);
		}
		topic_place(g, n, tp->where, place, &p);
		cy = demo_rng_chance(g->r, welsh);
		fill(text, sizeof(text), cy ? tp->cy[demo_rng_below(g->r, 2)] : tp->en[demo_rng_below(g->r, 3)],
		     place);
		has_loc = ch != CH_PHONE && demo_rng_chance(g->r, 0.5);
		anon = ch == CH_POSTCARD || ch == CH_SOCIAL_MEDIA ? demo_rng_chance(g->r, 0.7)
								 : demo_rng_chance(g->r, 0.3);
		wall_text(c->raised, raised);
		field(&g->concerns, c->reference);
		field(&g->concerns, DEMO_FORCE_ID);
		field(&g->concerns, t->nbhds[n].id);
		field(&g->concerns, raised);
		field(&g->concerns, channels[ch].slug);
		field(&g->concerns, tp->category);
		field(&g->concerns, cy ? "cy" : "en");
		field(&g->concerns, text);
		field(&g->concerns, place);
		coord_fields(&g->concerns, has_loc, p);
		field(&g->concerns, act >= 0 ? g->a[act].key : "");
		if (anon) {
			strbuf_addstr(&g->concerns, "yes,,,,no\n");
		} else {
			int f = demo_rng_below(g->r, NELEM(first_names)), s = demo_rng_below(g->r, NELEM(surnames));
			int by_email = ch == CH_EMAIL || ch == CH_ONLINE_FORM || demo_rng_chance(g->r, 0.3);
			int by_phone = ch == CH_PHONE || demo_rng_chance(g->r, 0.3);
			size_t len = 0;

			snprintf(name, sizeof(name), "%s %s", first_names[f], surnames[s]);
			email[0] = phone[0] = '\0';
			if (by_email) {
				for (const char *q = name; *q && len < 100; q++)
					if ((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z'))
						email[len++] = (char)(*q | 0x20);
					else if (*q == ' ')
						email[len++] = '.';
				snprintf(email + len, sizeof(email) - len, "%d@example.org", 1 + demo_rng_below(g->r, 99));
			}
			if (by_phone || !by_email)
				snprintf(phone, sizeof(phone), "01632 960%03d", demo_rng_below(g->r, 1000));
			strbuf_addstr(&g->concerns, "no,");
			field(&g->concerns, name);
			field(&g->concerns, email);
			field(&g->concerns, phone);
			last_field(&g->concerns, demo_rng_chance(g->r, 0.75) ? "yes" : "no");
		}
		g->nc++;
		t->sum->concerns++;
	}
}

/* Answer some concerns that no priority covers. */
static void concern_feedback(struct gen *g, int n, const int *is_priority)
{
	static const char *const reasons[] = { "insufficient-information", "not-police-matter", "outside-area" };

	for (int i = 0; i < g->nc; i++) {
		const struct concern *c = &g->c[i];
		const struct topic *tp = &topics[c->topic];
		int64_t at = c->raised + 1440 * (3 + demo_rng_below(g->r, 18)) + 60;
		char when[17], text[600], note[200];
		int kind;

		if (is_priority[c->topic] || at >= g->end_day * 1440 || !demo_rng_chance(g->r, 0.55))
			continue;
		kind = demo_rng_below(g->r, 10);
		wall_text(at, when);
		field(&g->feedback, "concern");
		field(&g->feedback, c->reference);
		field(&g->feedback, when);
		if (kind < 4) {
			snprintf(text, sizeof(text), "We passed this to %s (%s), who replied: %s",
				 tp->partner_org, tp->partner_role, tp->partner_result);
			field(&g->feedback, "partner-action");
			field(&g->feedback, "");
		} else if (kind < 8) {
			snprintf(text, sizeof(text), "Thank you. Officers patrolled at the times you told us about and "
				 "spoke to the people involved. %s", tp->officer_result);
			field(&g->feedback, "action-taken");
			field(&g->feedback, "");
		} else {
			const char *reason = reasons[demo_rng_below(g->r, NELEM(reasons))];

			snprintf(text, sizeof(text), "%s", !strcmp(reason, "insufficient-information") ?
				 "We could not act on this: we did not have enough detail about when and where it happens. Please tell us again if it does." :
				 !strcmp(reason, "not-police-matter") ?
				 "This is not a police matter, so we passed it to the council, who can help." :
				 "This happened just outside our neighbourhood, so we passed it to the team there.");
			field(&g->feedback, "no-action");
			field(&g->feedback, reason);
		}
		snprintf(note, sizeof(note), "Logged by the neighbourhood team; raiser's details are on the contact record only.");
		field(&g->feedback, text);
		field(&g->feedback, note);
		last_field(&g->feedback, sergeant_of(g->t, n));
		g->t->sum->feedback++;
	}
}

static void add_action(struct gen *g, const char *pkey, int x, const char *kind, const char *owner,
		       const char *org, const char *what, int64_t created, int64_t due, int done,
		       const char *result)
{
	char key[32], when[17], due_text[11];

	snprintf(key, sizeof(key), "%s-X%d", pkey, x);
	wall_text(created, when);
	day_text(due, due_text);
	field(&g->actions, key);
	field(&g->actions, pkey);
	field(&g->actions, kind);
	field(&g->actions, owner);
	field(&g->actions, org);
	field(&g->actions, what);
	field(&g->actions, when);
	field(&g->actions, due_text);
	field(&g->actions, done ? "done" : "open");
	last_field(&g->actions, done ? result : "");
	g->t->sum->actions++;
}

/* Priorities of neighbourhood n from its biggest groups of concerns, with
 * their actions and feedback. */
static void agree_priorities(struct gen *g, int n, int *is_priority)
{
	struct demo_town *t = g->t;
	const struct demo_nbhd *nb = &t->nbhds[n];
	int count[NELEM(topics)] = { 0 }, order[NELEM(topics)], meetings[MAX_ACTS], nm = 0;
	int k = 3 + demo_rng_below(g->r, 2);	/* fewer when groups are small */

	for (int i = 0; i < g->nc; i++)
		count[g->c[i].topic]++;
	for (int i = 0; i < NELEM(topics); i++)
		order[i] = i;
	for (int i = 1; i < NELEM(topics); i++)
		for (int j = i; j > 0 && count[order[j]] > count[order[j - 1]]; j--) {
			int tmp = order[j];
			order[j] = order[j - 1];
			order[j - 1] = tmp;
		}
	for (int i = 0; i < g->na; i++)
		if (g->a[i].kind == ACT_PACT_MEETING)
			meetings[nm++] = i;
	for (int p = 0; p < k && nm > 0 && count[order[p]] >= 3; p++) {
		const struct topic *tp = &topics[order[p]];
		/* the biggest was agreed early in the year, the rest later */
		const int at[4] = { nm / 6, nm / 3, nm * 2 / 3, nm - 1 };
		const struct act *m = &g->a[meetings[at[p] < 0 ? 0 : at[p]]];
		int64_t agreed_day = m->start / 1440, created, due, fb;
		char key[16], place[120], title[200], public_text[400], review[11], status[16];
		char officer[96], org_owner[160], text[800], note[400], when[17];
		struct demo_pt ignored;
		int resolved, closed = 0, att = m->attendance > 0 ? m->attendance : 10;
		int yes = att * (60 + demo_rng_below(g->r, 31)) / 100, no = demo_rng_below(g->r, att - yes + 1);

		is_priority[order[p]] = 1;
		snprintf(key, sizeof(key), "%s-P%d", nb->id, p + 1);
		topic_place(g, n, tp->where, place, &ignored);
		fill(title, sizeof(title), tp->title, place);
		fill(public_text, sizeof(public_text), tp->public_text, place);
		day_text(agreed_day + 91, review);
		resolved = agreed_day + 150 < g->end_day;
		/* one priority in the town ends with no action, and says why */
		if (resolved && !g->closed_done && p > 0 &&
		    (!strcmp(tp->category, "speeding") || !strcmp(tp->category, "parking") ||
		     !strcmp(tp->category, "vehicle-crime") || n == t->nnbhd - 1)) {
			closed = 1;
			g->closed_done = 1;
		}
		snprintf(status, sizeof(status), "%s", closed ? "closed" : resolved ? "resolved" :
			 agreed_day + 40 < g->end_day ? "in-progress" : "agreed");
		field(&g->pris, key);
		field(&g->pris, DEMO_FORCE_ID);
		field(&g->pris, nb->id);
		field(&g->pris, tp->category);
		field(&g->pris, title);
		field(&g->pris, public_text);
		field(&g->pris, tp->evidence_kind);
		field(&g->pris, tp->evidence);
		field(&g->pris, m->key);
		strbuf_addf(&g->pris, "%d,%d,%d,", yes, no, att - yes - no);
		field(&g->pris, review);
		last_field(&g->pris, status);
		t->sum->priorities++;

		/* actions: the team's and a partner's; done when it is resolved */
		created = wall(agreed_day + 1 + demo_rng_below(g->r, 6), 10, 0);
		officer_of(t, n, g->r, officer);
		snprintf(org_owner, sizeof(org_owner), "%s", tp->partner_role);
		if (resolved || closed) {
			due = created / 1440 + 28 + demo_rng_below(g->r, 40);
			add_action(g, key, 1, "officer", officer, "", tp->officer_action, created, due, 1,
				   tp->officer_result);
			add_action(g, key, 2, "partner", org_owner, tp->partner_org, tp->partner_action,
				   created + 1440, due + 14, 1, closed ? "Checks done; nothing further needed." : tp->partner_result);
		} else if (!strcmp(status, "in-progress")) {
			int overdue = g->overdue < 2;

			due = g->end_day + 14 + demo_rng_below(g->r, 60);
			add_action(g, key, 1, "officer", officer, "", tp->officer_action, created,
				   created / 1440 + 28, 1, tp->officer_result);
			if (overdue && created / 1440 + 14 < g->end_day - 7) {
				due = g->end_day - 7 - demo_rng_below(g->r, 7);
				if (due <= created / 1440)
					due = created / 1440 + 7;
				g->overdue++;
			}
			add_action(g, key, 2, "partner", org_owner, tp->partner_org, tp->partner_action,
				   created + 1440, due, 0, "");
		} else {
			due = g->end_day + 30 + demo_rng_below(g->r, 60);
			add_action(g, key, 1, "officer", officer, "", tp->officer_action, created, due, 0, "");
			add_action(g, key, 2, "partner", org_owner, tp->partner_org, tp->partner_action,
				   created + 1440, due + 14, 0, "");
		}
		if (!resolved && !closed)
			continue;
		fb = wall(agreed_day + 100 + demo_rng_below(g->r, 25), 16, 0);
		wall_text(fb, when);
		if (closed) {
			snprintf(text, sizeof(text), "You told us about %s. We ran checks with %s over six weeks "
				 "and found no evidence of a continuing problem, so the PACT panel agreed to close "
				 "this priority. We will keep an eye on the figures.",
				 title, tp->partner_org);
			snprintf(note, sizeof(note), "Closed at PACT: checks showed no pattern. Re-open if three or more "
				 "new reports arrive in a month.");
		} else {
			snprintf(text, sizeof(text), "%s", tp->we_did);
			snprintf(note, sizeof(note), "Internal: intelligence logs and the addresses visited are on the "
				 "case file; not for publication. Reviewed at the tasking meeting.");
		}
		field(&g->feedback, "priority");
		field(&g->feedback, key);
		field(&g->feedback, when);
		field(&g->feedback, closed ? "no-action" : "action-taken");
		field(&g->feedback, closed ? "not-substantiated" : "");
		field(&g->feedback, text);
		field(&g->feedback, note);
		last_field(&g->feedback, sergeant_of(t, n));
		t->sum->feedback++;
	}
}

int demo_engagement_write(struct demo_town *t, struct demo_rng *r, struct err *e)
{
	struct gen *g = xcalloc(1, sizeof(*g));
	int rc = 0;

	if (!g)
		return err_set(e, ERR_NOMEM, "out of memory writing the engagement history");
	g->t = t;
	g->r = r;
	g->first_month = t->opt.last_month - 11;
	g->first_day = month_day(g->first_month, 1);
	g->end_day = month_day(t->opt.last_month + 1, 1);
	strbuf_addstr(&g->acts, "key,force,neighbourhood,kind,mode,title,starts,ends,venue,address,"
		      "latitude,longitude,accessibility,online_link,adjustments,attendance,demographics,notes\n");
	strbuf_addstr(&g->concerns, "reference,force,neighbourhood,raised,channel,category,language,text,"
		      "location,latitude,longitude,activity,anonymous,name,email,phone,consent\n");
	strbuf_addstr(&g->pris, "key,force,neighbourhood,category,title,public_text,evidence_kind,evidence,"
		      "meeting,votes_for,votes_against,abstentions,review_date,status\n");
	strbuf_addstr(&g->actions, "key,priority,owner_kind,owner,partner_org,description,created,due_date,"
		      "status,result\n");
	strbuf_addstr(&g->feedback, "subject_kind,subject,given,outcome,reason,public_text,internal_note,given_by\n");
	for (int n = 0; n < t->nnbhd; n++) {
		int is_priority[NELEM(topics)] = { 0 };

		g->na = g->nc = 0;
		plan_activities(g, n);
		raise_concerns(g, n);
		agree_priorities(g, n, is_priority);
		concern_feedback(g, n, is_priority);
	}
	if ((rc = demo_write_file(t, "engagement/activities.csv", &g->acts, e)) < 0 ||
	    (rc = demo_write_file(t, "engagement/concerns.csv", &g->concerns, e)) < 0 ||
	    (rc = demo_write_file(t, "engagement/priorities.csv", &g->pris, e)) < 0 ||
	    (rc = demo_write_file(t, "engagement/actions.csv", &g->actions, e)) < 0 ||
	    (rc = demo_write_file(t, "engagement/feedback.csv", &g->feedback, e)) < 0)
		goto out;
out:
	strbuf_release(&g->acts);
	strbuf_release(&g->concerns);
	strbuf_release(&g->pris);
	strbuf_release(&g->actions);
	strbuf_release(&g->feedback);
	xfree(g);
	return rc;
}
