/*
 * page_data.c - the open-data downloads page (see page_data.h).
 */
#include "views/page_data.h"

#include "views/govuk.h"

static void size_text(struct html *h, size_t bytes)
{
	char n[32];

	if (bytes < 1024)
		html_msg_args(h, M_DATA_BYTES, count_text((int64_t)bytes, n), NULL);
	else if (bytes < 1024 * 1024)
		html_msg_args(h, M_DATA_KB, count_text((int64_t)((bytes + 512) / 1024), n), NULL);
	else
		html_msg_args(h, M_DATA_MB,
			      count_text((int64_t)((bytes + 512 * 1024) / (1024 * 1024)), n), NULL);
}

static const struct govuk_col file_cols[] = {
	{ M_DATA_COL_FILE, 0 }, { M_DATA_COL_TYPE, GOVUK_WIDE_ONLY }, { M_DATA_COL_SIZE, GOVUK_NUMERIC },
};

static void dataset_section(struct html *h, const struct opendata_set *set, size_t d)
{
	const struct opendata_dataset *ds = &set->datasets[d];

	HTML(h, "<section class=\"engage-dataset\">\n<h2 class=\"govuk-heading-m\">");
	html_text(h, ds->title);
	HTML(h, "</h2>\n<p class=\"govuk-body\">");
	html_text(h, ds->description);
	HTML(h, "</p>\n");
	govuk_table_begin(h, GOVUK_CAPTION_HIDDEN);
	html_msg_args(h, M_DATA_FILES_CAPTION, ds->title, NULL);
	govuk_table_head(h, file_cols, 3);
	for (size_t i = 0; i < set->nfiles; i++) {
		const struct opendata_file *f = &set->files[i];

		if (f->dataset != (int)d)
			continue;
		HTML(h, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">"
			"<a class=\"govuk-link\" href=\"/data/");
		html_url_arg(h, f->name);
		HTML(h, "\" download>");
		html_text(h, f->name);
		HTML(h, "</a><br><span class=\"govuk-body-s engage-file-title\">");
		html_text(h, f->title);
		HTML(h, "</span></th><td class=\"govuk-table__cell engage-wide-only\">");
		html_text(h, f->media_type);
		HTML(h, "</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">");
		size_text(h, f->body.len);
		HTML(h, "</td></tr>\n");
	}
	govuk_table_end(h);
	HTML(h, "</section>\n");
}

void page_data(const struct opendata_set *set, const struct page_ctx *pc, struct strbuf *out)
{
	struct html h = { out, pc->lang };
	static const char licence[] = "<a class=\"govuk-link\" rel=\"license\" href=\""
		OPENDATA_LICENCE_URL "\">" OPENDATA_LICENCE_NAME "</a>";
	static const char catalog[] = "<a class=\"govuk-link\" href=\"/data/catalog.jsonld\">"
		"catalog.jsonld</a>";
	struct strbuf attr = STRBUF_INIT, os = STRBUF_INIT, when = STRBUF_INIT;
	struct html ah = { &attr, pc->lang }, oh = { &os, pc->lang }, wh = { &when, pc->lang };

	html_text(&ah, OPENDATA_ATTRIBUTION);
	html_text(&oh, OPENDATA_OS_ATTRIBUTION);
	html_text(&wh, set->modified);
	layout_begin(&h, pc, msg_text(pc->lang, M_DATA_TITLE));
	HTML(&h, "<h1 class=\"govuk-heading-xl\">");
	html_msg(&h, M_DATA_TITLE);
	HTML(&h, "</h1>\n<p class=\"govuk-body-l\">");
	html_msgv(&h, M_DATA_LEAD, (const char *const[]){ licence, attr.buf ? attr.buf : "",
							 os.buf ? os.buf : "" }, 3);
	HTML(&h, "</p>\n<p class=\"govuk-body\">");
	html_msgv(&h, M_DATA_ABOUT, (const char *const[]){ catalog, when.buf ? when.buf : "" }, 2);
	HTML(&h, "</p>\n");
	for (size_t d = 0; d < set->ndatasets; d++)
		dataset_section(&h, set, d);
	layout_end(&h, pc);
	strbuf_release(&attr);
	strbuf_release(&os);
	strbuf_release(&when);
}
