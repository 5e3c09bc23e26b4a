/*
 * demo_people.c - who polices the demo town and who lives their community
 * life there: a neighbourhood team per neighbourhood (teams.csv) and the
 * community groups and places each team works with (places.csv).
 *
 * Names are a mix of Welsh and English, as in a bilingual town; every
 * person, group and place is fictional.  Places sit inside their own
 * neighbourhood, on one of its streets.
 */
#include <stdio.h>
#include <string.h>

#include "base/xalloc.h"
#include "demo/demo-internal.h"

#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const char *const first_names[] = {
	"Rhys", "Carys", "Dafydd", "Ffion", "Gareth", "Nia", "Iwan", "Lowri", "Sioned",
	"Owain", "Catrin", "Huw", "Megan", "Emyr", "Elin", "Tomos", "Gwen", "Aled",
	"Sarah", "James", "Emma", "Daniel", "Rachel", "Mark", "Hannah", "Paul",
	"Laura", "Chris", "Sophie", "Adam", "Priya", "Marek", "Aisha", "Kwame",
};
static const char *const surnames[] = {
	"Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis",
	"Morgan", "Griffiths", "Owen", "Pritchard", "Parry", "Rees", "Jenkins", "Lloyd",
	"Smith", "Taylor", "Walker", "Clarke", "Wright", "Baker", "Kowalski", "Rahman",
	"Mensah", "Edwards", "Price", "Vaughan",
};

static const struct {
	int theme;
	const char *kind, *type, *name, *desc;
} places[] = {
	{ THEME_CENTRE, "place", "Library", "Llyfrgell Porthmawr Library", "Library with free computers, a Welsh-language section and a weekly job club." },
	{ THEME_CENTRE, "place", "Chapel", "Capel y Tabernacl", "Welsh Baptist chapel; the vestry hosts the town centre PACT meeting." },
	{ THEME_CENTRE, "place", "Pub", "The Ship and Castle", "Busy town-centre pub and a Pubwatch member." },
	{ THEME_CENTRE, "place", "Community centre", "Porthmawr Market Hall", "Indoor market, with meeting rooms upstairs." },
	{ THEME_CENTRE, "group", "Business crime partnership", "Porthmawr Business Against Crime", "Shops and licensed premises sharing a radio link and exclusion lists." },
	{ THEME_CENTRE, "group", "Street pastors", "Porthmawr Street Pastors", "Volunteers out on Friday and Saturday nights around Stryd Fawr." },
	{ THEME_CENTRE, "group", "Welsh-language society", "Cymdeithas Gymraeg Porthmawr", "Welsh-language society: talks, a choir and a monthly twmpath. Croeso i bawb." },
	{ THEME_CENTRE, "group", "LGBT+ group", "Porthmawr Pride", "LGBT+ social and support group meeting at the library." },
	{ THEME_CENTRE, "place", "GP surgery", "Stryd Fawr Surgery", "GP surgery in the middle of town." },
	{ THEME_HARBOUR, "place", "Mosque", "Porthmawr Mosque and Islamic Centre", "Mosque and community centre; Friday prayers draw families from across the town." },
	{ THEME_HARBOUR, "group", "Community association", "Polish Community Association Porthmawr", "Saturday school, advice sessions and a noticeboard in Polish and English." },
	{ THEME_HARBOUR, "group", "Refugee support", "Croeso Porthmawr", "Volunteers supporting Syrian and Afghan families resettled in the town." },
	{ THEME_HARBOUR, "place", "Community centre", "Seafarers' Mission", "Drop-in for the crews of visiting ships and for fishermen." },
	{ THEME_HARBOUR, "group", "Residents' association", "Dock Street Residents' Association", "Residents of the terraces round the old docks." },
	{ THEME_HARBOUR, "place", "School", "Ysgol Gynradd yr Harbwr", "Bilingual primary school." },
	{ THEME_HARBOUR, "place", "Pub", "The Lobster Pot", "Harbour pub with live music at weekends." },
	{ THEME_HARBOUR, "group", "Food bank", "Harbourside Food Bank", "Food bank at St Mary's church hall, Tuesdays and Fridays." },
	{ THEME_HARBOUR, "place", "Church", "St Mary's Church", "Parish church by the harbour." },
	{ THEME_SEAFRONT, "group", "Older people's group", "Glan-y-Môr Lunch Club", "Tuesday lunch club for older residents at the bowls pavilion." },
	{ THEME_SEAFRONT, "place", "Park", "Promenade Gardens", "Gardens and shelters along the promenade." },
	{ THEME_SEAFRONT, "place", "Community centre", "Porthmawr Lifeboat Station", "RNLI station; the crew room hosts community events." },
	{ THEME_SEAFRONT, "group", "Neighbourhood Watch", "Marine Terrace Neighbourhood Watch", "Neighbourhood Watch for the seafront terraces." },
	{ THEME_SEAFRONT, "place", "Chapel", "Capel Seion", "Welsh Methodist chapel; services in Welsh." },
	{ THEME_SEAFRONT, "group", "Dementia group", "Caffi Cofio", "Memory cafe for people living with dementia and their carers." },
	{ THEME_SEAFRONT, "place", "GP surgery", "Glan-y-Môr Medical Centre", "GP surgery on the seafront." },
	{ THEME_SEAFRONT, "group", "Sports club", "Porthmawr Bowling Club", "Outdoor bowls in summer, carpet bowls in winter." },
	{ THEME_MORFA, "group", "Neighbourhood Watch", "Morfa Neighbourhood Watch", "Neighbourhood Watch covering most of Morfa." },
	{ THEME_MORFA, "place", "School", "Ysgol Morfa", "Welsh-medium primary school." },
	{ THEME_MORFA, "place", "Community centre", "Morfa Village Hall", "Village hall used by clubs most evenings." },
	{ THEME_MORFA, "place", "Park", "Morfa Playing Fields", "Football pitches and a play area." },
	{ THEME_MORFA, "group", "Parents' group", "Morfa Parents and Toddlers", "Weekly parents and toddlers group." },
	{ THEME_MORFA, "place", "Pub", "The Railway Inn", "Local pub by the level crossing." },
	{ THEME_MORFA, "group", "Residents' association", "Morfa Residents' Association", "Residents' association for Morfa." },
	{ THEME_MORFA, "place", "Church", "St David's Church", "Church in Wales parish church." },
	{ THEME_ESTATE, "place", "Leisure centre", "Canolfan Hamdden Penrhyn Leisure Centre", "Pool, gym and sports hall." },
	{ THEME_ESTATE, "group", "Youth club", "Penrhyn Youth Club", "Youth club three nights a week, ages 11 to 18." },
	{ THEME_ESTATE, "group", "Residents' association", "Penrhyn Tenants' and Residents' Association", "Tenants and residents of the Penrhyn estate." },
	{ THEME_ESTATE, "group", "Food bank", "Penrhyn Pantry", "Community pantry and a warm space in winter." },
	{ THEME_ESTATE, "place", "School", "Ysgol Gynradd Penrhyn", "Primary school on the estate." },
	{ THEME_ESTATE, "place", "Supermarket", "Penrhyn Co-op", "The estate's only shop open late." },
	{ THEME_ESTATE, "place", "Community centre", "Penrhyn Community Hub", "Community hub with a cafe and advice sessions." },
	{ THEME_ESTATE, "group", "Sports club", "Penrhyn ABC Boxing Club", "Amateur boxing club for young people." },
	{ THEME_ESTATE, "place", "Park", "Parc Penrhyn", "Park with a skate ramp and play area." },
	{ THEME_STUDENT, "place", "University", "Porthmawr University Students' Union", "Students' union bar, shop and advice centre." },
	{ THEME_STUDENT, "group", "LGBT+ group", "Students' Union LGBT+ Society", "LGBT+ society of the students' union." },
	{ THEME_STUDENT, "group", "Residents' association", "Bryn Coleg Residents and Students Forum", "Long-standing residents and students meeting each term." },
	{ THEME_STUDENT, "place", "Chapel", "University Chaplaincy", "Multi-faith chaplaincy and prayer room." },
	{ THEME_STUDENT, "group", "Community association", "International Students' Association", "Support and socials for students from overseas." },
	{ THEME_STUDENT, "place", "Park", "Coed y Bryn", "Woodland paths between the campus and the town." },
	{ THEME_STUDENT, "place", "Pub", "The Scholar's Arms", "Student pub with quiz nights." },
	{ THEME_STUDENT, "group", "Cycling group", "Bike Doctor Porthmawr", "Free bike repairs and cycle marking." },
	{ THEME_RETAIL, "place", "Supermarket", "Porthmawr Retail Park", "Two supermarkets and a dozen retail units." },
	{ THEME_RETAIL, "group", "Business crime partnership", "Retail Park Shopwatch", "Store security and managers sharing information." },
	{ THEME_RETAIL, "place", "Community centre", "Maes-y-Dre Community Centre", "Community centre on the new estate." },
	{ THEME_RETAIL, "group", "Neighbourhood Watch", "Maes-y-Dre Neighbourhood Watch", "Neighbourhood Watch for the new housing." },
	{ THEME_RETAIL, "place", "School", "Ysgol Uwchradd Porthmawr", "The town's bilingual secondary school." },
	{ THEME_RETAIL, "group", "Youth club", "Clwb Ffermwyr Ifanc Maes-y-Dre", "Young Farmers' Club." },
	{ THEME_RETAIL, "group", "Parents' group", "Maes-y-Dre Parents' Network", "Parents on the new estate." },
	{ THEME_SUBURB, "group", "Neighbourhood Watch", "Llys Newydd Neighbourhood Watch", "Neighbourhood Watch for Llys Newydd." },
	{ THEME_SUBURB, "place", "School", "Ysgol Llys Newydd", "Primary school." },
	{ THEME_SUBURB, "place", "Church", "Llys Newydd Community Church", "Church with a busy hall." },
	{ THEME_SUBURB, "group", "Older people's group", "Llys Newydd Friendship Club", "Friendship club for older residents." },
	{ THEME_SUBURB, "place", "Park", "Llys Newydd Park", "Park and playing fields." },
	{ THEME_SUBURB, "group", "Farm watch", "Glanmor Farm Watch", "Farmers sharing news of rural crime." },
	{ THEME_SUBURB, "place", "GP surgery", "Llys Newydd Health Centre", "GP surgery and pharmacy." },
	{ THEME_SUBURB, "group", "Parents' group", "Llys Newydd Parents' Network", "Parents' network." },
};

static void lower_ascii(struct strbuf *sb, const char *s)
{
	for (; *s; s++)
		if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'))
			strbuf_addch(sb, (char)(*s | 0x20));
}

static int write_teams(struct demo_town *t, struct demo_rng *r, struct err *e)
{
	struct strbuf sb = STRBUF_INIT;
	unsigned char used[NELEM(first_names)][NELEM(surnames)];
	int rc;

	memset(used, 0, sizeof(used));
	if (!(t->officers = xcalloc((size_t)t->nnbhd * 5, sizeof(*t->officers))))
		return err_set(e, ERR_NOMEM, "out of memory listing the teams");
	strbuf_addstr(&sb, "Force ID,Neighbourhood ID,Name,Rank,Bio,Email,Telephone\n");
	for (int n = 0; n < t->nnbhd; n++) {
		int pcs = 1 + demo_rng_below(r, 2), pcsos = 1 + demo_rng_below(r, 2);

		for (int k = 0; k < 1 + pcs + pcsos; k++) {
			const char *rank = k == 0 ? "Sergeant" : k <= pcs ? "Police Constable" : "PCSO";
			int f, s;
			char name[80], bio[400];

			do {
				f = demo_rng_below(r, NELEM(first_names));
				s = demo_rng_below(r, NELEM(surnames));
			} while (used[f][s]);
			used[f][s] = 1;
			snprintf(name, sizeof(name), "%s %s", first_names[f], surnames[s]);
			t->officers[t->nofficers].nbhd = n;
			t->officers[t->nofficers].rank = rank;
			memcpy(t->officers[t->nofficers++].name, name, sizeof(name));
			snprintf(bio, sizeof(bio), "%s%s %s has worked in %s for %d years%s.",
				 demo_rng_chance(r, 0.45) ? "Siaradwr Cymraeg / Welsh speaker. " : "",
				 k == 0 ? "Sergeant" : k <= pcs ? "PC" : "PCSO", name,
				 t->nbhds[n].name, 1 + demo_rng_below(r, 14),
				 k == 0 ? " and leads the neighbourhood team" :
				 k <= pcs ? "" : ", and is often at the community centre and the school gates");
			strbuf_addf(&sb, "%s,%s,%s,%s,", DEMO_FORCE_ID, t->nbhds[n].id, name, rank);
			demo_csv_field(&sb, bio);
			strbuf_addch(&sb, ',');
			lower_ascii(&sb, first_names[f]);
			strbuf_addch(&sb, '.');
			lower_ascii(&sb, surnames[s]);
			strbuf_addstr(&sb, "@" DEMO_DOMAIN ",101\n");
			t->sum->people++;
		}
	}
	rc = demo_write_file(t, "teams.csv", &sb, e);
	strbuf_release(&sb);
	return rc;
}

static int write_places(struct demo_town *t, struct demo_rng *r, struct err *e)
{
	struct strbuf sb = STRBUF_INIT;
	int rc;

	if (!(t->venues = xcalloc((size_t)t->nnbhd * 8, sizeof(*t->venues))))
		return err_set(e, ERR_NOMEM, "out of memory listing the places");
	strbuf_addstr(&sb, "Force ID,Neighbourhood ID,Kind,Type,Name,Address,Latitude,Longitude,Description\n");
	for (int n = 0; n < t->nnbhd; n++) {
		int avail = 0, want, left;

		for (int k = 0; k < NELEM(places); k++)
			avail += places[k].theme == t->nbhds[n].theme;
		want = 5 + demo_rng_below(r, 4);
		if (want > avail)
			want = avail;
		left = avail;
		for (int k = 0; k < NELEM(places) && want > 0; k++) {
			int pt;
			char addr[160];

			if (places[k].theme != t->nbhds[n].theme)
				continue;
			/* pick `want` of the `left` remaining, keeping their order */
			if (demo_rng_below(r, left--) >= want)
				continue;
			want--;
			pt = demo_point_in_nbhd(t, r, n);
			if (pt < 0)
				continue;
			snprintf(addr, sizeof(addr), "%d %s, %s", 1 + demo_rng_below(r, 90),
				 t->points[pt].name, DEMO_TOWN);
			strbuf_addf(&sb, "%s,%s,%s,", DEMO_FORCE_ID, t->nbhds[n].id, places[k].kind);
			demo_csv_field(&sb, places[k].type);
			strbuf_addch(&sb, ',');
			demo_csv_field(&sb, places[k].name);
			strbuf_addch(&sb, ',');
			demo_csv_field(&sb, addr);
			strbuf_addch(&sb, ',');
			demo_csv_coord(&sb, t->points[pt].p.lat);
			strbuf_addch(&sb, ',');
			demo_csv_coord(&sb, t->points[pt].p.lon);
			strbuf_addch(&sb, ',');
			demo_csv_field(&sb, places[k].desc);
			strbuf_addch(&sb, '\n');
			t->sum->places++;
			t->venues[t->nvenues] = (struct demo_venue){ n, places[k].kind, places[k].type,
								     places[k].name, pt, "" };
			memcpy(t->venues[t->nvenues++].address, addr, sizeof(addr));
		}
	}
	rc = demo_write_file(t, "places.csv", &sb, e);
	strbuf_release(&sb);
	return rc;
}

int demo_people_write(struct demo_town *t, struct demo_rng *r, struct err *e)
{
	int rc = write_teams(t, r, e);

	return rc < 0 ? rc : write_places(t, r, e);
}
